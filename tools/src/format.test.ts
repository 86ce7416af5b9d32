import { describe, expect, it } from 'vitest';
import { formatTable, shellQuote } from './format.js';

describe('formatTable', () => {
  it('pads columns to their widest cell and trims line ends', () => {
    expect(
      formatTable(
        ['NAME', 'STATE', 'PID'],
        [
          ['ferretdb', 'running', '42'],
          ['kafka', 'stopped', '-'],
        ],
      ),
    ).toBe(['NAME      STATE    PID', 'ferretdb  running  42', 'kafka     stopped  -'].join('\n'));
  });
});

describe('shellQuote', () => {
  it('leaves URLs and broker lists bare', () => {
    expect(shellQuote('mongodb://127.0.0.1:27017')).toBe('mongodb://127.0.0.1:27017');
    expect(shellQuote('k1:9092,k2:9092')).toBe('k1:9092,k2:9092');
  });

  it('single-quotes anything else, escaping single quotes', () => {
    expect(shellQuote('mongodb://h/db?a=1&b=2')).toBe("'mongodb://h/db?a=1&b=2'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});
