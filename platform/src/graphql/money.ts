import { modelOptions, prop } from '@typegoose/typegoose';
import { Matches, Max, Min } from 'class-validator';
import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';

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

const MAX_AMOUNT = 100_000_000;

/** Money as clients send it; one definition, so that every subgraph's input composes the same. */
@InputType({ description: 'An amount in minor units (1999 is 19.99) and an ISO 4217 code.' })
export class MoneyInput {
  @Field(() => Int)
  @Min(0, { message: 'amount must not be negative' })
  @Max(MAX_AMOUNT)
  amount!: number;

  @Field()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code, e.g. EUR' })
  currency!: string;
}
