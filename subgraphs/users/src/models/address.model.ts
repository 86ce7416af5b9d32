import { prop } from '@typegoose/typegoose';
import type { Types } from 'mongoose';
import { Field, Float, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A delivery address in the address book of a user.' })
export class Address {
  _id!: Types.ObjectId;

  /** Mongoose's `id` virtual: the hex string of `_id`. */
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'A name the user gives it: "Home", "Work".' })
  @prop({ type: () => String, default: null })
  label!: string | null;

  @Field()
  @prop({ required: true })
  recipientName!: string;

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

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  phone!: string | null;

  @Field(() => Float, { nullable: true })
  @prop({ type: () => Number, default: null })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  @prop({ type: () => Number, default: null })
  longitude!: number | null;

  @Field({ description: 'Exactly one address of a non-empty book is the default.' })
  @prop({ default: false })
  isDefault!: boolean;
}
