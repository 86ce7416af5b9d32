import { afterEach, describe, expect, it } from 'vitest';
import { MissingToolError, requireTool } from './toolchain.js';

describe('requireTool', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('names what to install when a toolchain is missing', () => {
    process.env.PATH = '/nonexistent';
    expect(() => requireTool('mvn', 'downloading Kafka')).toThrow(MissingToolError);
    expect(() => requireTool('mvn', 'downloading Kafka')).toThrow(
      /`mvn` was not found on PATH, and downloading Kafka needs it\. Install Apache Maven/,
    );
  });
});
