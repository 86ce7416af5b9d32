import { defineHandler, Errors } from '@vitrine/platform';
import type { CouponService } from '../coupons/index.js';
import type { LoyaltyService } from '../loyalty/index.js';
import type { ModuleDeps, PaymentsModule } from '../module.js';
import type { PaymentsContext } from '../context.js';
import { createCheckoutViewModel } from './checkout-view.model.js';
import { CheckoutViewService } from './checkout-view.service.js';
import { createPaymentModel, type PaymentDocument } from './payment.model.js';
import {
  BoutiquePaymentsResolver,
  OrderPaymentResolver,
  PaymentResolver,
  UserPaymentsResolver,
} from './payment.resolver.js';
import { CheckoutPaymentService } from './payment.service.js';
import { RefundService } from './refund.service.js';

export const paymentResolvers = [
  PaymentResolver,
  UserPaymentsResolver,
  BoutiquePaymentsResolver,
  OrderPaymentResolver,
] as const;

/**
 * Checkout payments and refunds: the checkout read model (from orders' events), Stripe
 * PaymentIntents and refunds, their webhooks, and `Payment` with the history fields.
 */
export function createCheckoutPaymentsModule(
  deps: ModuleDeps,
  parts: { coupons: CouponService; loyalty: LoyaltyService },
  clock?: () => Date,
): PaymentsModule & { service: CheckoutPaymentService } {
  const payments = createPaymentModel(deps.db);
  const views = createCheckoutViewModel(deps.db);
  const checkouts = new CheckoutViewService(views);
  const service = new CheckoutPaymentService(
    payments,
    checkouts,
    parts.coupons,
    parts.loyalty,
    deps.stripe,
    deps.outbox,
    deps.logger.child({ component: 'payments' }),
    deps.config.checkout.maxFailedAttempts,
  );
  const refunds = new RefundService(
    payments,
    checkouts,
    deps.stripe,
    deps.outbox,
    deps.config.refunds.boutiqueWindowMs,
    deps.logger.child({ component: 'refunds' }),
    clock,
  );
  return {
    service,
    aggregates: [payments],
    models: [views],
    webhooks: {
      'payment_intent.succeeded': (e) => service.intentSucceeded(e.data.object),
      'payment_intent.payment_failed': (e) => service.intentFailed(e.data.object, e.id),
      'charge.refunded': (e) => refunds.chargeRefunded(e.data.object),
    },
    events: [
      defineHandler('order.created', (e) => checkouts.orderCreated(e)),
      defineHandler('order.cancelled', async (e) => {
        const checkoutId = await checkouts.orderCancelled(e);
        if (!checkoutId) return;
        await service.checkoutCancelled(checkoutId);
        await refunds.refundCancelledOrders(checkoutId);
      }),
      defineHandler('payment.completed', (e) => refunds.refundCancelledOrders(e.data.checkoutId)),
      defineHandler('payment.failed', (e) => service.releaseCoupon(e.data.paymentId)),
    ],
    resolvers: [
      [PaymentResolver, new PaymentResolver(service, refunds)],
      [UserPaymentsResolver, new UserPaymentsResolver(service)],
      [BoutiquePaymentsResolver, new BoutiquePaymentsResolver(service)],
      [OrderPaymentResolver, new OrderPaymentResolver(service)],
    ],
    tasks: [
      {
        name: 'send refunds Stripe did not answer',
        intervalMs: 60_000,
        run: () => refunds.resendUnsent(),
      },
    ],
    references: {
      Payment: {
        __resolveReference: async (
          reference: { id: string },
          ctx: PaymentsContext,
        ): Promise<PaymentDocument> => {
          const payment = await ctx.loaders.payment.load(reference.id);
          if (!payment) throw Errors.notFound('Payment', reference.id);
          await service.assertCanView(ctx, payment, ctx.loaders.team);
          return payment;
        },
      },
    },
  };
}
