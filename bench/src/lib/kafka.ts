/**
 * A new consumer group reads its topics from the beginning: a benchmark's subgraph would first
 * replay the whole history of the shared local Kafka (every test's boutiques, orders and
 * products), which took 80 s on this machine and keeps it and FerretDB busy while it is measured.
 * So its group is committed at the current end of every `vitrine.*` topic before it starts; it
 * then sees only the events of this run. The platform (kafkajs and all) is loaded only here.
 *
 * This is what `startGroupAtEnd` of `@vitrine/platform/testing` does, in one group join instead
 * of one per topic: kafkajs' `admin.setOffsets` joins the group for each topic, about 5 s each
 * (the broker's initial rebalance delay), 25 s for the five topics.
 */
export async function startGroupAtEnd(brokers: string, groupId: string): Promise<void> {
  const { createKafka, createLogger, DEAD_LETTER_TOPIC, TOPIC_PREFIX } =
    await import('@vitrine/platform');
  const logger = createLogger({ service: 'bench', level: 'silent' });
  const kafka = createKafka(
    'vitrine-bench',
    brokers.split(',').map((b) => b.trim()),
    logger,
  );
  const admin = kafka.admin();
  await admin.connect();
  let ends: { topic: string; partitions: { partition: number; offset: string }[] }[];
  try {
    const topics = (await admin.listTopics()).filter(
      (topic) => topic.startsWith(TOPIC_PREFIX) && topic !== DEAD_LETTER_TOPIC,
    );
    ends = await Promise.all(
      topics.map(async (topic) => ({
        topic,
        partitions: (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({
          partition,
          offset: high,
        })),
      })),
    );
  } finally {
    await admin.disconnect();
  }
  if (ends.length === 0) return; // a fresh Kafka: no history to skip

  // As kafkajs' setOffsets: join, stay paused, seek (which commits), stop after the first fetch.
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  try {
    const fetched = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Kafka group ${groupId} did not join in 30 s`)),
        30_000,
      );
      const off = consumer.on(consumer.events.FETCH, () => {
        clearTimeout(timer);
        off();
        resolve();
      });
    });
    await consumer.subscribe({ topics: ends.map((e) => e.topic), fromBeginning: true });
    await consumer.run({ eachBatchAutoResolve: false, eachBatch: () => Promise.resolve() });
    consumer.pause(ends.map(({ topic }) => ({ topic })));
    for (const { topic, partitions } of ends) {
      for (const { partition, offset } of partitions) consumer.seek({ topic, partition, offset });
    }
    await fetched;
  } finally {
    await consumer.disconnect();
  }
}
