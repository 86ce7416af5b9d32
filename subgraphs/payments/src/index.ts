import 'reflect-metadata';
import {
  BoutiqueTeams,
  combineHandlers,
  createBoutiqueTeamModel,
  SubgraphRuntime,
  type RunningSubgraph,
} from '@vitrine/platform';
import { createCheckoutPaymentsModule } from './checkout-payments/index.js';
import type { PaymentsConfig } from './config.js';
import { createLoaders, type PaymentsContext } from './context.js';
import { createCouponsModule } from './coupons/index.js';
import { readModelHandlers } from './events/consumers/read-model.consumer.js';
import { createLoyaltyModule } from './loyalty/index.js';
import { createProductCategoriesModel } from './models/catalog.model.js';
import { createStripeEventModel } from './models/stripe-event.model.js';
import type { ModuleDeps } from './module.js';
import { buildPaymentsSchema } from './schema.js';
import { ReadModelService } from './services/read-model.service.js';
import { createStripe } from './stripe/stripe-client.js';
import { StripeWebhookReceiver, type WebhookHandlers } from './stripe/webhooks.js';
import { createSubscriptionsModule } from './subscriptions/index.js';

export { loadPaymentsConfig, type PaymentsConfig } from './config.js';
export { buildPaymentsSchema } from './schema.js';
export { WEBHOOK_PATH } from './stripe/webhooks.js';

/**
 * Starts the payments subgraph: checkout payments with Stripe PaymentIntents and refunds, coupons,
 * loyalty points and boutique subscriptions. Stripe's webhooks arrive on `/webhooks/stripe`;
 * read models of orders, boutique teams and product categories come from Kafka.
 */
export async function createPaymentsSubgraph(config: PaymentsConfig): Promise<RunningSubgraph> {
  const runtime = await SubgraphRuntime.create(config);
  const teamModel = createBoutiqueTeamModel(runtime.db);
  const categoriesModel = createProductCategoriesModel(runtime.db);
  const stripeEvents = createStripeEventModel(runtime.db);
  const teams = new BoutiqueTeams(teamModel);
  const readModel = new ReadModelService(teams, categoriesModel);
  const stripe = createStripe(config.stripe);
  const deps: ModuleDeps = {
    config,
    db: runtime.db,
    stripe,
    outbox: runtime.outboxWriter,
    readModel,
    logger: runtime.logger,
  };

  const coupons = createCouponsModule(deps);
  const loyalty = createLoyaltyModule(deps);
  const payments = createCheckoutPaymentsModule(deps, {
    coupons: coupons.service,
    loyalty: loyalty.service,
  });
  const modules = [payments, coupons, loyalty, createSubscriptionsModule(deps)];

  runtime.indexes(teamModel, categoriesModel, stripeEvents);
  for (const module of modules) {
    runtime.outbox(...module.aggregates).indexes(...module.models);
    for (const task of module.tasks) runtime.every(task.name, task.intervalMs, task.run);
  }
  runtime.consume(
    combineHandlers([
      ...teams.handlers(),
      ...readModelHandlers(readModel),
      ...modules.flatMap((m) => m.events),
    ]),
  );

  const webhooks = new StripeWebhookReceiver(
    stripe,
    config.stripe,
    stripeEvents,
    modules.reduce<WebhookHandlers>((all, m) => ({ ...all, ...m.webhooks }), {}),
    runtime.logger.child({ component: 'stripe-webhooks' }),
  );
  runtime.every('sweep processed Stripe events', 86_400_000, () => webhooks.sweep());
  const schema = await buildPaymentsSchema(modules);
  return runtime.serve<PaymentsContext>({
    schema,
    routes: (app) => webhooks.route(app),
    context: (base) => ({ ...base, loaders: createLoaders(readModel, payments.service) }),
  });
}
