import {
  getModelForClass,
  index,
  modelOptions,
  prop,
  type DocumentType,
  type ReturnModelType,
} from '@typegoose/typegoose';
import type { Connection, Types } from 'mongoose';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A node of the category tree, managed by admins. `ancestorIds` (root first) is stored so that a
 * product can keep the ids of its category and all its ancestors: filtering by a category then
 * includes its descendants with one indexed equality.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A node of the category tree (e.g. Women > Shoes > Sneakers).' })
@index({ slug: 1 }, { unique: true })
@index({ parentId: 1 })
@modelOptions({ schemaOptions: { collection: 'categories', timestamps: true } })
export class Category {
  _id!: Types.ObjectId;

  @Field(() => ID)
  id!: string;

  @Field()
  @prop({ required: true })
  name!: string;

  @Field({ description: 'Unique, lower case, URL-safe.' })
  @prop({ required: true })
  slug!: string;

  @prop({ type: () => String, default: null })
  parentId!: string | null;

  /** Ids of the ancestors, root first. */
  @prop({ type: () => [String], default: [] })
  ancestorIds!: string[];

  @Field()
  createdAt!: Date;
}

export type CategoryDocument = DocumentType<Category>;
export type CategoryModel = ReturnModelType<typeof Category>;

export function createCategoryModel(connection: Connection): CategoryModel {
  return getModelForClass(Category, { existingConnection: connection });
}
