import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from '../logger.js';

export type { Kafka } from 'kafkajs';

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** A kafkajs client whose logs go through our logger (kafkajs' INFO is our debug: it is chatty). */
export function createKafka(clientId: string, brokers: string[], logger: Logger): Kafka {
  const log = logger.child({ component: 'kafka' });
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 3_000,
    requestTimeout: 15_000,
    retry: { initialRetryTime: 200, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...rest } = entry;
        const method = level === logLevel.INFO ? 'debug' : (LEVELS[level] ?? 'debug');
        log[method](rest, message);
      },
  });
}

/** The offsets of a topic's partitions (`high` is where the next message goes). */
export type TopicOffsets = Awaited<ReturnType<ReturnType<Kafka['admin']>['fetchTopicOffsets']>>;

/**
 * Creates topics that do not exist yet and waits until each partition answers for its offsets, so
 * that neither the first publish nor a first offset lookup races their creation. A topic another
 * process has just created is listed before its partitions have a leader: `waitForLeaders` covers
 * only the topics this call creates. Returns the offsets it found (a caller that starts a group at
 * the end of the topics needs no second lookup).
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  numPartitions = 3,
): Promise<Map<string, TopicOffsets>> {
  const wanted = [...new Set(topics)];
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions })),
      });
    }
    const offsets = await Promise.all(
      wanted.map((topic) => untilLed(() => admin.fetchTopicOffsets(topic), topic)),
    );
    return new Map(wanted.map((topic, i) => [topic, offsets[i]]));
  } finally {
    await admin.disconnect();
  }
}

/** Kafka's answers while a new partition has no leader yet; anything else is a real failure. */
const LEADERLESS = new Set([
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
  'UNKNOWN_TOPIC_OR_PARTITION',
]);

async function untilLed<T>(attempt: () => Promise<T>, topic: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      const { type, originalError } = error as { type?: string; originalError?: { type?: string } };
      if (!LEADERLESS.has(type ?? originalError?.type ?? '')) throw error;
      if (Date.now() > deadline) {
        throw new Error(`topic ${topic} has no partition leader`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function pingKafka(kafka: Kafka): Promise<boolean> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
