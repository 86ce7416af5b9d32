import type { AnyEventHandler, AnyModel, Logger, OutboxWriter } from '@vitrine/platform';
import type { Connection } from 'mongoose';
import type { PaymentsConfig } from './config.js';
import type { ReadModelService } from './services/read-model.service.js';
import type { Stripe } from './stripe/stripe-client.js';
import type { WebhookHandlers } from './stripe/webhooks.js';

/** What every part of the subgraph (checkout payments, coupons, loyalty, subscriptions) gets. */
export interface ModuleDeps {
  config: PaymentsConfig;
  db: Connection;
  stripe: Stripe;
  outbox: OutboxWriter;
  readModel: ReadModelService;
  logger: Logger;
}

/**
 * One part of the payments subgraph, as `createPaymentsSubgraph` wires it: its models, the
 * Stripe webhooks and Kafka events it handles, its resolver instances and periodic tasks.
 */
export interface PaymentsModule {
  /** Aggregates: their indexes are ensured and their outboxes relayed. */
  aggregates: AnyModel[];
  /** Other models whose indexes must exist before serving. */
  models: AnyModel[];
  webhooks: WebhookHandlers;
  events: AnyEventHandler[];
  /** Resolver instances by resolver class (the classes are listed in schema.ts). */
  resolvers: [object, object][];
  tasks: { name: string; intervalMs: number; run: () => Promise<unknown> }[];
  /** `__resolveReference` of the entities the module owns, by type name. */
  references?: Record<string, { __resolveReference: (...args: never[]) => unknown }>;
}
