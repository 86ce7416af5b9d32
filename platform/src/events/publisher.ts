import { CompressionTypes, Partitioners, type Kafka, type Producer } from 'kafkajs';
import { topicOf } from './catalog.js';
import type { CloudEvent } from './envelope.js';

/** Where events go. Kafka in production and integration tests; a recorder in unit tests. */
export interface EventPublisher {
  publish(events: readonly CloudEvent[]): Promise<void>;
}

/** A producer with murmur2 partitioning by key (the Java client's), as every producer here uses. */
export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({
    allowAutoTopicCreation: true,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

export function toKafkaMessage(event: CloudEvent) {
  return {
    key: event.subject,
    value: JSON.stringify(event),
    headers: { ce_id: event.id, ce_type: event.type, ce_source: event.source },
  };
}

/**
 * Publishes events to their domain topic, keyed by aggregate id, and waits for all in-sync
 * replicas, so an acknowledged event is durable. Delivery is at least once (a retry may repeat an
 * event; consumers' inboxes absorb it). kafkajs' idempotent mode is not used: with bounded retries
 * it can stall on sequence errors, and the outbox already gives the guarantee we need.
 */
export class KafkaEventPublisher implements EventPublisher {
  private readonly producer: Producer;
  private connected?: Promise<void>;

  constructor(kafka: Kafka) {
    this.producer = createProducer(kafka);
  }

  async publish(events: readonly CloudEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.connect();
    const byTopic = new Map<string, ReturnType<typeof toKafkaMessage>[]>();
    for (const event of events) {
      const topic = topicOf(event.type);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), toKafkaMessage(event)]);
    }
    await this.producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  connect(): Promise<void> {
    this.connected ??= this.producer.connect().catch((err: unknown) => {
      this.connected = undefined;
      throw err;
    });
    return this.connected;
  }

  async disconnect(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }
}
