import { ConnectionType } from '@vitrine/platform';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LedgerKind } from './ledger.js';

registerEnumType(LedgerKind, {
  name: 'LoyaltyEntryKind',
  description: 'Why points came or went.',
});

@ObjectType({ description: 'One line of the loyalty ledger.' })
export class LoyaltyEntry {
  @Field(() => ID, { description: 'Unique in the ledger.' })
  key!: string;

  @Field(() => LedgerKind)
  kind!: LedgerKind;

  @Field(() => Int, { description: 'Signed: positive when points came in.' })
  points!: number;

  @Field(() => ID, { nullable: true, description: 'The payment that caused it, if any.' })
  paymentId!: string | null;

  @Field()
  at!: Date;

  @Field(() => Date, { nullable: true, description: 'For earned points: when they expire.' })
  expiresAt!: Date | null;
}

export const LoyaltyEntryConnection = ConnectionType(LoyaltyEntry);

@ObjectType({ description: 'The next loyalty points to expire.' })
export class LoyaltyExpiry {
  @Field(() => Int)
  points!: number;

  @Field()
  at!: Date;
}

@ObjectType('LoyaltyAccount', { description: "A customer's loyalty points." })
export class LoyaltyAccountView {
  @Field(() => Int, { description: 'Points that can be spent now (never negative).' })
  balance!: number;

  @Field(() => LoyaltyExpiry, { nullable: true })
  nextExpiry!: LoyaltyExpiry | null;
}
