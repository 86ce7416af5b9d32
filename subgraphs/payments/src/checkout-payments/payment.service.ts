import {
  Errors,
  hasRole,
  inOrderOf,
  initialOutbox,
  isDuplicateKeyError,
  newId,
  objectIdsOf,
  paginate,
  requireOwnerOr,
  requireRole,
  requireViewer,
  Role,
  tryObjectId,
  updateWithEvents,
  type AuthContext,
  type ConnectionResult,
  type Logger,
  type OutboxWriter,
  isTeamMember,
  type BoutiqueTeam,
} from '@vitrine/platform';
import {
  normalizeCode,
  type CouponQuote,
  type CouponService,
  type DiscountLine,
} from '../coupons/index.js';
import type { LoyaltyService } from '../loyalty/index.js';
import { allocate } from '../services/money.js';
import type { Stripe } from '../stripe/stripe-client.js';
import type { CheckoutView } from './checkout-view.model.js';
import type { CheckoutViewService } from './checkout-view.service.js';
import {
  PaymentStatus,
  type Payment,
  type PaymentDocument,
  type PaymentModel,
  type PaymentOrder,
} from './payment.model.js';
import type { PaymentsLoaders } from '../context.js';

export interface StartPaymentInput {
  checkoutId: string;
  couponCode?: string | null;
  loyaltyPoints?: number | null;
}

export interface CheckoutPaymentOutcome {
  payment: PaymentDocument;
  /** For Stripe.js to confirm the PaymentIntent; only while it waits for payment. */
  clientSecret: string | null;
}

type PageArgs = { first: number; after?: string | null };
type TeamLoader = { load(boutiqueId: string): Promise<BoutiqueTeam | null> };

/**
 * Responsible for the payment of a checkout, from the amount the orders subgraph computed (never
 * the client's) less the coupon and loyalty discounts, to Stripe's verdict:
 *
 * 1. `start` records the payment (one per checkout: a unique index), takes the coupon redemption
 *    and the points (each keyed by the payment, so a retry takes nothing twice), then creates the
 *    PaymentIntent with an idempotency key. An interrupted start resumes from its record.
 * 2. Stripe's webhooks move it: `REQUIRES_PAYMENT → SUCCEEDED | FAILED` as conditional updates on
 *    the status, each with its event (`payment.completed` / `payment.failed`) in the same write; a
 *    repeated or stale webhook finds the status moved on and changes nothing.
 */
export class CheckoutPaymentService {
  constructor(
    private readonly payments: PaymentModel,
    private readonly checkouts: CheckoutViewService,
    private readonly coupons: CouponService,
    private readonly loyalty: LoyaltyService,
    private readonly stripe: Stripe,
    private readonly outbox: OutboxWriter,
    private readonly logger: Logger,
    private readonly maxFailedAttempts = 3,
  ) {}

  async start(ctx: AuthContext, input: StartPaymentInput): Promise<CheckoutPaymentOutcome> {
    const viewer = requireViewer(ctx);
    const checkout = await this.checkouts.byId(input.checkoutId);
    if (checkout && checkout.customerId !== viewer.id) {
      throw Errors.notFound('Checkout', input.checkoutId);
    }
    if (!checkout || checkout.orders.length < checkout.orderIds.length) {
      // Right after `checkout`, its orders may still be on their way from the orders subgraph.
      throw Errors.conflict(
        'This checkout is not ready to be paid yet; try again in a moment',
        'input.checkoutId',
      );
    }
    const existing = await this.payments.findOne({ checkoutId: checkout._id }).exec();
    if (existing) return this.resume(this.sameDiscounts(existing, input));
    const payment = await this.plan(checkout, input);
    try {
      return await this.resume(await this.payments.create(payment));
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const winner = await this.payments.findOne({ checkoutId: checkout._id }).exec();
      if (!winner) throw err;
      return this.resume(this.sameDiscounts(winner, input));
    }
  }

  /** The payment as it will be recorded: amounts, discounts and each order's share. */
  private async plan(checkout: CheckoutView, input: StartPaymentInput): Promise<Payment> {
    const cancelled = new Set(checkout.cancelledOrderIds);
    const live = checkout.orders.filter((o) => !cancelled.has(o.orderId));
    if (live.length === 0) {
      throw Errors.badUserInput('input.checkoutId', 'Every order of this checkout was cancelled');
    }
    const currency = live[0].total.currency;
    const subtotal = live.reduce((sum, o) => sum + o.total.amount, 0);
    const lines: DiscountLine[] = live.flatMap((o) =>
      o.lines.map((l) => ({
        orderId: o.orderId,
        boutiqueId: o.boutiqueId,
        productId: l.productId,
        amount: l.amount,
      })),
    );
    const quote: CouponQuote | null = input.couponCode
      ? await this.coupons.quote(input.couponCode, checkout.customerId, currency, lines)
      : null;
    const couponShares = live.map((o) => quote?.byOrder.get(o.orderId) ?? 0);
    const afterCoupon = subtotal - (quote?.amount ?? 0);

    const points = input.loyaltyPoints ?? 0;
    const loyaltyDiscount = points > 0 ? this.loyalty.discountFor(points, currency) : 0;
    if (points > 0 && loyaltyDiscount === 0) {
      throw Errors.badUserInput('input.loyaltyPoints', 'Too few points to take anything off');
    }
    const ceiling = this.loyalty.maxDiscountOf(afterCoupon);
    if (loyaltyDiscount > ceiling) {
      throw Errors.badUserInput(
        'input.loyaltyPoints',
        `Points may pay at most ${ceiling} (minor units) of this checkout`,
      );
    }
    const loyaltyShares = allocate(
      loyaltyDiscount,
      live.map((o, i) => o.total.amount - couponShares[i]),
    );
    const discountOf = new Map(live.map((o, i) => [o.orderId, couponShares[i] + loyaltyShares[i]]));
    return {
      _id: newId(),
      checkoutId: checkout._id,
      customerId: checkout.customerId,
      status: PaymentStatus.CREATING,
      currency,
      subtotal,
      amount: afterCoupon - loyaltyDiscount,
      coupon: quote
        ? { couponId: quote.coupon.id, code: quote.coupon.code, amount: quote.amount }
        : null,
      loyaltyPoints: loyaltyDiscount > 0 ? points : 0,
      loyaltyDiscount,
      orders: checkout.orders.map((o) => ({
        orderId: o.orderId,
        boutiqueId: o.boutiqueId,
        total: o.total.amount,
        discount: discountOf.get(o.orderId) ?? 0,
        refunded: 0,
        excluded: cancelled.has(o.orderId),
      })),
      refunds: [],
      intentId: null,
      method: null,
      failureReason: null,
      paidAt: null,
      stripeRefunded: 0,
      version: 0,
      ...initialOutbox(),
    } as unknown as Payment;
  }

  /** A second start of the same checkout may not ask for other discounts than the first. */
  private sameDiscounts(payment: PaymentDocument, input: StartPaymentInput): PaymentDocument {
    const code = input.couponCode ? normalizeCode(input.couponCode) || null : null;
    const points = input.loyaltyPoints ?? 0;
    if ((payment.coupon?.code ?? null) !== code || payment.loyaltyPoints !== points) {
      throw Errors.conflict(
        'The payment of this checkout has started with other discounts',
        'input.couponCode',
      );
    }
    return payment;
  }

  /**
   * Carries a payment as far as it can go: takes its discounts, creates its PaymentIntent, and
   * returns the client secret while it waits for payment.
   */
  private async resume(payment: PaymentDocument): Promise<CheckoutPaymentOutcome> {
    if (payment.status === PaymentStatus.REQUIRES_PAYMENT && payment.intentId) {
      const intent = await this.stripe.paymentIntents.retrieve(payment.intentId);
      return { payment, clientSecret: intent.client_secret };
    }
    if (payment.status !== PaymentStatus.CREATING) return { payment, clientSecret: null };
    await this.takeDiscounts(payment);
    if (payment.amount === 0) {
      return { payment: await this.succeed(payment, 'discount', null), clientSecret: null };
    }
    const intent = await this.stripe.paymentIntents.create(
      {
        amount: payment.amount,
        currency: payment.currency.toLowerCase(),
        automatic_payment_methods: { enabled: true },
        description: `Vitrine checkout ${payment.checkoutId}`,
        metadata: {
          paymentId: payment.id,
          checkoutId: payment.checkoutId,
          customerId: payment.customerId,
        },
      },
      { idempotencyKey: `payment-intent-${payment.id}` },
    );
    const updated = await this.payments
      .findOneAndUpdate(
        { _id: payment._id, status: PaymentStatus.CREATING },
        {
          $set: { status: PaymentStatus.REQUIRES_PAYMENT, intentId: intent.id },
          $inc: { version: 1 },
        },
        { returnDocument: 'after' },
      )
      .exec();
    const current = updated ?? (await this.payments.findById(payment._id).exec())!;
    return {
      payment: current,
      clientSecret: current.status === PaymentStatus.REQUIRES_PAYMENT ? intent.client_secret : null,
    };
  }

  /**
   * Takes the coupon redemption and the points of a payment being created; if either is refused,
   * gives back what was taken and forgets the payment, so the failed start changes nothing.
   */
  private async takeDiscounts(payment: PaymentDocument): Promise<void> {
    const paymentId = payment.id;
    try {
      if (payment.coupon) {
        const coupon = await this.coupons.byId(payment.coupon.couponId);
        await this.coupons.redeem(coupon, payment.coupon.couponId, payment.customerId, paymentId);
      }
      if (payment.loyaltyPoints > 0) {
        await this.loyalty.spend(payment.customerId, paymentId, payment.loyaltyPoints);
      }
    } catch (err) {
      if (payment.coupon) {
        await this.coupons.release(payment.coupon.couponId, payment.customerId, paymentId);
      }
      // Nothing when no points were spent; gives back a spend written before a later error.
      await this.loyalty.restoreSpent(payment.customerId, paymentId, paymentId);
      await this.payments.deleteOne({ _id: payment._id, status: PaymentStatus.CREATING }).exec();
      throw err;
    }
  }

  /** payment_intent.succeeded: the money is captured (also after a failure: Stripe is the truth). */
  async intentSucceeded(intent: Stripe.PaymentIntent): Promise<void> {
    const payment = await this.ofIntent(intent);
    if (!payment || payment.status === PaymentStatus.SUCCEEDED) return;
    if (intent.amount_received !== payment.amount) {
      this.logger.error(
        { paymentId: payment.id, expected: payment.amount, received: intent.amount_received },
        'Stripe captured another amount than the payment asked',
      );
    }
    if (payment.status === PaymentStatus.FAILED) {
      this.logger.warn({ paymentId: payment.id }, 'a failed payment succeeded after all');
    }
    await this.succeed(payment, intent.payment_method_types?.[0] ?? 'card', intent.id);
  }

  /**
   * payment_intent.payment_failed: an attempt was declined. The customer may try again (another
   * card, on the same PaymentIntent) until `maxFailedAttempts` declines; then the payment fails:
   * the checkout's orders are cancelled and the discounts given back. Each attempt counts once
   * (keyed by its charge, or by the Stripe event).
   */
  async intentFailed(intent: Stripe.PaymentIntent, eventId: string): Promise<void> {
    const reason = (intent.last_payment_error?.message ?? 'The payment was declined').slice(0, 200);
    const charge = intent.latest_charge ?? intent.last_payment_error?.charge ?? null;
    const attempt = (typeof charge === 'string' ? charge : charge?.id) ?? eventId;
    const found = await this.ofIntent(intent);
    if (!found) return;
    const counted = await this.payments
      .findOneAndUpdate(
        {
          _id: found._id,
          status: PaymentStatus.REQUIRES_PAYMENT,
          failedAttempts: { $ne: attempt },
        },
        {
          $set: { failureReason: reason },
          $push: { failedAttempts: attempt },
          $inc: { version: 1 },
        },
        { returnDocument: 'after' },
      )
      .exec();
    // Read again when not counted now: a crash may have come between the count and the failure.
    const payment = counted ?? (await this.payments.findById(found._id).exec());
    if (
      payment?.status === PaymentStatus.REQUIRES_PAYMENT &&
      payment.failedAttempts.length >= this.maxFailedAttempts &&
      (await this.fail(payment, reason))
    ) {
      await this.cancelIntent(payment);
    }
  }

  /**
   * Every order of the checkout was cancelled before it was paid (timeout, stock): the payment
   * ends, its discounts go back and Stripe stops waiting for it.
   */
  async checkoutCancelled(checkoutId: string): Promise<void> {
    const checkout = await this.checkouts.byId(checkoutId);
    const payment = await this.payments.findOne({ checkoutId }).exec();
    if (!checkout || !payment) return;
    const cancelled = new Set(checkout.cancelledOrderIds);
    if (!payment.orders.every((o) => o.excluded || cancelled.has(o.orderId))) return;
    // Waiting for the customer, or left half-created (Stripe was unreachable and nobody retried).
    const open = [PaymentStatus.REQUIRES_PAYMENT, PaymentStatus.CREATING];
    if (!open.includes(payment.status)) return;
    if (await this.fail(payment, 'Every order of the checkout was cancelled')) {
      await this.cancelIntent(payment);
    }
  }

  /** Stripe stops waiting for a payment that failed (best effort: it expires anyway). */
  private async cancelIntent(payment: PaymentDocument): Promise<void> {
    if (!payment.intentId) return;
    await this.stripe.paymentIntents
      .cancel(payment.intentId, {}, { idempotencyKey: `payment-intent-cancel-${payment.id}` })
      .catch((err: unknown) =>
        this.logger.warn({ err, paymentId: payment.id }, 'could not cancel the PaymentIntent'),
      );
  }

  private async succeed(
    payment: PaymentDocument,
    method: string,
    intentId: string | null,
  ): Promise<PaymentDocument> {
    const event = this.outbox.event('payment.completed', payment.id, {
      paymentId: payment.id,
      checkoutId: payment.checkoutId,
      orderIds: payment.orders.filter((o) => !o.excluded).map((o) => o.orderId),
      customerId: payment.customerId,
      amount: { amount: payment.amount, currency: payment.currency },
    });
    const updated = await this.payments
      .findOneAndUpdate(
        { _id: payment._id, status: { $ne: PaymentStatus.SUCCEEDED } },
        updateWithEvents(
          {
            $set: {
              status: PaymentStatus.SUCCEEDED,
              method,
              paidAt: new Date(),
              failureReason: null,
              ...(intentId && { intentId }),
            },
            $inc: { version: 1 },
          },
          event,
        ),
        { returnDocument: 'after' },
      )
      .exec();
    if (updated) this.outbox.written();
    return updated ?? (await this.payments.findById(payment._id).exec())!;
  }

  private async fail(payment: PaymentDocument, reason: string): Promise<boolean> {
    const event = this.outbox.event('payment.failed', payment.id, {
      paymentId: payment.id,
      checkoutId: payment.checkoutId,
      orderIds: payment.orders.filter((o) => !o.excluded).map((o) => o.orderId),
      customerId: payment.customerId,
      reason: reason.slice(0, 200),
    });
    const updated = await this.payments
      .updateOne(
        {
          _id: payment._id,
          status: { $in: [PaymentStatus.REQUIRES_PAYMENT, PaymentStatus.CREATING] },
        },
        updateWithEvents(
          {
            $set: { status: PaymentStatus.FAILED, failureReason: reason.slice(0, 200) },
            $inc: { version: 1 },
          },
          event,
        ),
      )
      .exec();
    if (updated.modifiedCount === 1) this.outbox.written();
    return updated.modifiedCount === 1;
  }

  /** Gives back a failed payment's coupon redemption (its points: loyalty's own handler). */
  async releaseCoupon(paymentId: string): Promise<void> {
    const payment = await this.payments.findById(tryObjectId(paymentId)).lean().exec();
    if (payment?.coupon && payment.status === PaymentStatus.FAILED) {
      await this.coupons.release(payment.coupon.couponId, payment.customerId, paymentId);
    }
  }

  /**
   * The payment of a PaymentIntent: by the payment id its metadata carries (a primary-key read),
   * checked against the intent id, else by the intent id.
   */
  private async ofIntent(intent: Stripe.PaymentIntent): Promise<PaymentDocument | null> {
    const id = tryObjectId(intent.metadata?.paymentId);
    const byMetadata = id ? await this.payments.findById(id).exec() : null;
    if (byMetadata && (byMetadata.intentId === intent.id || byMetadata.intentId === null)) {
      return byMetadata;
    }
    const byIntent = await this.payments.findOne({ intentId: intent.id }).exec();
    if (!byIntent) {
      this.logger.warn({ intentId: intent.id }, 'a PaymentIntent of no payment of ours');
    }
    return byIntent;
  }

  // ---- reading ----------------------------------------------------------------------------

  async byId(ctx: AuthContext, id: string, teams: TeamLoader): Promise<PaymentDocument> {
    const _id = tryObjectId(id);
    const payment = _id ? await this.payments.findById(_id).exec() : null;
    if (!payment) throw Errors.notFound('Payment', id);
    await this.assertCanView(ctx, payment, teams);
    return payment;
  }

  async byIds(ids: readonly string[]): Promise<(PaymentDocument | null)[]> {
    const found = await this.payments.find({ _id: { $in: objectIdsOf(ids) } }).exec();
    return inOrderOf(ids, found, (p) => p.id);
  }

  /** The payments of many orders in one query, in the order of `orderIds` (null: none yet). */
  async byOrderIds(orderIds: readonly string[]): Promise<(PaymentDocument | null)[]> {
    const found = await this.payments.find({ 'orders.orderId': { $in: [...orderIds] } }).exec();
    const byOrder = new Map(found.flatMap((p) => p.orders.map((o) => [o.orderId, p] as const)));
    return orderIds.map((id) => byOrder.get(id) ?? null);
  }

  /** The payment of an order, if it has one that its viewer may see. */
  async forOrder(ctx: AuthContext, orderId: string, loaders: PaymentsLoaders) {
    const payment = await loaders.paymentOfOrder.load(orderId);
    if (!payment) return null;
    await this.assertCanView(ctx, payment, loaders.team);
    return payment;
  }

  listForCustomer(
    ctx: AuthContext,
    customerId: string,
    page: PageArgs,
  ): Promise<ConnectionResult<PaymentDocument>> {
    requireOwnerOr(ctx, customerId, Role.ADMIN);
    return paginate(this.payments, { customerId }, page) as Promise<
      ConnectionResult<PaymentDocument>
    >;
  }

  async listForBoutique(
    ctx: AuthContext,
    boutiqueId: string,
    page: PageArgs,
    teams: TeamLoader,
  ): Promise<ConnectionResult<PaymentDocument>> {
    const viewer = requireViewer(ctx);
    if (!hasRole(viewer, Role.ADMIN) && !isTeamMember(await teams.load(boutiqueId), viewer.id)) {
      throw Errors.forbidden();
    }
    return paginate(this.payments, { 'orders.boutiqueId': boutiqueId }, page) as Promise<
      ConnectionResult<PaymentDocument>
    >;
  }

  list(ctx: AuthContext, page: PageArgs): Promise<ConnectionResult<PaymentDocument>> {
    requireRole(ctx, Role.ADMIN);
    return paginate(this.payments, {}, page) as Promise<ConnectionResult<PaymentDocument>>;
  }

  /** The customer, a member of a team of one of its boutiques, or an admin. */
  async assertCanView(
    ctx: AuthContext,
    payment: Pick<Payment, 'customerId' | 'orders'>,
    teams: TeamLoader,
  ): Promise<void> {
    requireViewer(ctx);
    if ((await this.visibleShares(ctx, payment, teams)).length === 0) throw Errors.forbidden();
  }

  /**
   * The orders' shares of a payment its viewer may see: all of them for its customer and admins,
   * a boutique team's own (a payment spans several boutiques).
   */
  async visibleShares(
    ctx: AuthContext,
    payment: Pick<Payment, 'customerId' | 'orders'>,
    teams: TeamLoader,
  ): Promise<PaymentOrder[]> {
    const viewer = ctx.viewer;
    if (!viewer || viewer.id === payment.customerId || hasRole(viewer, Role.ADMIN)) {
      return payment.orders;
    }
    const ids = [...new Set(payment.orders.map((o) => o.boutiqueId))];
    const teamsOf = await Promise.all(ids.map((id) => teams.load(id)));
    const mine = new Set(ids.filter((_, i) => isTeamMember(teamsOf[i], viewer.id)));
    return payment.orders.filter((o) => mine.has(o.boutiqueId));
  }
}
