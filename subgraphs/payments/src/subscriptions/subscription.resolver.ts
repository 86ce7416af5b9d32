import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { PaymentsContext } from '../context.js';
import { BoutiqueRef } from '../models/entity-refs.model.js';
import type { SubscriptionService } from './subscription.service.js';
import {
  BoutiquePlanInput,
  BoutiqueSubscription,
  SubscribeBoutiquePayload,
  SubscriptionPlan,
} from './subscription.types.js';

/** The plans and the subscription mutations (owner of the boutique or admin). */
@Resolver()
export class BoutiqueSubscriptionResolver {
  constructor(private readonly subscriptions: SubscriptionService) {}

  @Query(() => [SubscriptionPlan], { description: 'The plans boutiques can subscribe to.' })
  subscriptionPlans(): SubscriptionPlan[] {
    return this.subscriptions.catalog();
  }

  @Authorized()
  @Mutation(() => SubscribeBoutiquePayload, {
    description:
      'Subscribes a boutique to a plan (owner or admin). CONFLICT if it already has a running ' +
      'subscription.',
  })
  subscribeBoutique(
    @Arg('input', () => BoutiquePlanInput) input: BoutiquePlanInput,
    @Ctx() ctx: PaymentsContext,
  ): Promise<SubscribeBoutiquePayload> {
    return this.subscriptions.subscribe(ctx, input);
  }

  @Authorized()
  @Mutation(() => BoutiqueSubscription, {
    description: "Moves a boutique's running subscription to another plan or interval, prorated.",
  })
  changeBoutiquePlan(
    @Arg('input', () => BoutiquePlanInput) input: BoutiquePlanInput,
    @Ctx() ctx: PaymentsContext,
  ): Promise<BoutiqueSubscription> {
    return this.subscriptions.changePlan(ctx, input);
  }

  @Authorized()
  @Mutation(() => BoutiqueSubscription, {
    description: 'Cancels at the end of the paid period; the boutique sells until then.',
  })
  cancelBoutiqueSubscription(
    @Arg('boutiqueId', () => ID) boutiqueId: string,
    @Ctx() ctx: PaymentsContext,
  ): Promise<BoutiqueSubscription> {
    return this.subscriptions.cancel(ctx, boutiqueId);
  }

  @Authorized()
  @Mutation(() => BoutiqueSubscription, {
    description: 'Undoes cancelBoutiqueSubscription before the period ends.',
  })
  resumeBoutiqueSubscription(
    @Arg('boutiqueId', () => ID) boutiqueId: string,
    @Ctx() ctx: PaymentsContext,
  ): Promise<BoutiqueSubscription> {
    return this.subscriptions.resume(ctx, boutiqueId);
  }
}

/** `Boutique.subscription`: for the boutique's owner and staff, and admins. */
@Resolver(() => BoutiqueRef)
export class BoutiqueSubscriptionFieldResolver {
  constructor(private readonly subscriptions: SubscriptionService) {}

  @FieldResolver(() => BoutiqueSubscription, {
    nullable: true,
    description: "The boutique's Vitrine subscription (null if it never subscribed).",
  })
  subscription(
    @Root() boutique: Pick<BoutiqueRef, 'id'>,
    @Ctx() ctx: PaymentsContext,
  ): Promise<BoutiqueSubscription | null> {
    return this.subscriptions.forBoutique(ctx, boutique.id);
  }
}
