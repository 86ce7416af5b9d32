import { ConnectionType, Money } from '@vitrine/platform';
import { IsOptional, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { OrderRef } from '../models/entity-refs.model.js';
import { PaymentStatus, RefundStatus } from './payment.model.js';

@ObjectType('AppliedCoupon', { description: 'The coupon a payment used, and what it took off.' })
export class AppliedCouponView {
  @Field()
  code!: string;

  @Field(() => Money)
  amount!: Money;
}

@ObjectType({ description: "One order's share of a payment." })
export class PaymentOrderShare {
  @Field(() => OrderRef)
  order!: OrderRef;

  @Field(() => ID)
  boutiqueId!: string;

  @Field(() => Money, { description: "The order's total, before discounts." })
  total!: Money;

  @Field(() => Money, { description: 'Its share of the coupon and loyalty discounts.' })
  discount!: Money;

  @Field(() => Money, { description: 'What was charged for it: total less discount.' })
  captured!: Money;

  @Field(() => Money, { description: 'Refunded or being refunded.' })
  refunded!: Money;

  @Field(() => Money, { description: 'What can still be refunded.' })
  refundable!: Money;

  @Field({ description: 'Cancelled before the payment started: not charged.' })
  excluded!: boolean;
}

@ObjectType('Refund', { description: "A refund of (part of) one order's share of a payment." })
export class RefundView {
  @Field(() => ID)
  id!: string;

  @Field(() => OrderRef)
  order!: OrderRef;

  @Field(() => Money)
  amount!: Money;

  @Field()
  reason!: string;

  @Field(() => RefundStatus)
  status!: RefundStatus;

  @Field(() => ID, { nullable: true, description: 'Who asked for it; null for the system.' })
  requestedBy!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When Stripe confirmed or refused it.' })
  settledAt!: Date | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Payment', { description: "The payment of a checkout's orders." })
export class PaymentView {
  @Field(() => ID)
  id!: string;

  @Field()
  checkoutId!: string;

  @Field(() => String, { nullable: true, description: 'The Stripe PaymentIntent id.' })
  transactionId!: string | null;

  @Field(() => Money, { description: 'What is charged: subtotal less discount.' })
  amount!: Money;

  @Field(() => Money, { description: "The orders' totals." })
  subtotal!: Money;

  @Field(() => Money, { description: 'Coupon and loyalty discounts together.' })
  discount!: Money;

  @Field(() => AppliedCouponView, { nullable: true })
  coupon!: AppliedCouponView | null;

  @Field(() => Int)
  loyaltyPointsSpent!: number;

  @Field()
  currency!: string;

  @Field(() => String, { nullable: true, description: 'card, ... (once paid).' })
  method!: string | null;

  @Field(() => PaymentStatus)
  status!: PaymentStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the last attempt was declined (the customer may try again), or why it failed.',
  })
  failureReason!: string | null;

  @Field(() => Int, { description: 'Declined attempts so far.' })
  failedAttempts!: number;

  @Field(() => [ID])
  orderIds!: string[];

  @Field(() => ID)
  customerId!: string;

  @Field(() => [PaymentOrderShare], {
    description:
      "Each order's share. A boutique's team sees its own boutique's orders only; the customer and admins see all.",
  })
  orders!: PaymentOrderShare[];

  @Field(() => [RefundView], {
    description: "Oldest first. A boutique's team sees the refunds of its own orders only.",
  })
  refunds!: RefundView[];

  @Field(() => Money, { description: 'Refunded or being refunded, all orders together.' })
  refunded!: Money;

  @Field(() => Date, { nullable: true })
  paidAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export const PaymentConnection = ConnectionType(PaymentView, 'Payment');

@ObjectType({ description: 'A payment, and what Stripe.js needs to confirm it.' })
export class CheckoutPayment {
  @Field(() => PaymentView)
  payment!: PaymentView;

  @Field(() => String, {
    nullable: true,
    description: "The PaymentIntent's client secret, while it waits for payment.",
  })
  clientSecret!: string | null;
}

@InputType()
export class StartCheckoutPaymentInput {
  @Field(() => ID, { description: 'The id that `checkout` returned.' })
  checkoutId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(32)
  couponCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Loyalty points to spend.' })
  @IsOptional()
  @Min(0)
  @Max(100_000_000)
  loyaltyPoints?: number | null;
}

@InputType()
export class RefundOrderInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Minor units; all that can still be refunded of the order when absent.',
  })
  @IsOptional()
  @Min(1)
  amount?: number | null;

  @Field()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}
