import { randomUUID } from 'node:crypto';
import type { Consumer, IHeaders, Kafka } from 'kafkajs';
import type { EventType } from '../events/catalog.js';
import { parseEvent, type CloudEvent } from '../events/envelope.js';
import { ensureTopics } from '../events/kafka.js';

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
 * Reads a topic with a throwaway consumer group from the messages of `since` on, handing each to
 * `onMessage`, until `until` settles; then leaves the group.
 */
async function readTopic<R>(
  kafka: Kafka,
  topic: string,
  since: Date,
  onMessage: (message: TopicMessage) => void,
  until: (consumer: Consumer) => Promise<R>,
): Promise<R> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin
    .fetchTopicOffsetsByTimestamp(topic, since.getTime())
    .finally(() => admin.disconnect());
  const consumer = kafka.consumer({ groupId: `test-probe-${randomUUID()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        onMessage({
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: headersOf(message.headers),
        });
        return Promise.resolve();
      },
    });
    for (const { partition, offset } of offsets) consumer.seek({ topic, partition, offset });
    return await until(consumer);
  } finally {
    await consumer.disconnect();
  }
}

/** The catalogued event of `type` a message holds, or null (another type, or not an event). */
function eventOf<T extends EventType>(value: string | null, type: T): CloudEvent<T> | null {
  try {
    const parsed = parseEvent(value);
    return parsed.known && parsed.event.type === type ? (parsed.event as CloudEvent<T>) : null;
  } catch {
    return null;
  }
}

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
  let timer: NodeJS.Timeout | undefined;
  let found: (message: TopicMessage) => void = () => undefined;
  const first = new Promise<TopicMessage>((resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no matching message on ${topic} in ${timeoutMs} ms`)),
      timeoutMs,
    );
    found = resolve;
  });
  return readTopic(
    kafka,
    topic,
    since,
    (message) => {
      if (match(message)) found(message);
    },
    () => first,
  ).finally(() => clearTimeout(timer));
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
      const event = eventOf(value, type);
      return !!event && match(event);
    },
    timeoutMs,
  );
  return eventOf(message.value, type)!;
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
  const found: CloudEvent<T>[] = [];
  return readTopic(
    kafka,
    topic,
    since,
    ({ value }) => {
      const event = eventOf(value, type);
      if (event && match(event)) found.push(event);
    },
    async (consumer) => {
      // Two fetches after the seek: what was there has been read; `forMs` more lets late
      // events show.
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no fetch on ${topic} in 20 s`)), 20_000);
        let fetches = 0;
        const off = consumer.on(consumer.events.FETCH, () => {
          if (++fetches < 2) return;
          off();
          clearTimeout(timer);
          resolve();
        });
      });
      await new Promise((resolve) => setTimeout(resolve, forMs));
      return found;
    },
  );
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
  const ends = await ensureTopics(kafka, topics);
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
    for (const [topic, offsets] of ends) {
      for (const { partition, high } of offsets) consumer.seek({ topic, partition, offset: high });
    }
    await fetched;
  } finally {
    await consumer.disconnect();
  }
}
