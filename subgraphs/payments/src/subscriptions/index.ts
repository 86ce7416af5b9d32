import type { ModuleDeps, PaymentsModule } from '../module.js';

/** Resolver classes of boutique subscriptions (listed in the schema even without services). */
export const subscriptionResolvers: readonly (new (...args: never[]) => object)[] = [];

/** Boutique subscriptions: plans, subscribe, change, cancel, and Stripe's billing webhooks. */
export function createSubscriptionsModule(_deps: ModuleDeps): PaymentsModule {
  return { aggregates: [], models: [], webhooks: {}, events: [], resolvers: [], tasks: [] };
}
