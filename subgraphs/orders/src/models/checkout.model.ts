import {
  getModelForClass,
  index,
  modelOptions,
  prop,
  Severity,
  type DocumentType,
  type ReturnModelType,
} from '@typegoose/typegoose';
import type { Connection } from 'mongoose';
import { Money } from './money.model.js';
import { OrderItem, ShippingAddress } from './order.model.js';

@modelOptions({ schemaOptions: { _id: false } })
export class PlannedOrder {
  @prop({ required: true })
  orderId!: string;

  @prop({ required: true })
  boutiqueId!: string;

  @prop({ type: () => [OrderItem], default: [] })
  items!: OrderItem[];

  @prop({ required: true, type: () => Money, _id: false })
  subtotal!: Money;

  @prop({ required: true, type: () => Money, _id: false })
  tax!: Money;

  @prop({ required: true, type: () => Money, _id: false })
  deliveryFee!: Money;

  @prop({ required: true, type: () => Money, _id: false })
  total!: Money;
}

/**
 * The record of one checkout, keyed by `<customerId>|<idempotencyKey>` and inserted before any
 * order exists. It holds the whole plan (one order per boutique, with its ids and prices), so a
 * retried or interrupted checkout materialises exactly these orders and never new ones.
 */
@index({ customerId: 1, createdAt: -1 })
@modelOptions({
  options: { allowMixed: Severity.ALLOW },
  schemaOptions: { collection: 'checkouts', timestamps: true },
})
export class CheckoutRecord {
  /** `<customerId>|<idempotencyKey>`: unique by construction. */
  @prop({ required: true })
  _id!: string;

  @prop({ required: true })
  checkoutId!: string;

  @prop({ required: true })
  customerId!: string;

  @prop({ type: () => [PlannedOrder], default: [] })
  orders!: PlannedOrder[];

  @prop({ required: true, type: () => ShippingAddress, _id: false })
  shippingAddress!: ShippingAddress;

  /** The cart revision the plan was made from: the claim of the cart is conditional on it. */
  @prop({ required: true })
  cartRevision!: number;

  /** Set once the cart was emptied for this checkout; orders exist only after that. */
  @prop({ default: false })
  cartClaimed!: boolean;

  @prop({ type: () => Date, default: null })
  completedAt!: Date | null;
}

export type CheckoutDocument = DocumentType<CheckoutRecord>;
export type CheckoutModel = ReturnModelType<typeof CheckoutRecord>;

export function createCheckoutModel(connection: Connection): CheckoutModel {
  return getModelForClass(CheckoutRecord, { existingConnection: connection });
}
