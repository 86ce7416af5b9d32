import { Money } from '@vitrine/platform';
import { BoutiqueRef } from '../models/entity-refs.model.js';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SubscriptionStatus } from './subscription-state.js';

/** GraphQL names of the intervals; stored and sent to Stripe in lowercase. */
export enum SubscriptionInterval {
  MONTH = 'month',
  YEAR = 'year',
}

registerEnumType(SubscriptionInterval, {
  name: 'SubscriptionInterval',
  description: 'How often a boutique subscription is billed.',
});
registerEnumType(SubscriptionStatus, {
  name: 'BoutiqueSubscriptionStatus',
  description: "A boutique subscription's status, as Stripe reports it.",
  valuesConfig: {
    INCOMPLETE: { description: 'Created; the first payment is not made yet.' },
    INCOMPLETE_EXPIRED: { description: 'The first payment was never made.' },
    TRIALING: { description: 'In its free trial.' },
    ACTIVE: { description: 'Paid up.' },
    PAST_DUE: { description: 'A renewal failed; Stripe retries; the grace period runs.' },
    UNPAID: { description: "Stripe's retries are exhausted; the boutique cannot sell." },
    PAUSED: { description: 'Paused; the boutique cannot sell.' },
    CANCELED: { description: 'Ended.' },
  },
});

@ObjectType({ description: 'The price of a plan for one billing interval.' })
export class SubscriptionPlanPrice {
  @Field(() => SubscriptionInterval)
  interval!: SubscriptionInterval;

  @Field(() => Money)
  price!: Money;
}

@ObjectType({ description: 'A plan a boutique can subscribe to.' })
export class SubscriptionPlan {
  @Field({ description: 'What subscribeBoutique takes as plan: basic, pro, premium.' })
  code!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => [String])
  features!: string[];

  @Field(() => Int, { nullable: true, description: 'Published products; null is unlimited.' })
  maxProducts!: number | null;

  @Field(() => Int, { nullable: true, description: 'Staff accounts; null is unlimited.' })
  maxStaff!: number | null;

  @Field(() => [SubscriptionPlanPrice])
  prices!: SubscriptionPlanPrice[];
}

@ObjectType({ description: "A boutique's subscription to a Vitrine plan." })
export class BoutiqueSubscription {
  @Field(() => ID, { description: "Stripe's subscription id." })
  id!: string;

  @Field(() => ID)
  boutiqueId!: string;

  @Field(() => BoutiqueRef)
  boutique!: Pick<BoutiqueRef, 'id'>;

  @Field({ description: 'The plan code (see subscriptionPlans).' })
  plan!: string;

  @Field(() => SubscriptionInterval)
  interval!: SubscriptionInterval;

  @Field(() => SubscriptionStatus)
  status!: SubscriptionStatus;

  @Field({ description: 'Ends at currentPeriodEnd instead of renewing.' })
  cancelAtPeriodEnd!: boolean;

  @Field(() => Date, { nullable: true })
  currentPeriodEnd!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'While past due, the boutique keeps selling until then.',
  })
  graceUntil!: Date | null;

  @Field({ description: 'Active or trialing, or past due within the grace period.' })
  canSell!: boolean;

  @Field(() => Money, { description: 'What each interval costs.' })
  price!: Money;
}

@ObjectType()
export class SubscribeBoutiquePayload {
  @Field(() => BoutiqueSubscription)
  subscription!: BoutiqueSubscription;

  @Field(() => String, {
    nullable: true,
    description:
      "Client secret of the first invoice's payment, to confirm with Stripe.js while the " +
      'subscription is INCOMPLETE; null when nothing is left to pay.',
  })
  paymentClientSecret!: string | null;
}

@InputType()
export class BoutiquePlanInput {
  @Field(() => ID)
  boutiqueId!: string;

  @Field({ description: 'A plan code of subscriptionPlans: basic, pro, premium.' })
  plan!: string;

  @Field(() => SubscriptionInterval)
  interval!: SubscriptionInterval;
}
