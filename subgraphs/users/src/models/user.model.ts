import {
  getModelForClass,
  index,
  modelOptions,
  prop,
  type DocumentType,
  type ReturnModelType,
} from '@typegoose/typegoose';
import { Aggregate, OwnerOr, Role } from '@vitrine/platform';
import type { Connection, Types } from 'mongoose';
import { Directive, Field, ID, ObjectType, registerEnumType, UseMiddleware } from 'type-graphql';
import { Address } from './address.model.js';

registerEnumType(Role, {
  name: 'Role',
  description: 'What an account may do; one account may hold several.',
});

const selfOrAdmin = OwnerOr((user: User) => user.id, Role.ADMIN);

@ObjectType({ description: 'What a user shows of themselves to everyone.' })
export class Profile {
  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  lastName!: string | null;

  @Field(() => String, { nullable: true })
  @prop({ type: () => String, default: null })
  avatarUrl!: string | null;
}

/** A pending password reset: only the token's hash is stored. */
export class PasswordReset {
  @prop({ required: true })
  tokenHash!: string;

  @prop({ required: true })
  expiresAt!: Date;
}

/**
 * An account. Persisted and exposed from one class: fields without `@Field` (the password hash,
 * lock and reset state) never reach the schema.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description: 'An account: a customer, a boutique owner, a driver, staff or all of these.',
})
@index({ email: 1 }, { unique: true })
@index({ searchTokens: 1 })
@index({ roles: 1 })
@modelOptions({ schemaOptions: { collection: 'users', timestamps: true } })
export class User extends Aggregate {
  _id!: Types.ObjectId;

  /** Mongoose's `id` virtual: the hex string of `_id`. */
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Normalized (trimmed, lower case). Visible to the user and admins only.' })
  @UseMiddleware(selfOrAdmin)
  @prop({ required: true })
  email!: string;

  @prop({ required: true })
  passwordHash!: string;

  @Field(() => [Role], { description: 'Visible to the user and admins only.' })
  @UseMiddleware(selfOrAdmin)
  @prop({ type: () => [String], enum: Role, default: [Role.CUSTOMER] })
  roles!: Role[];

  @Field(() => Profile)
  @prop({ type: () => Profile, default: {}, _id: false })
  profile!: Profile;

  @Field(() => String, {
    nullable: true,
    description: 'E.164. Visible to the user and admins only.',
  })
  @UseMiddleware(selfOrAdmin)
  @prop({ type: () => String, default: null })
  phone!: string | null;

  @Field(() => [Address], { description: 'Visible to the user and admins only.' })
  @UseMiddleware(selfOrAdmin)
  @prop({ type: () => [Address], default: [] })
  addresses!: Address[];

  /** Incremented by every address-book edit: the compare-and-swap guard of concurrent edits. */
  @prop({ default: 0 })
  addressRevision!: number;

  /** Lower-cased words of the email and names, for admin search without `$text`. */
  @prop({ type: () => [String], default: [] })
  searchTokens!: string[];

  @prop({ default: 0 })
  failedLogins!: number;

  @prop({ type: () => Date, default: null })
  lockedUntil!: Date | null;

  @prop({ type: () => PasswordReset, default: null, _id: false })
  passwordReset!: PasswordReset | null;

  @prop({ type: () => Date, default: null })
  passwordChangedAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export type UserDocument = DocumentType<User>;
export type UserModel = ReturnModelType<typeof User>;

export function createUserModel(connection: Connection): UserModel {
  return getModelForClass(User, { existingConnection: connection });
}
