import { modelOptions, prop } from '@typegoose/typegoose';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * Money as every subgraph stores and shows it: integer minor units and an ISO 4217 code, never a
 * float. One definition for all, `@shareable` because many subgraphs resolve it.
 */
@Directive('@shareable')
@ObjectType({ description: 'An amount in integer minor units (cents) of an ISO 4217 currency.' })
@modelOptions({ schemaOptions: { _id: false } })
export class Money {
  @Field(() => Int, { description: 'Minor units: 1999 is 19.99 (JPY has none: 1999 is ¥1999).' })
  @prop({ required: true })
  amount!: number;

  @Field({ description: 'ISO 4217 code, e.g. EUR.' })
  @prop({ required: true })
  currency!: string;
}
