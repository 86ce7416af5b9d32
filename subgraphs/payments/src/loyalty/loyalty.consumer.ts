import { defineHandler } from '@vitrine/platform';
import type { LoyaltyService } from './loyalty.service.js';

/**
 * Points follow the money: earned when a payment completes, given back when it fails, and, on
 * a refund, the refunded share of what it earned taken back and of what it spent given back.
 */
export function loyaltyHandlers(loyalty: LoyaltyService) {
  return [
    defineHandler('payment.completed', (e) =>
      loyalty.earn(
        e.data.customerId,
        e.data.paymentId,
        e.data.amount.amount,
        e.data.amount.currency,
      ),
    ),
    defineHandler('payment.failed', (e) =>
      loyalty.restoreSpent(e.data.customerId, e.data.paymentId, e.data.paymentId),
    ),
    defineHandler('payment.refunded', async (e) => {
      const captured = e.data.paymentCaptured.amount;
      const share = captured > 0 ? e.data.amount.amount / captured : 0;
      await loyalty.reverseEarned(e.data.customerId, e.data.paymentId, e.data.refundId, share);
      await loyalty.restoreSpent(e.data.customerId, e.data.paymentId, e.data.refundId, share);
    }),
  ];
}
