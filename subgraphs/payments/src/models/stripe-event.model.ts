import { getModelForClass, modelOptions, prop, type ReturnModelType } from '@typegoose/typegoose';
import type { Connection } from 'mongoose';

/**
 * One Stripe event received on the webhook, keyed by Stripe's event id: a delivery of an id
 * already processed is acknowledged and changes nothing. `leaseUntil` lets another delivery take
 * over an event whose processing crashed half-way.
 */
@modelOptions({ schemaOptions: { collection: 'stripe_events', timestamps: true } })
export class StripeEventRecord {
  @prop({ required: true })
  _id!: string;

  @prop({ required: true })
  type!: string;

  @prop({ type: () => Date, default: null })
  processedAt!: Date | null;

  @prop({ type: () => Date, required: true })
  leaseUntil!: Date;
}

export type StripeEventModel = ReturnModelType<typeof StripeEventRecord>;

export function createStripeEventModel(connection: Connection): StripeEventModel {
  return getModelForClass(StripeEventRecord, { existingConnection: connection });
}
