import { randomUUID } from 'node:crypto';
import { getModelForClass, modelOptions, prop } from '@typegoose/typegoose';
import type { Kafka } from 'kafkajs';
import { connectDatabase, type Connection } from '../../db/connection.js';
import { createLogger } from '../../logger.js';
import { createKafka, ensureTopics } from '../kafka.js';
import { Aggregate } from '../outbox.js';
import { createInboxModel, MongoInbox } from '../inbox.js';
import { DEAD_LETTER_TOPIC } from '../catalog.js';

/** A small aggregate for exercising the event machinery with real FerretDB and Kafka. */
@modelOptions({ schemaOptions: { collection: 'accounts' } })
export class TestAccount extends Aggregate {
  @prop({ required: true })
  name!: string;

  @prop({ default: 0 })
  applied!: number;
}

export interface EventFixture {
  db: Connection;
  kafka: Kafka;
  accounts: ReturnType<typeof getModelForClass<typeof TestAccount>>;
  inbox: MongoInbox;
  logger: ReturnType<typeof createLogger>;
  /** A consumer group name no other test uses. */
  group(): string;
  close(): Promise<void>;
}

export async function eventFixture(): Promise<EventFixture> {
  const logger = createLogger({ service: 'users', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const db = await connectDatabase({
    uri: process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017',
    dbName: `test_events_${randomUUID().slice(0, 8)}`,
    logger,
  });
  const kafka = createKafka(
    'vitrine-test',
    (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    logger,
  );
  await ensureTopics(kafka, ['vitrine.users', DEAD_LETTER_TOPIC]);
  const accounts = getModelForClass(TestAccount, { existingConnection: db });
  const inboxModel = createInboxModel(db);
  await accounts.createIndexes();
  await inboxModel.createIndexes();
  return {
    db,
    kafka,
    accounts,
    inbox: new MongoInbox(inboxModel),
    logger,
    group: () => `test-${randomUUID().slice(0, 8)}`,
    close: async () => {
      await db.dropDatabase();
      await db.close();
    },
  };
}
