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
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from './money.model.js';

export enum ProductStatus {
  DRAFT = 'draft',
  ACTIVE = 'active',
  ARCHIVED = 'archived',
}

registerEnumType(ProductStatus, {
  name: 'ProductStatus',
  description: 'Only ACTIVE products of approved boutiques are public.',
});

/** One sellable form of a product (a size and colour). Its stock lives in a document of its own. */
@ObjectType({ description: 'A sellable form of a product: a size and colour, with its price.' })
export class Variant {
  _id!: Types.ObjectId;

  @Field(() => ID)
  id!: string;

  @Field({ description: 'Unique within the boutique.' })
  @prop({ required: true })
  sku!: string;

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  size!: string | null;

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  colour!: string | null;

  @Field(() => Money)
  @prop({ type: () => Money, required: true, _id: false })
  price!: Money;

  @Field(() => Money, { nullable: true, description: 'The "was" price shown struck through.' })
  @prop({ type: () => Money, default: null, _id: false })
  compareAtPrice!: Money | null;
}

/**
 * A product of a boutique, with its variants. Besides what clients see, it keeps what search needs
 * without `$text` or joins (FerretDB has neither): token arrays, the price range, sizes and colours
 * of its variants, the category with its ancestors, whether its boutique is approved, and the
 * number of its variants in stock (kept from the stock documents' events).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A product of a boutique.' })
@index({ boutiqueId: 1, _id: -1 })
@index({ searchTokens: 1 })
@index({ categoryIds: 1 })
@index({ status: 1, boutiqueVisible: 1, _id: -1 })
@index({ minPriceAmount: 1, _id: 1 })
@index({ views: -1, _id: -1 })
@modelOptions({ schemaOptions: { collection: 'products', timestamps: true } })
export class Product extends Aggregate {
  _id!: Types.ObjectId;

  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  @prop({ required: true })
  boutiqueId!: string;

  @Field()
  @prop({ required: true })
  title!: string;

  @Field()
  @prop({ default: '' })
  description!: string;

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  brand!: string | null;

  @Field(() => [String])
  @prop({ type: () => [String], default: [] })
  tags!: string[];

  @Field(() => [String], { description: 'https URLs, the first is the cover.' })
  @prop({ type: () => [String], default: [] })
  images!: string[];

  @prop({ type: () => String, default: null })
  categoryId!: string | null;

  /** Names of the category and its ancestors (search tokens). */
  @prop({ type: () => [String], default: [] })
  categoryNames!: string[];

  /** The category and its ancestors: a filter on any of them finds the product. */
  @prop({ type: () => [String], default: [] })
  categoryIds!: string[];

  @Field({ description: 'The one currency of every price of the product.' })
  @prop({ required: true })
  currency!: string;

  @Field(() => [Variant])
  @prop({ type: () => [Variant], default: [] })
  variants!: Variant[];

  @Field(() => ProductStatus)
  @prop({ required: true, type: () => String, enum: ProductStatus })
  status!: ProductStatus;

  /** True while the boutique is approved (from the boutique team read model). */
  @prop({ default: false })
  boutiqueVisible!: boolean;

  @prop({ type: () => [String], default: [] })
  searchTokens!: string[];

  @prop({ required: true })
  minPriceAmount!: number;

  @prop({ required: true })
  maxPriceAmount!: number;

  /** Normalized (lower case) sizes and colours of the variants, for filters. */
  @prop({ type: () => [String], default: [] })
  sizes!: string[];

  @prop({ type: () => [String], default: [] })
  colours!: string[];

  /** Variants with stock available, from product.out_of_stock/back_in_stock. */
  @prop({ default: 0 })
  inStockVariants!: number;

  @Field(() => Int, { description: 'Distinct views (one per viewer per time window).' })
  @prop({ default: 0 })
  views!: number;

  /** Incremented by every edit: the compare-and-swap guard of concurrent edits. */
  @prop({ default: 0 })
  revision!: number;

  @prop({ type: () => [String], default: [] })
  appliedEvents!: string[];

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export type ProductDocument = DocumentType<Product>;
/** An embedded variant as mongoose gives it (type only: a class type on `@Root()` would be converted). */
export type VariantDocument = DocumentType<Variant>;
export type ProductModel = ReturnModelType<typeof Product>;

export function createProductModel(connection: Connection): ProductModel {
  return getModelForClass(Product, { existingConnection: connection });
}
