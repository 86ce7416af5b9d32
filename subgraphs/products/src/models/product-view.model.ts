import {
  getModelForClass,
  index,
  modelOptions,
  prop,
  type ReturnModelType,
} from '@typegoose/typegoose';
import type { Connection } from 'mongoose';

/**
 * One counted view: `_id` is `productId|viewer|window`, so that a second view of the same viewer
 * in the same window is a duplicate key, not a second count. Swept once its window has ended.
 */
@index({ windowEndsAt: 1 })
@modelOptions({ schemaOptions: { collection: 'product_views' } })
export class ProductView {
  @prop({ required: true })
  _id!: string;

  @prop({ required: true })
  productId!: string;

  @prop({ required: true })
  windowEndsAt!: Date;
}

export type ProductViewModel = ReturnModelType<typeof ProductView>;

export function createProductViewModel(connection: Connection): ProductViewModel {
  return getModelForClass(ProductView, { existingConnection: connection });
}
