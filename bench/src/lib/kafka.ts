/**
 * A new consumer group reads its topics from the beginning: a benchmark's subgraph would first
 * replay the whole history of the shared local Kafka (every test's boutiques, orders and
 * products), which took 80 s on this machine and keeps it and FerretDB busy while it is measured.
 * So its group is committed at the current end of every `vitrine.*` topic before it starts
 * (the platform's `startGroupAtEnd`, as test instances do); it then sees only this run's events.
 * The platform (kafkajs and all) is loaded only here.
 */
export async function startGroupAtEnd(brokers: string, groupId: string): Promise<void> {
  const { createKafka, createLogger, DEAD_LETTER_TOPIC, TOPIC_PREFIX } =
    await import('@vitrine/platform');
  const testing = await import('@vitrine/platform/testing');
  const kafka = createKafka(
    'vitrine-bench',
    brokers.split(',').map((b) => b.trim()),
    createLogger({ service: 'bench', level: 'silent' }),
  );
  const admin = kafka.admin();
  await admin.connect();
  const topics = await admin.listTopics().finally(() => admin.disconnect());
  const history = topics.filter((t) => t.startsWith(TOPIC_PREFIX) && t !== DEAD_LETTER_TOPIC);
  if (history.length === 0) return; // a fresh Kafka: no history to skip
  await testing.startGroupAtEnd(kafka, groupId, history);
}
