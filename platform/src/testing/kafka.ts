import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka } from 'kafkajs';
import type { EventType } from '../events/catalog.js';
import { parseEvent, type AnyCloudEvent, type CloudEvent } from '../events/envelope.js';
import { ensureTopics } from '../events/kafka.js';
import type { EventPublisher } from '../events/publisher.js';

export interface TopicMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(v)]));
}

/** How far back a probe reads by default: enough for any test, small next to a long-lived topic. */
const LOOKBACK_MS = 120_000;

/**
 * Reads a topic with a throwaway consumer group, from the messages of the last two minutes (or
 * `since`), until `match` accepts one, and returns it; fails after the timeout. For asserting what
 * really reached Kafka.
 */
export async function findMessage(
  kafka: Kafka,
  topic: string,
  match: (message: TopicMessage) => boolean,
  timeoutMs = 20_000,
  since = new Date(Date.now() - LOOKBACK_MS),
): Promise<TopicMessage> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin
    .fetchTopicOffsetsByTimestamp(topic, since.getTime())
    .finally(() => admin.disconnect());
  const consumer = kafka.consumer({ groupId: `test-probe-${randomUUID()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise<TopicMessage>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching message on ${topic} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: ({ message }) => {
            const candidate = {
              key: message.key?.toString() ?? null,
              value: message.value?.toString() ?? null,
              headers: headersOf(message.headers),
            };
            if (match(candidate)) {
              clearTimeout(timer);
              resolve(candidate);
            }
            return Promise.resolve();
          },
        })
        .then(() => {
          for (const { partition, offset } of offsets) consumer.seek({ topic, partition, offset });
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}

/** Finds a catalogued event of a type whose payload satisfies `match`. */
export async function findEvent<T extends EventType>(
  kafka: Kafka,
  topic: string,
  type: T,
  match: (event: CloudEvent<T>) => boolean,
  timeoutMs?: number,
): Promise<CloudEvent<T>> {
  const message = await findMessage(
    kafka,
    topic,
    ({ value }) => {
      try {
        const parsed = parseEvent(value);
        return parsed.known && parsed.event.type === type && match(parsed.event as CloudEvent<T>);
      } catch {
        return false;
      }
    },
    timeoutMs,
  );
  const parsed = parseEvent(message.value);
  return (parsed as { event: AnyCloudEvent }).event as CloudEvent<T>;
}

/**
 * Every catalogued event of a type on a topic since `since` that `match` accepts, read for
 * `forMs`: for asserting how many times something was emitted (a duplicate would show).
 */
export async function collectEvents<T extends EventType>(
  kafka: Kafka,
  topic: string,
  type: T,
  match: (event: CloudEvent<T>) => boolean,
  { since, forMs = 1_500 }: { since: Date; forMs?: number },
): Promise<CloudEvent<T>[]> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin
    .fetchTopicOffsetsByTimestamp(topic, since.getTime())
    .finally(() => admin.disconnect());
  const consumer = kafka.consumer({ groupId: `test-probe-${randomUUID()}`, maxWaitTimeInMs: 200 });
  const found: CloudEvent<T>[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        try {
          const parsed = parseEvent(message.value?.toString() ?? null);
          if (parsed.known && parsed.event.type === type && match(parsed.event as CloudEvent<T>)) {
            found.push(parsed.event as CloudEvent<T>);
          }
        } catch {
          // not an event of the catalog: not what is being counted
        }
        return Promise.resolve();
      },
    });
    let fetches = 0;
    const fetched = new Promise<void>((resolve) => {
      const off = consumer.on(consumer.events.FETCH, () => {
        if (++fetches < 2) return;
        off();
        resolve();
      });
    });
    for (const { partition, offset } of offsets) consumer.seek({ topic, partition, offset });
    // Joined and fetched from the seek at least once: then what was there has been read, and
    // `forMs` more lets late events show.
    await fetched;
    await new Promise((resolve) => setTimeout(resolve, forMs));
    return found;
  } finally {
    await consumer.disconnect();
  }
}

/** A publisher double for unit tests of services: it records what would have been published. */
export class RecordingPublisher implements EventPublisher {
  readonly events: CloudEvent[] = [];

  publish(events: readonly CloudEvent[]): Promise<void> {
    this.events.push(...events);
    return Promise.resolve();
  }

  ofType<T extends EventType>(type: T): CloudEvent<T>[] {
    return this.events.filter((e): e is CloudEvent<T> => e.type === type);
  }
}

/**
 * Commits a new consumer group's offsets at the current end of the topics, before the group's
 * first start. A test instance (testConfig gives each its own group) then reads the events of its
 * own test, not the whole history of the shared local Kafka, which a new group replays first.
 *
 * One group join for all topics: kafkajs' `admin.setOffsets` joins once per topic (seconds each).
 * As setOffsets does: join, stay paused, seek (which commits), leave after the first fetch.
 */
export async function startGroupAtEnd(
  kafka: Kafka,
  groupId: string,
  topics: string[],
): Promise<void> {
  await ensureTopics(kafka, topics);
  const admin = kafka.admin();
  await admin.connect();
  const ends = await Promise.all(
    topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) })),
  ).finally(() => admin.disconnect());
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    const fetched = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`group ${groupId} did not join in 30 s`)),
        30_000,
      );
      const off = consumer.on(consumer.events.FETCH, () => {
        clearTimeout(timer);
        off();
        resolve();
      });
    });
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({ eachBatchAutoResolve: false, eachBatch: () => Promise.resolve() });
    consumer.pause(topics.map((topic) => ({ topic })));
    for (const { topic, offsets } of ends) {
      for (const { partition, high } of offsets) consumer.seek({ topic, partition, offset: high });
    }
    await fetched;
  } finally {
    await consumer.disconnect();
  }
}
