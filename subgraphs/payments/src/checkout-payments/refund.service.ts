import {
  Errors,
  hasRole,
  newId,
  requireViewer,
  Role,
  updateWithEvents,
  type AuthContext,
  type CloudEvent,
  type Logger,
  type OutboxWriter,
  isTeamMember,
  type BoutiqueTeam,
} from '@vitrine/platform';
import { Stripe } from '../stripe/stripe-client.js';
import type { CheckoutViewService } from './checkout-view.service.js';
import {
  capturedOf,
  PaymentStatus,
  RefundStatus,
  type PaymentDocument,
  type PaymentModel,
  type PaymentOrder,
  type PaymentRefund,
} from './payment.model.js';

export interface RefundRequest {
  orderId: string;
  /** Minor units; all that is refundable of the order when absent. */
  amount?: number | null;
  reason: string;
}

type TeamLoader = { load(boutiqueId: string): Promise<BoutiqueTeam | null> };

const MAX_ATTEMPTS = 20;

/** A change of a payment: its update (without the version) and the events it causes. */
interface Change {
  update: { $set?: Record<string, unknown>; $push?: Record<string, unknown> };
  events?: CloudEvent[];
}

/**
 * Responsible for refunds, per order (a payment covers a checkout's orders, one per boutique):
 * asked by an admin at any time, or by the boutique's team within the refund window after the
 * payment; never more than the order's captured share. Each refund is first booked against that
 * share in a compare-and-swap on the payment's version (so concurrent refunds can never add up
 * beyond it), then asked of Stripe with an idempotency key; Stripe's `charge.refunded` webhook
 * confirms it and emits `payment.refunded`. Orders cancelled after their payment are refunded
 * by the system.
 */
export class RefundService {
  constructor(
    private readonly payments: PaymentModel,
    private readonly checkouts: CheckoutViewService,
    private readonly stripe: Stripe,
    private readonly outbox: OutboxWriter,
    private readonly boutiqueWindowMs: number,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async refundOrder(
    ctx: AuthContext,
    request: RefundRequest,
    teams: TeamLoader,
  ): Promise<PaymentDocument> {
    const viewer = requireViewer(ctx);
    const payment = await this.payments.findOne({ 'orders.orderId': request.orderId }).exec();
    const share = payment?.orders.find((o) => o.orderId === request.orderId);
    if (!payment || !share) throw Errors.notFound('Payment of order', request.orderId);
    if (!hasRole(viewer, Role.ADMIN)) {
      if (!isTeamMember(await teams.load(share.boutiqueId), viewer.id)) throw Errors.forbidden();
      const paidAt = payment.paidAt?.getTime() ?? 0;
      if (this.clock().getTime() - paidAt > this.boutiqueWindowMs) {
        throw Errors.forbidden(
          "This order's refund window is over; only the marketplace's support can refund it now",
        );
      }
    }
    if (payment.status !== PaymentStatus.SUCCEEDED) {
      throw Errors.conflict('Only a completed payment can be refunded', 'input.orderId');
    }
    if (request.amount != null && request.amount <= 0) {
      throw Errors.badUserInput('input.amount', 'A refund is a positive amount');
    }
    return this.issue(payment.id, request, viewer.id, `refund-${newId().toHexString()}`);
  }

  /**
   * Refunds what is left of the captured share of each order of the payment that was cancelled,
   * once (the refund id is derived from the order).
   */
  async refundCancelledOrders(checkoutId: string): Promise<void> {
    const checkout = await this.checkouts.byId(checkoutId);
    // Most checkouts have no cancelled order: then there is no payment to look at.
    if (!checkout?.cancelledOrderIds.length) return;
    const payment = await this.payments.findOne({ checkoutId }).exec();
    if (payment?.status !== PaymentStatus.SUCCEEDED) return;
    for (const orderId of checkout.cancelledOrderIds) {
      const share = payment.orders.find((o) => o.orderId === orderId && !o.excluded);
      if (!share) continue;
      const refundId = `cancelled-${orderId}`;
      // Booked by an earlier delivery: `issue` sends it to Stripe if it never got there.
      const booked = payment.refunds.some((r) => r.refundId === refundId);
      if (!booked && capturedOf(share) - share.refunded <= 0) continue;
      await this.issue(payment.id, { orderId, reason: 'order cancelled' }, null, refundId);
    }
  }

  /**
   * Sends again the refunds booked but never acknowledged by Stripe (it did not answer, or the
   * process stopped in between), with their idempotency keys: Stripe makes each one once.
   */
  async resendUnsent(olderThanMs = 60_000): Promise<number> {
    const cutoff = this.clock().getTime() - olderThanMs;
    const payments = await this.payments.find({ 'refunds.status': RefundStatus.PENDING }).exec();
    let sent = 0;
    for (const payment of payments) {
      for (const refund of payment.refunds) {
        if (refund.status !== RefundStatus.PENDING || refund.stripeRefundId) continue;
        if (refund.createdAt.getTime() > cutoff) continue;
        await this.issue(payment.id, refund, refund.requestedBy, refund.refundId);
        sent += 1;
      }
    }
    return sent;
  }

  /** Books a refund (or finds it booked), then asks Stripe for it if it was not asked yet. */
  private async issue(
    paymentId: string,
    request: RefundRequest,
    requestedBy: string | null,
    refundId: string,
  ): Promise<PaymentDocument> {
    const booked = await this.book(paymentId, request, requestedBy, refundId);
    const refund = booked.refunds.find((r) => r.refundId === refundId)!;
    if (refund.stripeRefundId || refund.status !== RefundStatus.PENDING) return booked;
    let stripeRefundId: string;
    try {
      const created = await this.stripe.refunds.create(
        {
          payment_intent: booked.intentId!,
          amount: refund.amount,
          metadata: { refundId, orderId: refund.orderId, paymentId },
        },
        { idempotencyKey: refundId },
      );
      stripeRefundId = created.id;
    } catch (err) {
      if (
        err instanceof Stripe.errors.StripeInvalidRequestError ||
        err instanceof Stripe.errors.StripeCardError
      ) {
        this.logger.error({ err, paymentId, refundId }, 'Stripe refused a refund');
        await this.settle(paymentId, refundId, RefundStatus.FAILED);
        throw Errors.conflict('The payment provider refused this refund', 'input.orderId');
      }
      // No answer: Stripe may have made it. It stays pending and is sent again with its key.
      this.logger.error({ err, paymentId, refundId }, 'Stripe did not answer a refund');
      throw err;
    }
    return this.setStripeRefundId(paymentId, refundId, stripeRefundId);
  }

  /** Books the refund against the order's share: never beyond what is left of it. */
  private async book(
    paymentId: string,
    request: RefundRequest,
    requestedBy: string | null,
    refundId: string,
  ): Promise<PaymentDocument> {
    return this.swap(paymentId, (payment) => {
      if (payment.refunds.some((r) => r.refundId === refundId)) return null;
      const orders = payment.orders.map((o) => plainOrder(o));
      const share = orders.find((o) => o.orderId === request.orderId)!;
      const refundable = capturedOf(share) - share.refunded;
      const amount = request.amount ?? refundable;
      if (amount <= 0 || amount > refundable) {
        throw Errors.badUserInput(
          'input.amount',
          `At most ${refundable} (minor units of ${payment.currency}) can be refunded of this order`,
        );
      }
      share.refunded += amount;
      const refund: PaymentRefund = {
        refundId,
        orderId: request.orderId,
        amount,
        reason: request.reason.slice(0, 500),
        status: RefundStatus.PENDING,
        stripeRefundId: null,
        requestedBy,
        createdAt: this.clock(),
        settledAt: null,
      };
      return { update: { $set: { orders }, $push: { refunds: refund } } };
    });
  }

  /**
   * charge.refunded: Stripe says how much of the charge is refunded in all; the pending refunds
   * it covers, oldest first, are confirmed, each with its `payment.refunded`. Repeated or stale
   * deliveries cover nothing new.
   */
  async chargeRefunded(charge: Stripe.Charge): Promise<void> {
    const intentId =
      typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
    if (!intentId) return;
    const payment = await this.payments.findOne({ intentId }, { _id: 1 }).lean().exec();
    if (!payment) {
      this.logger.warn({ intentId }, 'a refund of a charge of no payment of ours');
      return;
    }
    await this.swap(payment._id.toHexString(), (current) => {
      const total = Math.max(current.stripeRefunded, charge.amount_refunded);
      const refunds = current.refunds.map((r) => plainRefund(r));
      let covered = refunds
        .filter((r) => r.status === RefundStatus.SUCCEEDED)
        .reduce((sum, r) => sum + r.amount, 0);
      const confirmed: PaymentRefund[] = [];
      for (const refund of refunds) {
        if (refund.status !== RefundStatus.PENDING || covered + refund.amount > total) continue;
        refund.status = RefundStatus.SUCCEEDED;
        refund.settledAt = this.clock();
        covered += refund.amount;
        confirmed.push(refund);
      }
      if (covered < total) {
        this.logger.warn(
          { paymentId: current.id, stripeRefunded: total, ours: covered },
          'Stripe refunded more than Vitrine asked (a refund made in the Stripe dashboard?)',
        );
      }
      if (confirmed.length === 0 && total === current.stripeRefunded) return null;
      return {
        update: { $set: { refunds, stripeRefunded: total } },
        events: confirmed.map((r) => this.refundedEvent(current, r, refunds)),
      };
    });
  }

  private refundedEvent(
    payment: PaymentDocument,
    refund: PaymentRefund,
    refunds: PaymentRefund[],
  ): CloudEvent<'payment.refunded'> {
    const share = payment.orders.find((o) => o.orderId === refund.orderId)!;
    const money = (amount: number) => ({ amount, currency: payment.currency });
    const orderRefunded = refunds
      .filter((r) => r.orderId === refund.orderId && r.status === RefundStatus.SUCCEEDED)
      .reduce((sum, r) => sum + r.amount, 0);
    return this.outbox.event('payment.refunded', payment.id, {
      paymentId: payment.id,
      refundId: refund.refundId,
      checkoutId: payment.checkoutId,
      orderId: refund.orderId,
      boutiqueId: share.boutiqueId,
      customerId: payment.customerId,
      amount: money(refund.amount),
      orderCaptured: money(capturedOf(share)),
      orderRefunded: money(orderRefunded),
      paymentCaptured: money(payment.amount),
      reason: refund.reason,
    });
  }

  /** A refund Stripe refused: marked failed, its amount refundable again. */
  private async settle(paymentId: string, refundId: string, status: RefundStatus) {
    await this.swap(paymentId, (payment) => {
      const refunds = payment.refunds.map((r) => plainRefund(r));
      const refund = refunds.find((r) => r.refundId === refundId);
      if (!refund || refund.status !== RefundStatus.PENDING) return null;
      refund.status = status;
      refund.settledAt = this.clock();
      const orders = payment.orders.map((o) => plainOrder(o));
      orders.find((o) => o.orderId === refund.orderId)!.refunded -= refund.amount;
      return { update: { $set: { refunds, orders } } };
    });
  }

  private setStripeRefundId(paymentId: string, refundId: string, stripeRefundId: string) {
    return this.swap(paymentId, (payment) => ({
      update: {
        $set: {
          refunds: payment.refunds.map((r) =>
            r.refundId === refundId ? { ...plainRefund(r), stripeRefundId } : plainRefund(r),
          ),
        },
      },
    }));
  }

  /**
   * One compare-and-swap on the payment's version: `decide` looks at the payment as it is and
   * returns the update with the events it causes (null: nothing to do); a lost race reads again.
   * Whole arrays are rewritten because FerretDB's positional updates are unreliable.
   */
  private async swap(
    paymentId: string,
    decide: (payment: PaymentDocument) => Change | null,
  ): Promise<PaymentDocument> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const payment = await this.payments.findById(paymentId).exec();
      if (!payment) throw Errors.notFound('Payment', paymentId);
      const change = decide(payment);
      if (!change) return payment;
      const events = change.events ?? [];
      const update = { ...change.update, $inc: { version: 1 } };
      const swapped = await this.payments
        .findOneAndUpdate(
          { _id: payment._id, version: payment.version },
          events.length ? updateWithEvents(update, ...events) : update,
          { returnDocument: 'after' },
        )
        .exec();
      if (swapped) {
        if (events.length) this.outbox.written();
        return swapped;
      }
    }
    throw Errors.conflict('This payment is being changed by someone else; try again');
  }
}

function plainOrder(order: PaymentOrder): PaymentOrder {
  return {
    orderId: order.orderId,
    boutiqueId: order.boutiqueId,
    total: order.total,
    discount: order.discount,
    refunded: order.refunded,
    excluded: order.excluded,
  };
}

function plainRefund(refund: PaymentRefund): PaymentRefund {
  return {
    refundId: refund.refundId,
    orderId: refund.orderId,
    amount: refund.amount,
    reason: refund.reason,
    status: refund.status,
    stripeRefundId: refund.stripeRefundId,
    requestedBy: refund.requestedBy,
    createdAt: refund.createdAt,
    settledAt: refund.settledAt,
  };
}
