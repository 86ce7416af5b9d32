import { modelOptions, prop } from '@typegoose/typegoose';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** Money as every subgraph writes it: integer minor units and an ISO 4217 code, never a float. */
@Directive('@shareable')
@ObjectType({ description: 'An amount in minor units (cents) of a currency.' })
@modelOptions({ schemaOptions: { _id: false } })
export class Money {
  @Field(() => Int, { description: 'Minor units: 1999 is 19.99.' })
  @prop({ required: true })
  amount!: number;

  @Field({ description: 'ISO 4217 code, e.g. EUR.' })
  @prop({ required: true })
  currency!: string;
}
