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
import { Directive, Field, Float, ID, ObjectType, UseMiddleware } from 'type-graphql';
import { BoutiqueStatus } from '../services/boutique-status.js';
import { Weekday } from '../services/opening-hours.js';
import { TeamOrAdmin } from '../services/boutique-access.js';

@ObjectType({ description: 'How customers reach a boutique.' })
export class BoutiqueContact {
  @Field()
  @prop({ required: true })
  email!: string;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +33612345678.' })
  @prop({ type: () => String, default: null })
  phone!: string | null;
}

@ObjectType({ description: 'Where a boutique is, with its coordinates.' })
export class BoutiqueAddress {
  @Field()
  @prop({ required: true })
  line1!: string;

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  line2!: string | null;

  @Field()
  @prop({ required: true })
  city!: string;

  @Field()
  @prop({ required: true })
  postalCode!: string;

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  region!: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2 country code, upper case.' })
  @prop({ required: true })
  country!: string;

  @Field(() => Float)
  @prop({ required: true })
  latitude!: number;

  @Field(() => Float)
  @prop({ required: true })
  longitude!: number;
}

@ObjectType({ description: 'One opening of a day, local time.' })
export class OpeningRange {
  @Field({ description: '"HH:MM", 00:00 to 23:59.' })
  @prop({ required: true })
  opens!: string;

  @Field({
    description: '"HH:MM", 00:00 to 24:00; at or before `opens`, the range ends the next day.',
  })
  @prop({ required: true })
  closes!: string;
}

@ObjectType()
export class OpeningDay {
  @Field(() => Weekday)
  @prop({ required: true, type: () => String, enum: Weekday })
  weekday!: Weekday;

  @Field(() => [OpeningRange])
  @prop({ type: () => [OpeningRange], default: [], _id: false })
  ranges!: OpeningRange[];
}

@ObjectType({ description: 'Weekly opening hours on the wall clock of the boutique.' })
export class OpeningHours {
  @Field({ description: 'IANA time zone name, e.g. Europe/Paris.' })
  @prop({ required: true })
  timezone!: string;

  @Field(() => [OpeningDay], { description: 'Days not listed are closed.' })
  @prop({ type: () => [OpeningDay], default: [], _id: false })
  days!: OpeningDay[];
}

/**
 * A stored opening of the week, [start, end) in minutes since Monday 00:00 local time, with the
 * boutique's time zone repeated so that an aggregation can match it after `$unwind` (FerretDB
 * keeps only the unwound field). Derived from `openingHours`; never exposed.
 */
export class OpenInterval {
  @prop({ required: true })
  tz!: string;

  @prop({ required: true })
  start!: number;

  @prop({ required: true })
  end!: number;
}

@ObjectType('BoutiqueStatusChange', {
  description: 'One move of a boutique through its lifecycle.',
})
export class StatusChange {
  @Field(() => BoutiqueStatus)
  @prop({ required: true, type: () => String, enum: BoutiqueStatus })
  from!: BoutiqueStatus;

  @Field(() => BoutiqueStatus)
  @prop({ required: true, type: () => String, enum: BoutiqueStatus })
  to!: BoutiqueStatus;

  @Field(() => ID, { description: 'Who made the change.' })
  @prop({ required: true })
  actorId!: string;

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  reason!: string | null;

  @Field()
  @prop({ required: true })
  at!: Date;
}

/**
 * A boutique: its public face, location, hours, team and lifecycle. Persisted and exposed from
 * one class; the team's private fields are guarded, derived query fields have no `@Field`.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An independent boutique selling on Vitrine.' })
@index({ slug: 1 }, { unique: true })
@index({ status: 1, categories: 1 })
@index({ h3Cells: 1 })
@index({ ownerId: 1 })
@index({ staffIds: 1 })
@modelOptions({ schemaOptions: { collection: 'boutiques', timestamps: true } })
export class Boutique extends Aggregate {
  _id!: Types.ObjectId;

  /** Mongoose's `id` virtual: the hex string of `_id`. */
  @Field(() => ID)
  id!: string;

  @Field()
  @prop({ required: true })
  name!: string;

  @Field({ description: 'Unique, URL form: a-z, 0-9 and hyphens. Never changes.' })
  @prop({ required: true })
  slug!: string;

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'An https URL.' })
  @prop({ type: () => String, default: null })
  logoUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'An https URL.' })
  @prop({ type: () => String, default: null })
  coverUrl!: string | null;

  @Field(() => BoutiqueContact)
  @prop({ type: () => BoutiqueContact, required: true, _id: false })
  contact!: BoutiqueContact;

  @Field(() => BoutiqueAddress)
  @prop({ type: () => BoutiqueAddress, required: true, _id: false })
  address!: BoutiqueAddress;

  /** The H3 cell (resolution 8) of the address. */
  @prop({ required: true })
  h3Cell!: string;

  /** `h3Cell` and its ancestors at resolutions 7, 6 and 5: what "near" queries match. */
  @prop({ type: () => [String], default: [] })
  h3Cells!: string[];

  @Field(() => OpeningHours)
  @prop({ type: () => OpeningHours, required: true, _id: false })
  openingHours!: OpeningHours;

  @prop({ type: () => [OpenInterval], default: [], _id: false })
  openIntervals!: OpenInterval[];

  @Field(() => [String], { description: 'Category slugs.' })
  @prop({ type: () => [String], default: [] })
  categories!: string[];

  @Field(() => BoutiqueStatus)
  @prop({ required: true, type: () => String, enum: BoutiqueStatus })
  status!: BoutiqueStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was last rejected or suspended. Visible to its team and admins only.',
  })
  @UseMiddleware(TeamOrAdmin)
  @prop({ type: () => String, default: null })
  statusReason!: string | null;

  @Field(() => [StatusChange], { description: 'Visible to its team and admins only.' })
  @UseMiddleware(TeamOrAdmin)
  @prop({ type: () => [StatusChange], default: [], _id: false })
  statusHistory!: StatusChange[];

  @prop({ required: true })
  ownerId!: string;

  @prop({ type: () => [String], default: [] })
  staffIds!: string[];

  /** Incremented by every staff change: the compare-and-swap guard of concurrent team edits. */
  @prop({ default: 0 })
  teamRevision!: number;

  /** Set on the results of a "near" search only; never stored. */
  @Field(() => Float, {
    nullable: true,
    description: 'Kilometres from the point of a `near` search; null otherwise.',
  })
  distanceKm?: number | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export type BoutiqueDocument = DocumentType<Boutique>;
export type BoutiqueModel = ReturnModelType<typeof Boutique>;

export function createBoutiqueModel(connection: Connection): BoutiqueModel {
  return getModelForClass(Boutique, { existingConnection: connection });
}
