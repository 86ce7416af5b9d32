import {
  getModelForClass,
  index,
  modelOptions,
  prop,
  type ReturnModelType,
} from '@typegoose/typegoose';
import type { Connection } from 'mongoose';
import { LedgerKind } from './ledger.js';

@modelOptions({ schemaOptions: { _id: false } })
export class LedgerEntryRecord {
  @prop({ required: true })
  key!: string;

  @prop({ required: true, enum: LedgerKind, type: () => String })
  kind!: LedgerKind;

  @prop({ required: true })
  points!: number;

  @prop({ type: () => String, default: null })
  paymentId!: string | null;

  @prop({ required: true, type: () => Date })
  at!: Date;

  @prop({ type: () => Date, default: null })
  expiresAt!: Date | null;

  @prop({ type: () => String, default: null })
  lot!: string | null;
}

/**
 * A customer's loyalty points: the append-only ledger in the customer's one document (so every
 * change, with its check that the balance stays positive, is one atomic compare-and-swap on
 * `version`), the balance it sums to, and when its next lot expires (what the sweep looks for).
 * `_id` is the customer's id.
 */
@index({ nextExpiryAt: 1 })
@modelOptions({ schemaOptions: { collection: 'loyalty_accounts', timestamps: true } })
export class LoyaltyAccount {
  @prop({ required: true })
  _id!: string;

  @prop({ type: () => [LedgerEntryRecord], default: [] })
  entries!: LedgerEntryRecord[];

  @prop({ default: 0 })
  balance!: number;

  @prop({ type: () => Date, default: null })
  nextExpiryAt!: Date | null;

  @prop({ default: 0 })
  version!: number;
}

export type LoyaltyAccountModel = ReturnModelType<typeof LoyaltyAccount>;

export function createLoyaltyAccountModel(connection: Connection): LoyaltyAccountModel {
  return getModelForClass(LoyaltyAccount, { existingConnection: connection });
}
