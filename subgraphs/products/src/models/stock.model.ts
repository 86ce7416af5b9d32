import {
  getModelForClass,
  index,
  modelOptions,
  prop,
  type DocumentType,
  type ReturnModelType,
} from '@typegoose/typegoose';
import { Aggregate } from '@vitrine/platform';
import type { Connection, Types } from 'mongoose';
import { Field, Int, ObjectType } from 'type-graphql';

/**
 * The stock of one variant, a document of its own so that every change is one conditional
 * single-document update, with its stock events in the same write. `holds` lists the orders that
 * hold units here: a reservation, release or commit for an order is applied at most once, and
 * `restored` the same for the units of a paid order that was cancelled.
 */
@ObjectType('StockLevel', { description: 'Units of a variant: on sale, held by orders, sold.' })
@index({ productId: 1 })
@index({ boutiqueId: 1, skuKey: 1 }, { unique: true })
@modelOptions({ schemaOptions: { collection: 'stocks', timestamps: true } })
export class Stock extends Aggregate {
  /** The variant's id. */
  _id!: Types.ObjectId;

  @prop({ required: true })
  productId!: string;

  @prop({ required: true })
  boutiqueId!: string;

  @prop({ required: true })
  sku!: string;

  /** The SKU while the variant exists, `removed:<variantId>` after: keeps SKUs unique per boutique. */
  @prop({ required: true })
  skuKey!: string;

  @Field(() => Int)
  @prop({ required: true, min: 0 })
  available!: number;

  @Field(() => Int)
  @prop({ default: 0, min: 0 })
  reserved!: number;

  @Field(() => Int)
  @prop({ default: 0, min: 0 })
  sold!: number;

  @prop({ type: () => [String], default: [] })
  holds!: string[];

  /** Orders cancelled after payment whose sold units came back on sale here (the last ones). */
  @prop({ type: () => [String], default: [] })
  restored!: string[];

  /** The variant was removed from its product: nothing more is reserved here. */
  @prop({ default: false })
  removed!: boolean;
}

export type StockDocument = DocumentType<Stock>;
export type StockModel = ReturnModelType<typeof Stock>;

export function createStockModel(connection: Connection): StockModel {
  return getModelForClass(Stock, { existingConnection: connection });
}
