import {
  getModelForClass,
  index,
  modelOptions,
  prop,
  type DocumentType,
  type ReturnModelType,
} from '@typegoose/typegoose';
import { Money } from '@vitrine/platform';
import type { Connection, Types } from 'mongoose';
import { registerEnumType } from 'type-graphql';

export enum CouponKind {
  PERCENTAGE = 'PERCENTAGE',
  FIXED = 'FIXED',
}

registerEnumType(CouponKind, { name: 'CouponKind', description: 'How a coupon takes money off.' });

/**
 * A discount code. `remaining` counts the redemptions left under `maxRedemptions` (null when
 * unlimited), so taking one is a single conditional update (`remaining > 0`), and the ids of the
 * payments that redeemed it are kept, so the same payment never counts twice.
 */
@index({ code: 1 }, { unique: true })
@index({ boutiqueId: 1, _id: -1 })
@modelOptions({ schemaOptions: { collection: 'coupons', timestamps: true } })
export class Coupon {
  _id!: Types.ObjectId;

  /** Upper case, unique. */
  @prop({ required: true })
  code!: string;

  @prop({ default: '' })
  description!: string;

  @prop({ required: true, enum: CouponKind, type: () => String })
  kind!: CouponKind;

  /** For PERCENTAGE: 1 to 100. */
  @prop({ type: () => Number, default: null })
  percentOff!: number | null;

  /** For FIXED: the amount taken off (its currency is the only one the coupon applies to). */
  @prop({ type: () => Money, _id: false, default: null })
  amountOff!: Money | null;

  @prop({ type: () => Money, _id: false, default: null })
  minOrder!: Money | null;

  @prop({ type: () => Date, default: null })
  validFrom!: Date | null;

  @prop({ type: () => Date, default: null })
  validUntil!: Date | null;

  @prop({ type: () => Number, default: null })
  maxRedemptions!: number | null;

  @prop({ type: () => Number, default: null })
  remaining!: number | null;

  @prop({ default: 0 })
  redeemed!: number;

  @prop({ default: 1 })
  perCustomerLimit!: number;

  /** Only the items of this boutique. */
  @prop({ type: () => String, default: null })
  boutiqueId!: string | null;

  /** Only the items of this category (or its subcategories). */
  @prop({ type: () => String, default: null })
  categoryId!: string | null;

  @prop({ default: true })
  active!: boolean;

  @prop({ required: true })
  createdBy!: string;

  /** Payments that redeemed it lately: a retried redemption finds itself here. */
  @prop({ type: () => [String], default: [] })
  appliedEvents!: string[];

  createdAt!: Date;
}

/**
 * How many times a customer redeemed a coupon: `_id` is `<couponId>|<customerId>`; taking one
 * is a conditional upsert on `count < perCustomerLimit`.
 */
@modelOptions({ schemaOptions: { collection: 'coupon_usages', timestamps: true } })
export class CouponUsage {
  @prop({ required: true })
  _id!: string;

  @prop({ default: 0 })
  count!: number;

  @prop({ type: () => [String], default: [] })
  appliedEvents!: string[];
}

export type CouponDocument = DocumentType<Coupon>;
export type CouponModel = ReturnModelType<typeof Coupon>;
export type CouponUsageModel = ReturnModelType<typeof CouponUsage>;

export function createCouponModels(connection: Connection) {
  return {
    coupons: getModelForClass(Coupon, { existingConnection: connection }),
    usages: getModelForClass(CouponUsage, { existingConnection: connection }),
  };
}
