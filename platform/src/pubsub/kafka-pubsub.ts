import { createPubSub } from '@graphql-yoga/subscription';
import type { Consumer, Kafka } from 'kafkajs';
import type { PubSub } from 'type-graphql';
import type { Logger } from '../logger.js';
import { topicOf, type EventType } from '../events/catalog.js';
import { parseEvent, type CloudEvent } from '../events/envelope.js';

/**
 * An in-process PubSub for type-graphql subscriptions, fed from Kafka. Each instance reads with a
 * consumer group of its own from the latest offset, so every instance sees every event and can
 * serve any subscriber. Events are published under their type, with the aggregate id as the
 * dynamic topic id, so a resolver subscribes with:
 *
 *   @Subscription({ topics: 'user.updated', topicId: ({ context }) => context.viewer.id })
 */
export class KafkaPubSub {
  readonly pubSub: PubSub = createPubSub();
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly types: EventType[],
    private readonly logger: Logger,
  ) {}

  private publishLocal(event: CloudEvent): void {
    this.pubSub.publish(event.type, event.subject, event);
  }

  /** Resolves once the consumer has joined and fetched, so no event after that point is missed. */
  async start(): Promise<void> {
    if (this.types.length === 0) return;
    const wanted = new Set<string>(this.types);
    this.consumer = this.kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: true,
      // Short fetch waits: the first completed fetch proves offsets are resolved, and live data is live.
      maxWaitTimeInMs: 250,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: [...new Set(this.types.map(topicOf))],
      fromBeginning: false,
    });
    const ready = new Promise<void>((resolve) => {
      const off = this.consumer!.on(this.consumer!.events.FETCH, () => {
        off();
        resolve();
      });
    });
    await this.consumer.run({
      autoCommit: false,
      eachMessage: ({ message }) => {
        const type = message.headers?.ce_type?.toString();
        if (type && !wanted.has(type)) return Promise.resolve();
        try {
          const parsed = parseEvent(message.value);
          if (parsed.known && wanted.has(parsed.event.type)) this.publishLocal(parsed.event);
        } catch (err) {
          this.logger.warn({ err }, 'subscription feed skipped an invalid message');
        }
        return Promise.resolve();
      },
    });
    await ready;
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    if (!consumer) return;
    // Leave the group and remove it: it belongs to this instance alone.
    await consumer.disconnect();
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([this.groupId]);
    } catch (err) {
      this.logger.debug({ err }, 'could not delete the subscription consumer group');
    } finally {
      await admin.disconnect();
    }
  }
}
