import {
  getModelForClass,
  modelOptions,
  prop,
  type DocumentType,
  type ReturnModelType,
} from '@typegoose/typegoose';
import type { Connection } from 'mongoose';
import { Money } from './money.model.js';

export type ProductStatus = 'draft' | 'active' | 'archived';

@modelOptions({ schemaOptions: { _id: false } })
export class CatalogVariant {
  @prop({ required: true })
  variantId!: string;

  @prop({ required: true })
  sku!: string;

  @prop({ type: () => String, default: null })
  size!: string | null;

  @prop({ type: () => String, default: null })
  colour!: string | null;

  @prop({ required: true, type: () => Money, _id: false })
  price!: Money;

  @prop({ required: true })
  available!: number;
}

/**
 * Read model of a product, from the products subgraph's `product.created` / `product.updated`
 * snapshots and `product.stock_changed`: what carts and checkout price from. `_id` is the
 * product's id. `version` guards the read-modify-write of a variant's stock.
 */
@modelOptions({ schemaOptions: { collection: 'catalog_products', timestamps: true } })
export class CatalogProduct {
  @prop({ required: true })
  _id!: string;

  @prop({ required: true })
  boutiqueId!: string;

  @prop({ required: true })
  title!: string;

  @prop({ required: true, type: () => String })
  status!: ProductStatus;

  @prop({ type: () => [CatalogVariant], default: [] })
  variants!: CatalogVariant[];

  @prop({ default: 0 })
  version!: number;

  @prop({ type: () => [String], default: [] })
  appliedEvents!: string[];
}

export type CatalogProductDocument = DocumentType<CatalogProduct>;
export type CatalogProductModel = ReturnModelType<typeof CatalogProduct>;

export function createCatalogProductModel(connection: Connection): CatalogProductModel {
  return getModelForClass(CatalogProduct, { existingConnection: connection });
}
