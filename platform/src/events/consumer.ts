import type { Consumer, EachMessagePayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { scrubSecrets, type Logger } from '../logger.js';
import { DEAD_LETTER_TOPIC, topicOf, type EventType } from './catalog.js';
import { parseEvent, PoisonMessageError, type CloudEvent } from './envelope.js';
import type { Inbox } from './inbox.js';
import { createProducer } from './publisher.js';

export interface HandlerContext {
  logger: Logger;
}

/** One handler per consumed event type (in `src/events/consumers/*.consumer.ts`). */
export interface EventHandler<T extends EventType = EventType> {
  type: T;
  handle(event: CloudEvent<T>, ctx: HandlerContext): Promise<void>;
}

/** A handler of any catalogued type (a list of handlers mixes types). */
export type AnyEventHandler = { [T in EventType]: EventHandler<T> }[EventType];

/** Declares a handler with its event's payload type-checked against the catalog. */
export function defineHandler<T extends EventType>(
  type: T,
  handle: (event: CloudEvent<T>, ctx: HandlerContext) => Promise<void>,
): EventHandler<T> {
  return { type, handle };
}

/**
 * One handler per type from several parts of a subgraph that react to the same events: the
 * handlers of a type run one after the other. Each must be idempotent on its own, since a retry
 * after a failure of the second runs the first again.
 */
export function combineHandlers(handlers: readonly AnyEventHandler[]): AnyEventHandler[] {
  const byType = new Map<EventType, AnyEventHandler[]>();
  for (const handler of handlers) {
    byType.set(handler.type, [...(byType.get(handler.type) ?? []), handler]);
  }
  return [...byType].map(([type, group]) =>
    group.length === 1
      ? group[0]
      : (defineHandler(type, async (event, ctx) => {
          for (const handler of group) {
            await (handler as EventHandler).handle(event, ctx);
          }
        }) as AnyEventHandler),
  );
}

export interface RetryPolicy {
  /** Attempts after the first, before the message is parked on the dead-letter topic. */
  retries: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export interface EventConsumerOptions {
  kafka: Kafka;
  /** Stable name: the Kafka consumer group and the inbox key. */
  name: string;
  handlers: AnyEventHandler[];
  inbox: Inbox;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
  /** Read from the start of the topics when the group is new (true for durable consumers). */
  fromBeginning?: boolean;
}

const DEFAULT_RETRY: RetryPolicy = { retries: 4, initialDelayMs: 200, maxDelayMs: 5_000 };

/**
 * Responsible for applying events to a subgraph: exactly once in effect, in order per aggregate.
 * Each message is validated against the catalog, skipped when the inbox has it, handled with
 * retries and exponential backoff (heartbeating so the group keeps the partition), then recorded.
 * A message that cannot be handled (invalid, or still failing after the retries) is parked on the
 * dead-letter topic with the reason in its headers, and the partition moves on.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly handlers = new Map<string, EventHandler>();
  private readonly retry: RetryPolicy;

  constructor(private readonly options: EventConsumerOptions) {
    this.consumer = options.kafka.consumer({
      groupId: options.name,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      // Short fetch waits let a stopping instance leave its group quickly.
      maxWaitTimeInMs: 1_000,
      allowAutoTopicCreation: true,
    });
    this.producer = createProducer(options.kafka);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    for (const handler of options.handlers) {
      if (this.handlers.has(handler.type)) throw new Error(`two handlers for ${handler.type}`);
      this.handlers.set(handler.type, handler);
    }
  }

  get topics(): string[] {
    return [...new Set([...this.handlers.keys()].map((t) => topicOf(t as EventType)))];
  }

  /** True once the consumer holds its partitions (it reports that in `/ready`). */
  joined = false;

  /**
   * Connects and starts consuming; resolves without waiting for the group to settle, which after a
   * crash can take the broker's session timeout (`joined` tells when it has).
   */
  async start(): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: this.topics,
      fromBeginning: this.options.fromBeginning ?? true,
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      this.joined = true;
    });
    this.consumer.on(this.consumer.events.REBALANCING, () => {
      this.joined = false;
    });
    await this.consumer.run({
      eachMessage: (payload) => this.process(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  private async process(payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message } = payload;
    const log = this.options.logger.child({
      consumer: this.options.name,
      topic,
      partition,
      offset: message.offset,
    });
    // Producers name the type in a header: types this consumer does not handle are skipped
    // without parsing (and their bad payloads left to the consumers that do handle them).
    const type = message.headers?.ce_type?.toString();
    if (type && !this.handlers.has(type)) return;
    let parsed;
    try {
      parsed = parseEvent(message.value);
    } catch (err) {
      return this.deadLetter(topic, partition, message, err, log);
    }
    if (!parsed.known) return; // a type from a newer producer: not ours to handle
    const { event } = parsed;
    const handler = this.handlers.get(event.type);
    if (!handler) return;
    if (await this.options.inbox.has(this.options.name, event.id)) {
      log.debug({ eventId: event.id }, 'event already applied; skipped');
      return;
    }
    let delay = this.retry.initialDelayMs;
    for (let attempt = 0; ; attempt++) {
      try {
        await handler.handle(event, { logger: log.child({ eventId: event.id, type: event.type }) });
        await this.options.inbox.record(this.options.name, event.id, event.type);
        log.debug({ eventId: event.id, type: event.type, subject: event.subject }, 'event applied');
        return;
      } catch (err) {
        if (err instanceof PoisonMessageError || attempt >= this.retry.retries) {
          return this.deadLetter(topic, partition, message, err, log);
        }
        log.warn({ err, attempt: attempt + 1, retryInMs: delay }, 'event handler failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
        await payload.heartbeat();
        delay = Math.min(this.retry.maxDelayMs, delay * 2);
      }
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    err: unknown,
    log: Logger,
  ): Promise<void> {
    const reason = scrubSecrets(err instanceof Error ? err.message : String(err));
    log.error({ err, reason }, 'message parked on the dead-letter topic');
    await this.producer.send({
      topic: DEAD_LETTER_TOPIC,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'x-dead-letter-consumer': this.options.name,
            'x-dead-letter-topic': topic,
            'x-dead-letter-partition': String(partition),
            'x-dead-letter-offset': message.offset,
            'x-dead-letter-reason': reason.slice(0, 500),
          },
        },
      ],
    });
  }
}
