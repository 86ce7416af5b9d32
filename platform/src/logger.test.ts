import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from './logger.js';

describe(scrubSecrets.name, () => {
  it('removes API keys, webhook secrets and bearer tokens from a text', () => {
    const scrubbed = scrubSecrets(
      "Authorization was 'Bearer sk_test_51Hx9abcDEF', key sk_live_ABC123, secret whsec_x_1, Bearer eyJhbGciOi.eyJzdWIi.sig",
    );
    expect(scrubbed).not.toMatch(/sk_test_51|sk_live_ABC|whsec_x|eyJhbGci/);
    expect(scrubbed).toContain('[redacted]');
  });
});

describe(createLogger.name, () => {
  it('logs an error without the secret an SDK repeated in it, nor its raw payload', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ service: 'payments', destination });
    const err = Object.assign(
      new Error("Please authenticate. Authorization was 'Bearer sk_test_abcdef123'."),
      { type: 'StripeAuthenticationError', raw: { message: 'key sk_test_abcdef123' } },
    );
    logger.error({ err }, 'Stripe refused');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as { err: Record<string, unknown> };
    expect(lines[0]).not.toContain('sk_test_abcdef123');
    expect(line.err.message).toBe("Please authenticate. Authorization was 'Bearer [redacted]'.");
    expect(line.err.raw).toBeUndefined();
  });
});
