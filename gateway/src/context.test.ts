import { describe, expect, it } from 'vitest';
import { clientAddress, requestIdFrom } from './context.js';

describe(clientAddress.name, () => {
  const headers = { 'x-forwarded-for': '203.0.113.7, 10.0.0.2' };

  it("believes X-Forwarded-For's first hop only behind a trusted proxy", () => {
    expect(clientAddress(headers, '10.0.0.2', true)).toBe('203.0.113.7');
    expect(clientAddress(headers, '198.51.100.4', false)).toBe('198.51.100.4');
    expect(clientAddress({}, '198.51.100.4', true)).toBe('198.51.100.4');
  });
});

describe(requestIdFrom.name, () => {
  it("keeps a caller's sane request id and replaces anything else", () => {
    expect(requestIdFrom('req-42.a:b')).toBe('req-42.a:b');
    expect(requestIdFrom('bad id\nwith newline')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
