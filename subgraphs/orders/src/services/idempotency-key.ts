import { Errors } from '@vitrine/platform';

const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * The id of a checkout record: one per customer and idempotency key, so a retried checkout finds
 * the first one, and two customers' keys never collide.
 */
export function checkoutRecordId(customerId: string, idempotencyKey: string): string {
  if (!KEY.test(idempotencyKey)) {
    throw Errors.badUserInput(
      'idempotencyKey',
      'idempotencyKey must be 8 to 100 letters, digits or ._:- (a UUID is a good key)',
    );
  }
  return `${customerId}|${idempotencyKey}`;
}
