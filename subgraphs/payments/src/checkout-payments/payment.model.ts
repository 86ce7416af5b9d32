import {
  getModelForClass,
  index,
  modelOptions,
  prop,
  type DocumentType,
  type ReturnModelType,
} from '@typegoose/typegoose';
import { Aggregate, Money } from '@vitrine/platform';
import type { Connection, Types } from 'mongoose';
import { registerEnumType } from 'type-graphql';

export enum PaymentStatus {
  /** Recorded; discounts being taken and the PaymentIntent being created. */
  CREATING = 'CREATING',
  /** The PaymentIntent waits for the customer to pay. */
  REQUIRES_PAYMENT = 'REQUIRES_PAYMENT',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

export enum RefundStatus {
  /** Asked of Stripe; not confirmed yet. */
  PENDING = 'PENDING',
  /** Stripe confirmed it (charge.refunded). */
  SUCCEEDED = 'SUCCEEDED',
  /** Stripe refused it: the amount is refundable again. */
  FAILED = 'FAILED',
}

registerEnumType(PaymentStatus, { name: 'PaymentStatus' });
registerEnumType(RefundStatus, { name: 'RefundStatus' });

/** One order's share of a payment: what it cost, its share of the discounts, what was refunded. */
@modelOptions({ schemaOptions: { _id: false } })
export class PaymentOrder {
  @prop({ required: true })
  orderId!: string;

  @prop({ required: true })
  boutiqueId!: string;

  /** The order's total, as orders computed it. */
  @prop({ required: true })
  total!: number;

  /** Its share of the coupon and loyalty discounts. */
  @prop({ default: 0 })
  discount!: number;

  /** Refunds asked or done for this order (pending ones included, failed ones not). */
  @prop({ default: 0 })
  refunded!: number;

  /** Cancelled before the payment was created: not charged. */
  @prop({ default: false })
  excluded!: boolean;
}

@modelOptions({ schemaOptions: { _id: false } })
export class PaymentRefund {
  @prop({ required: true })
  refundId!: string;

  @prop({ required: true })
  orderId!: string;

  @prop({ required: true })
  amount!: number;

  @prop({ required: true })
  reason!: string;

  @prop({ required: true, enum: RefundStatus, type: () => String })
  status!: RefundStatus;

  @prop({ type: () => String, default: null })
  stripeRefundId!: string | null;

  /** Who asked for it (null: the system, for an order cancelled after payment). */
  @prop({ type: () => String, default: null })
  requestedBy!: string | null;

  @prop({ required: true, type: () => Date })
  createdAt!: Date;

  @prop({ type: () => Date, default: null })
  settledAt!: Date | null;
}

@modelOptions({ schemaOptions: { _id: false } })
export class AppliedCoupon {
  @prop({ required: true })
  couponId!: string;

  @prop({ required: true })
  code!: string;

  @prop({ required: true })
  amount!: number;
}

/**
 * The payment of one checkout (unique by checkout): the amount charged (the orders' totals less
 * the discounts), its Stripe PaymentIntent, its status, the orders it pays with their shares, and
 * its refunds. Every change (status, a refund and its share) is one write with its events, and
 * refunds are checked against the shares in the same compare-and-swap on `version`.
 */
@index({ checkoutId: 1 }, { unique: true })
@index({ intentId: 1 })
@index({ customerId: 1, _id: -1 })
@index({ 'orders.orderId': 1 })
@index({ 'orders.boutiqueId': 1, _id: -1 })
@modelOptions({ schemaOptions: { collection: 'payments', timestamps: true } })
export class Payment extends Aggregate {
  _id!: Types.ObjectId;

  @prop({ required: true })
  checkoutId!: string;

  @prop({ required: true })
  customerId!: string;

  @prop({ required: true, enum: PaymentStatus, type: () => String })
  status!: PaymentStatus;

  @prop({ required: true })
  currency!: string;

  /** The orders' totals before discounts. */
  @prop({ required: true })
  subtotal!: number;

  /** What is charged: subtotal less the coupon and loyalty discounts. */
  @prop({ required: true })
  amount!: number;

  @prop({ type: () => AppliedCoupon, _id: false, default: null })
  coupon!: AppliedCoupon | null;

  @prop({ default: 0 })
  loyaltyPoints!: number;

  @prop({ default: 0 })
  loyaltyDiscount!: number;

  @prop({ type: () => [PaymentOrder], default: [] })
  orders!: PaymentOrder[];

  @prop({ type: () => [PaymentRefund], default: [] })
  refunds!: PaymentRefund[];

  /** The Stripe PaymentIntent (the transaction id shown to users). */
  @prop({ type: () => String, default: null })
  intentId!: string | null;

  @prop({ type: () => String, default: null })
  method!: string | null;

  /** Why the last attempt was declined, or why the payment failed. */
  @prop({ type: () => String, default: null })
  failureReason!: string | null;

  /** Declined attempts so far (Stripe charges or events), each counted once. */
  @prop({ type: () => [String], default: [] })
  failedAttempts!: string[];

  @prop({ type: () => Date, default: null })
  paidAt!: Date | null;

  /** What Stripe last said was refunded of the charge (charge.refunded). */
  @prop({ default: 0 })
  stripeRefunded!: number;

  @prop({ default: 0 })
  version!: number;

  createdAt!: Date;
  updatedAt!: Date;
}

export type PaymentDocument = DocumentType<Payment>;
export type PaymentModel = ReturnModelType<typeof Payment>;

export function createPaymentModel(connection: Connection): PaymentModel {
  return getModelForClass(Payment, { existingConnection: connection });
}

export function capturedOf(order: Pick<PaymentOrder, 'total' | 'discount' | 'excluded'>): number {
  return order.excluded ? 0 : order.total - order.discount;
}

export function moneyOf(amount: number, currency: string): Money {
  return { amount, currency };
}
