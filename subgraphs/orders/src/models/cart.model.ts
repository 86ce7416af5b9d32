import {
  getModelForClass,
  modelOptions,
  prop,
  type DocumentType,
  type ReturnModelType,
} from '@typegoose/typegoose';
import type { Connection, Types } from 'mongoose';
import { Money } from './money.model.js';

@modelOptions({ schemaOptions: { _id: false } })
export class CartItem {
  @prop({ required: true })
  productId!: string;

  @prop({ required: true })
  variantId!: string;

  @prop({ required: true })
  quantity!: number;

  /** The unit price the customer saw when the line was added or last confirmed. */
  @prop({ required: true, type: () => Money, _id: false })
  shownUnitPrice!: Money;

  @prop({ required: true })
  addedAt!: Date;
}

/**
 * A customer's cart: one document per customer (`_id` is the customer's id), edited by
 * read-change-write guarded by `revision`, so that two concurrent edits cannot overwrite each
 * other. Only ids, quantities and the prices shown are stored: titles, current prices and stock
 * come from the product read model each time the cart is read.
 */
@modelOptions({ schemaOptions: { collection: 'carts', timestamps: true } })
export class Cart {
  _id!: Types.ObjectId;

  @prop({ type: () => [CartItem], default: [] })
  items!: CartItem[];

  @prop({ default: 0 })
  revision!: number;

  /** The checkout record that emptied this cart last: how a resumed checkout knows its claim. */
  @prop({ type: () => String, default: null })
  lastCheckout!: string | null;

  updatedAt!: Date;
}

export type CartDocument = DocumentType<Cart>;
export type CartModel = ReturnModelType<typeof Cart>;

export function createCartModel(connection: Connection): CartModel {
  return getModelForClass(Cart, { existingConnection: connection });
}
