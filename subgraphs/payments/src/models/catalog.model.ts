import { getModelForClass, modelOptions, prop, type ReturnModelType } from '@typegoose/typegoose';
import type { Connection } from 'mongoose';

/**
 * Read model of a product's categories (the category and its ancestors), from products' events:
 * what a coupon scoped to a category matches. `_id` is the product's id.
 */
@modelOptions({ schemaOptions: { collection: 'product_categories', timestamps: true } })
export class ProductCategories {
  @prop({ required: true })
  _id!: string;

  @prop({ type: () => [String], default: [] })
  categoryIds!: string[];

  @prop({ type: () => [String], default: [] })
  appliedEvents!: string[];
}

export type ProductCategoriesModel = ReturnModelType<typeof ProductCategories>;

export function createProductCategoriesModel(connection: Connection): ProductCategoriesModel {
  return getModelForClass(ProductCategories, { existingConnection: connection });
}
