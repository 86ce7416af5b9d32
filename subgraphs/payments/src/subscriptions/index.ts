import type { ModuleDeps, PaymentsModule } from '../module.js';
import type { WebhookHandlers } from '../stripe/webhooks.js';
import { StripePlans } from './stripe-plans.js';
import { createBoutiqueSubscriptionModel } from './subscription.model.js';
import {
  BoutiqueSubscriptionFieldResolver,
  BoutiqueSubscriptionResolver,
} from './subscription.resolver.js';
import { SubscriptionService, type SubscriptionServiceOptions } from './subscription.service.js';

/** Resolver classes of boutique subscriptions (listed in the schema even without services). */
export const subscriptionResolvers: readonly (new (...args: never[]) => object)[] = [
  BoutiqueSubscriptionResolver,
  BoutiqueSubscriptionFieldResolver,
];

/** Boutique subscriptions: plans, subscribe, change, cancel, and Stripe's billing webhooks. */
export function createSubscriptionsModule(
  deps: ModuleDeps,
  options: Partial<SubscriptionServiceOptions> = {},
): PaymentsModule & { service: SubscriptionService } {
  const model = createBoutiqueSubscriptionModel(deps.db);
  const logger = deps.logger.child({ component: 'subscriptions' });
  const service = new SubscriptionService(
    model,
    deps.stripe,
    new StripePlans(deps.stripe, logger),
    deps.readModel,
    deps.outbox,
    logger,
    { graceMs: deps.config.subscriptions.graceMs, ...options },
  );
  const webhooks: WebhookHandlers = {
    'customer.subscription.created': (event) => service.onSubscriptionEvent(event),
    'customer.subscription.updated': (event) => service.onSubscriptionEvent(event),
    'customer.subscription.deleted': (event) => service.onSubscriptionEvent(event),
    'invoice.paid': (event) => service.onInvoiceEvent(event),
    'invoice.payment_failed': (event) => service.onInvoiceEvent(event),
  };
  return {
    aggregates: [model],
    models: [],
    webhooks,
    events: [],
    resolvers: [
      [BoutiqueSubscriptionResolver, new BoutiqueSubscriptionResolver(service)],
      [BoutiqueSubscriptionFieldResolver, new BoutiqueSubscriptionFieldResolver(service)],
    ],
    tasks: [],
    service,
  };
}
