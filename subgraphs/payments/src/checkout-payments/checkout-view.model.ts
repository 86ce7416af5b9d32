import {
  getModelForClass,
  index,
  modelOptions,
  prop,
  type ReturnModelType,
} from '@typegoose/typegoose';
import { Money } from '@vitrine/platform';
import type { Connection } from 'mongoose';

@modelOptions({ schemaOptions: { _id: false } })
export class CheckoutLine {
  @prop({ required: true })
  productId!: string;

  @prop({ required: true })
  quantity!: number;

  /** unitPrice × quantity, in minor units. */
  @prop({ required: true })
  amount!: number;
}

@modelOptions({ schemaOptions: { _id: false } })
export class CheckoutOrder {
  @prop({ required: true })
  orderId!: string;

  @prop({ required: true })
  boutiqueId!: string;

  @prop({ type: () => [CheckoutLine], default: [] })
  lines!: CheckoutLine[];

  @prop({ required: true, type: () => Money, _id: false })
  total!: Money;
}

/**
 * Read model of a checkout, from orders' events: its orders with their totals (what the payment
 * charges: amounts come from the orders subgraph, never from the client), and those cancelled
 * since. `_id` is the checkout id; `orderIds` lists every order the checkout will have, so the
 * view knows when all have arrived.
 */
@index({ orderIds: 1 })
@modelOptions({ schemaOptions: { collection: 'checkout_views', timestamps: true } })
export class CheckoutView {
  @prop({ required: true })
  _id!: string;

  @prop({ required: true })
  customerId!: string;

  @prop({ type: () => [String], default: [] })
  orderIds!: string[];

  @prop({ type: () => [CheckoutOrder], default: [] })
  orders!: CheckoutOrder[];

  @prop({ type: () => [String], default: [] })
  cancelledOrderIds!: string[];

  @prop({ type: () => [String], default: [] })
  appliedEvents!: string[];
}

export type CheckoutViewModel = ReturnModelType<typeof CheckoutView>;

export function createCheckoutViewModel(connection: Connection): CheckoutViewModel {
  return getModelForClass(CheckoutView, { existingConnection: connection });
}
