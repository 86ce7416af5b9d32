import {
  getModelForClass,
  index,
  modelOptions,
  prop,
  type ReturnModelType,
} from '@typegoose/typegoose';
import { Aggregate, Money } from '@vitrine/platform';
import type { Connection } from 'mongoose';
import type { PlanInterval } from './plans.js';
import type { SubscriptionStatus } from './subscription-state.js';

/**
 * A boutique's subscription, one document per boutique (`_id` is the boutique's id): its Stripe
 * customer (created once), its current Stripe subscription and the state Stripe last reported.
 * One document per boutique makes "one live subscription per boutique" a single-document check,
 * and the state change and its events one write (the outbox is inside).
 */
@index({ stripeSubscriptionId: 1 })
@modelOptions({ schemaOptions: { collection: 'boutique_subscriptions', timestamps: true } })
export class BoutiqueSubscriptionRecord extends Aggregate {
  @prop({ required: true })
  _id!: string;

  @prop({ type: () => String, default: null })
  stripeCustomerId!: string | null;

  /** Subscriptions started for the boutique: names the idempotency key of the next one. */
  @prop({ default: 0 })
  generation!: number;

  @prop({ type: () => String, default: null })
  stripeSubscriptionId!: string | null;

  @prop({ type: () => Number, default: null })
  subscriptionCreated!: number | null;

  @prop({ type: () => String, default: null })
  stripeItemId!: string | null;

  @prop({ type: () => String, default: null })
  stripePriceId!: string | null;

  @prop({ type: () => String, default: null })
  plan!: string | null;

  @prop({ type: () => String, default: null })
  interval!: PlanInterval | null;

  @prop({ type: () => Money, _id: false, default: null })
  price!: Money | null;

  @prop({ type: () => String, default: null })
  status!: SubscriptionStatus | null;

  @prop({ default: false })
  cancelAtPeriodEnd!: boolean;

  @prop({ type: () => Date, default: null })
  currentPeriodEnd!: Date | null;

  /** Until when a past-due boutique keeps selling; set once when it becomes past due. */
  @prop({ type: () => Date, default: null })
  graceUntil!: Date | null;

  /** Stripe `created` (seconds) of the last event applied: older deliveries are stale. */
  @prop({ default: 0 })
  stripeEventAt!: number;

  /** Compare-and-swap counter: every write checks and increments it. */
  @prop({ default: 0 })
  revision!: number;
}

export type BoutiqueSubscriptionModel = ReturnModelType<typeof BoutiqueSubscriptionRecord>;
/** A stored subscription as read with `lean()`. */
export type StoredBoutiqueSubscription = BoutiqueSubscriptionRecord & {
  createdAt?: Date;
  updatedAt?: Date;
};

export function createBoutiqueSubscriptionModel(connection: Connection): BoutiqueSubscriptionModel {
  return getModelForClass(BoutiqueSubscriptionRecord, { existingConnection: connection });
}
