import { ConnectionArgs, Money, type ConnectionResult } from '@vitrine/platform';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { PaymentsContext } from '../context.js';
import { BoutiqueRef, OrderRef, UserRef } from '../models/entity-refs.model.js';
import { capturedOf, moneyOf, type PaymentDocument } from './payment.model.js';
import type { CheckoutPaymentOutcome, CheckoutPaymentService } from './payment.service.js';
import type { RefundService } from './refund.service.js';
import {
  AppliedCouponView,
  CheckoutPayment,
  PaymentConnection,
  PaymentOrderShare,
  PaymentView,
  RefundOrderInput,
  RefundView,
  StartCheckoutPaymentInput,
} from './payment.types.js';

type PaymentRoot = Pick<
  PaymentDocument,
  | 'id'
  | 'customerId'
  | 'intentId'
  | 'currency'
  | 'amount'
  | 'subtotal'
  | 'coupon'
  | 'loyaltyPoints'
  | 'orders'
  | 'refunds'
>;

@Resolver(() => PaymentView)
export class PaymentResolver {
  constructor(
    private readonly service: CheckoutPaymentService,
    private readonly refundService: RefundService,
  ) {}

  @Authorized()
  @Mutation(() => CheckoutPayment, {
    description:
      "Starts (or returns) the payment of a checkout: the orders' totals less the coupon and the loyalty points, as a Stripe PaymentIntent whose client secret Stripe.js confirms. Calling it again returns the same payment.",
  })
  startCheckoutPayment(
    @Arg('input', () => StartCheckoutPaymentInput) input: StartCheckoutPaymentInput,
    @Ctx() ctx: PaymentsContext,
  ): Promise<CheckoutPaymentOutcome> {
    return this.service.start(ctx, input);
  }

  @Authorized()
  @Mutation(() => PaymentView, {
    description:
      "Refunds (part of) an order's share of its payment: admins at any time, the boutique's team within the refund window. Never more than was captured for the order.",
  })
  issueRefund(
    @Arg('input', () => RefundOrderInput) input: RefundOrderInput,
    @Ctx() ctx: PaymentsContext,
  ): Promise<PaymentDocument> {
    return this.refundService.refundOrder(ctx, input, ctx.loaders.team);
  }

  @Authorized()
  @Query(() => PaymentView, { description: 'For its customer, its boutiques and admins.' })
  payment(@Arg('id', () => ID) id: string, @Ctx() ctx: PaymentsContext): Promise<PaymentDocument> {
    return this.service.byId(ctx, id, ctx.loaders.team);
  }

  @Authorized()
  @Query(() => PaymentConnection, { description: 'Every payment, newest first (admins).' })
  payments(
    @Args() page: ConnectionArgs,
    @Ctx() ctx: PaymentsContext,
  ): Promise<ConnectionResult<PaymentDocument>> {
    return this.service.list(ctx, page);
  }

  @FieldResolver(() => String, { nullable: true })
  transactionId(@Root() payment: PaymentRoot): string | null {
    return payment.intentId;
  }

  @FieldResolver(() => AppliedCouponView, { nullable: true })
  coupon(@Root() payment: PaymentRoot): AppliedCouponView | null {
    return payment.coupon
      ? { code: payment.coupon.code, amount: moneyOf(payment.coupon.amount, payment.currency) }
      : null;
  }

  @FieldResolver()
  amount(@Root() payment: PaymentRoot) {
    return moneyOf(payment.amount, payment.currency);
  }

  @FieldResolver()
  subtotal(@Root() payment: PaymentRoot) {
    return moneyOf(payment.subtotal, payment.currency);
  }

  @FieldResolver()
  discount(@Root() payment: PaymentRoot) {
    return moneyOf(payment.subtotal - payment.amount, payment.currency);
  }

  @FieldResolver(() => Int)
  failedAttempts(@Root() payment: Pick<PaymentDocument, 'failedAttempts'>): number {
    return payment.failedAttempts.length;
  }

  @FieldResolver()
  loyaltyPointsSpent(@Root() payment: PaymentRoot): number {
    return payment.loyaltyPoints;
  }

  @FieldResolver(() => [ID])
  orderIds(@Root() payment: PaymentRoot): string[] {
    return payment.orders.filter((o) => !o.excluded).map((o) => o.orderId);
  }

  @FieldResolver(() => [PaymentOrderShare])
  async orders(
    @Root() payment: PaymentRoot,
    @Ctx() ctx: PaymentsContext,
  ): Promise<PaymentOrderShare[]> {
    const money = (amount: number) => moneyOf(amount, payment.currency);
    const shares = await this.service.visibleShares(ctx, payment, ctx.loaders.team);
    return shares.map((o) => ({
      order: { id: o.orderId },
      boutiqueId: o.boutiqueId,
      total: money(o.total),
      discount: money(o.discount),
      captured: money(capturedOf(o)),
      refunded: money(o.refunded),
      refundable: money(Math.max(0, capturedOf(o) - o.refunded)),
      excluded: o.excluded,
    }));
  }

  @FieldResolver(() => [RefundView])
  async refunds(@Root() payment: PaymentRoot, @Ctx() ctx: PaymentsContext): Promise<RefundView[]> {
    const shares = await this.service.visibleShares(ctx, payment, ctx.loaders.team);
    const visible = new Set(shares.map((o) => o.orderId));
    return payment.refunds
      .filter((r) => visible.has(r.orderId))
      .map((r) => ({
        id: r.refundId,
        order: { id: r.orderId },
        amount: moneyOf(r.amount, payment.currency),
        reason: r.reason,
        status: r.status,
        requestedBy: r.requestedBy,
        createdAt: r.createdAt,
        settledAt: r.settledAt,
      }));
  }

  @FieldResolver(() => Money)
  async refunded(@Root() payment: PaymentRoot, @Ctx() ctx: PaymentsContext): Promise<Money> {
    const shares = await this.service.visibleShares(ctx, payment, ctx.loaders.team);
    return moneyOf(
      shares.reduce((sum, o) => sum + o.refunded, 0),
      payment.currency,
    );
  }
}

/** `User.payments`: the user's payment history, for the user and admins. */
@Resolver(() => UserRef)
export class UserPaymentsResolver {
  constructor(private readonly service: CheckoutPaymentService) {}

  @FieldResolver(() => PaymentConnection, { description: "The user's payments, newest first." })
  payments(
    @Root() user: Pick<UserRef, 'id'>,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: PaymentsContext,
  ): Promise<ConnectionResult<PaymentDocument>> {
    return this.service.listForCustomer(ctx, user.id, page);
  }
}

/** `Boutique.payments`: payments of the boutique's orders, for its team and admins. */
@Resolver(() => BoutiqueRef)
export class BoutiquePaymentsResolver {
  constructor(private readonly service: CheckoutPaymentService) {}

  @FieldResolver(() => PaymentConnection, {
    description: 'Payments that include an order of the boutique, newest first.',
  })
  payments(
    @Root() boutique: Pick<BoutiqueRef, 'id'>,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: PaymentsContext,
  ): Promise<ConnectionResult<PaymentDocument>> {
    return this.service.listForBoutique(ctx, boutique.id, page, ctx.loaders.team);
  }
}

/** `Order.payment`: for whoever may see the payment. */
@Resolver(() => OrderRef)
export class OrderPaymentResolver {
  constructor(private readonly service: CheckoutPaymentService) {}

  @FieldResolver(() => PaymentView, {
    nullable: true,
    description: "The order's payment, once started.",
  })
  payment(
    @Root() order: Pick<OrderRef, 'id'>,
    @Ctx() ctx: PaymentsContext,
  ): Promise<PaymentDocument | null> {
    return this.service.forOrder(ctx, order.id, ctx.loaders);
  }
}
