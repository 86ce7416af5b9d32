import { describe, expect, it } from 'vitest';
import { checkoutRecordId } from './idempotency-key.js';

const customer = '65f0a1b2c3d4e5f601234567';

describe(checkoutRecordId.name, () => {
  it('keys a checkout by customer and idempotency key', () => {
    const key = '3b241101-e2bb-4255-8caf-4136c566a962';
    expect(checkoutRecordId(customer, key)).toBe(`${customer}|${key}`);
    expect(checkoutRecordId(customer, key)).toBe(checkoutRecordId(customer, key));
    expect(checkoutRecordId('75f0a1b2c3d4e5f601234567', key)).not.toBe(
      checkoutRecordId(customer, key),
    );
  });

  it.each(['short', 'x'.repeat(101), 'has space in it', 'a|b|c|d|e|f'])(
    'refuses %j on idempotencyKey',
    (key) => {
      expect(() => checkoutRecordId(customer, key)).toThrow(
        expect.objectContaining({
          extensions: { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
        }),
      );
    },
  );
});
