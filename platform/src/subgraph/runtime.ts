import type { Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Kafka } from 'kafkajs';
import type { PubSub } from 'type-graphql';
import { createJwtVerifier, type TokenVerifier } from '../auth/token-verifier.js';
import type { PlatformConfig } from '../config.js';
import type { DomainName } from '../ports.js';
import {
  connectDatabase,
  ensureIndexes,
  pingDatabase,
  type AnyModel,
  type Connection,
} from '../db/connection.js';
import {
  DEAD_LETTER_TOPIC,
  topicOfDomain,
  type EventPayload,
  type EventType,
} from '../events/catalog.js';
import { EventConsumer, type AnyEventHandler, type RetryPolicy } from '../events/consumer.js';
import { createEvent, type CloudEvent } from '../events/envelope.js';
import type { OutboxWriter } from '../events/outbox.js';
import { createInboxModel, MongoInbox } from '../events/inbox.js';
import { createKafka, ensureTopics, pingKafka } from '../events/kafka.js';
import { OutboxRelay } from '../events/outbox-relay.js';
import { KafkaEventPublisher } from '../events/publisher.js';
import { createLogger, type Logger } from '../logger.js';
import { KafkaPubSub } from '../pubsub/kafka-pubsub.js';
import type { BaseContext } from './context.js';
import { serveSubgraph, type HttpHandle } from './server.js';

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  runtime: SubgraphRuntime;
  stop(): Promise<void>;
}

export interface ServeRuntimeOptions<TContext extends BaseContext> {
  schema: GraphQLSchema;
  context: (base: BaseContext) => TContext;
  routes?: (app: Express) => void;
  verifier?: TokenVerifier;
}

/**
 * Responsible for a subgraph's connections to the outside and their lifecycle: the database, the
 * Kafka client, the outbox relay, the idempotent consumers and the subscription feed. A subgraph's
 * `create<Name>Subgraph(config)` builds one, registers what it needs, and calls `serve`; `stop`
 * shuts everything down in reverse order (HTTP and WebSockets drained, consumers leave their
 * groups, last events flushed, connections closed).
 */
export class SubgraphRuntime {
  readonly relay: OutboxRelay;
  readonly publisher: KafkaEventPublisher;
  private readonly consumers: EventConsumer[] = [];
  private readonly feeds: KafkaPubSub[] = [];
  private readonly models: AnyModel[] = [];
  private readonly tasks: { name: string; intervalMs: number; task: () => Promise<unknown> }[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private http?: HttpHandle;
  private inbox?: MongoInbox;
  /** The last Kafka ping, in flight or done: concurrent `/ready` polls share one. */
  private kafkaPing = { at: 0, ok: Promise.resolve(false) };

  private constructor(
    readonly config: PlatformConfig,
    readonly logger: Logger,
    readonly db: Connection,
    readonly kafka: Kafka,
  ) {
    this.publisher = new KafkaEventPublisher(kafka);
    this.relay = new OutboxRelay({
      publisher: this.publisher,
      logger: logger.child({ component: 'outbox' }),
    });
  }

  static async create(config: PlatformConfig, logger?: Logger): Promise<SubgraphRuntime> {
    const log = logger ?? createLogger({ service: config.service, level: config.logLevel });
    const db = await connectDatabase({ ...config.mongo, logger: log });
    const kafka = createKafka(config.kafka.clientId, config.kafka.brokers, log);
    return new SubgraphRuntime(config, log, db, kafka);
  }

  /** The CloudEvents `source` of this subgraph's events. */
  get source(): string {
    return `vitrine.${this.config.service}`;
  }

  event<T extends EventType>(type: T, subject: string, data: EventPayload<T>): CloudEvent<T> {
    return createEvent(this.source, type, subject, data);
  }

  /** The OutboxWriter that this subgraph's services use to emit events. */
  get outboxWriter(): OutboxWriter {
    return {
      event: (type, subject, data) => this.event(type, subject, data),
      written: () => this.relay.notify(),
    };
  }

  /**
   * Runs a periodic task (sweeps that replace TTL indexes, which FerretDB lacks) while serving.
   * Failures are logged and the task runs again at the next tick.
   */
  every(name: string, intervalMs: number, task: () => Promise<unknown>): this {
    this.tasks.push({ name, intervalMs, task });
    return this;
  }

  /** Models whose indexes must exist before serving; aggregates also get their outbox relayed. */
  indexes(...models: AnyModel[]): this {
    this.models.push(...models);
    return this;
  }

  outbox(...models: AnyModel[]): this {
    this.models.push(...models);
    for (const model of models) this.relay.register(model);
    return this;
  }

  /** A durable, idempotent consumer (group `<groupPrefix>[-<name>]`) for the given handlers. */
  consume(
    handlers: AnyEventHandler[],
    options: { name?: string; retry?: Partial<RetryPolicy> } = {},
  ): this {
    const name = `${this.config.kafka.groupPrefix}${options.name ? `-${options.name}` : ''}`;
    const inbox = this.sharedInbox();
    this.consumers.push(
      new EventConsumer({
        kafka: this.kafka,
        name,
        handlers,
        inbox,
        logger: this.logger.child({ component: 'consumer' }),
        retry: options.retry,
      }),
    );
    return this;
  }

  /** The one inbox of the subgraph's consumers (keyed by consumer and event), swept periodically. */
  private sharedInbox(): MongoInbox {
    if (!this.inbox) {
      const model = createInboxModel(this.db);
      const inbox = new MongoInbox(model);
      this.models.push(model);
      this.every('sweep the inbox', 6 * 3_600_000, () => inbox.sweep());
      this.inbox = inbox;
    }
    return this.inbox;
  }

  /** The PubSub for this subgraph's subscriptions, fed from Kafka with events of these types. */
  subscriptions(types: EventType[]): PubSub {
    const feed = new KafkaPubSub(
      this.kafka,
      `vitrine-${this.config.service}-live-${this.config.instanceId}`,
      types,
      this.logger.child({ component: 'pubsub' }),
    );
    this.feeds.push(feed);
    return feed.pubSub;
  }

  async readiness(): Promise<Record<string, boolean>> {
    const now = Date.now();
    if (now - this.kafkaPing.at > 5_000) {
      this.kafkaPing = { at: now, ok: pingKafka(this.kafka) };
    }
    return {
      mongo: await pingDatabase(this.db),
      kafka: await this.kafkaPing.ok,
      consumers: this.consumers.every((c) => c.joined),
    };
  }

  async serve<TContext extends BaseContext>(
    options: ServeRuntimeOptions<TContext>,
  ): Promise<RunningSubgraph> {
    const { config } = this;
    await ensureIndexes(this.models);
    await ensureTopics(this.kafka, [
      topicOfDomain(config.service as DomainName),
      DEAD_LETTER_TOPIC,
      ...this.consumers.flatMap((c) => c.topics),
    ]);
    this.relay.start();
    for (const { name, intervalMs, task } of this.tasks) {
      const timer = setInterval(() => {
        task().catch((err: unknown) =>
          this.logger.warn({ err, task: name }, 'periodic task failed'),
        );
      }, intervalMs);
      timer.unref();
      this.timers.push(timer);
    }
    await Promise.all([...this.feeds, ...this.consumers].map((part) => part.start()));
    const verifier =
      options.verifier ??
      createJwtVerifier({
        issuer: config.auth.issuer,
        audience: config.auth.audience,
        keys: config.auth.jwksUrl,
      });
    this.http = await serveSubgraph({
      name: config.service,
      host: config.host,
      port: config.port,
      production: config.nodeEnv === 'production',
      logger: this.logger,
      schema: options.schema,
      verifier,
      context: options.context,
      routes: options.routes,
      readiness: () => this.readiness(),
    });
    return {
      name: config.service,
      url: this.http.url,
      port: this.http.port,
      runtime: this,
      stop: () => this.stop(),
    };
  }

  async stop(): Promise<void> {
    this.timers.splice(0).forEach(clearInterval);
    await this.http?.close();
    await Promise.allSettled(this.consumers.map((c) => c.stop()));
    await Promise.allSettled(this.feeds.map((f) => f.stop()));
    await this.relay.stop();
    await this.relay
      .drain()
      .catch((err: unknown) =>
        this.logger.warn({ err }, 'events left in outboxes for the next start'),
      );
    await this.publisher.disconnect();
    await this.db.close();
    this.logger.info('stopped');
  }
}

/**
 * The production entry point: starts a subgraph and stops it gracefully on SIGTERM or SIGINT
 * (what docker and orchestrators send), exiting non-zero if start-up fails.
 */
export function runMain(start: () => Promise<RunningSubgraph>): void {
  start()
    .then((running) => {
      const shutdown = (signal: string) => {
        running.runtime.logger.info({ signal }, 'shutting down');
        running
          .stop()
          .then(() => process.exit(0))
          .catch((err: unknown) => {
            running.runtime.logger.error({ err }, 'shutdown failed');
            process.exit(1);
          });
      };
      process.once('SIGTERM', shutdown);
      process.once('SIGINT', shutdown);
    })
    .catch((err: unknown) => {
      console.error('failed to start', err);
      process.exit(1);
    });
}
