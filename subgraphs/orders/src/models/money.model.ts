import { prop } from '@typegoose/typegoose';
import { Field, Int, ObjectType } from 'type-graphql';

/** An amount in integer minor units (cents) and its ISO 4217 currency; never a float. */
@ObjectType({ description: 'An amount in integer minor units (cents) and an ISO 4217 currency.' })
export class Money {
  @Field(() => Int, { description: 'Minor units: 1999 is 19.99.' })
  @prop({ required: true })
  amount!: number;

  @Field({ description: 'ISO 4217, e.g. EUR.' })
  @prop({ required: true })
  currency!: string;
}

export function money(amount: number, currency: string): Money {
  return { amount, currency };
}

export function sameMoney(a: Money, b: Money): boolean {
  return a.amount === b.amount && a.currency === b.currency;
}
