import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMessage, waitFor } from '../testing/index.js';
import { DEAD_LETTER_TOPIC } from './catalog.js';
import { defineHandler, EventConsumer } from './consumer.js';
import { createEvent, type CloudEvent } from './envelope.js';
import { initialOutbox, updateWithEvents } from './outbox.js';
import { ensureTopics } from './kafka.js';
import { OutboxRelay } from './outbox-relay.js';
import { createProducer, KafkaEventPublisher, toKafkaMessage } from './publisher.js';
import { eventFixture, type EventFixture } from './test/event-fixture.js';

let f: EventFixture;
beforeAll(async () => {
  f = await eventFixture();
});
afterAll(() => f?.close());

const updated = (userId: string) =>
  createEvent('vitrine.users', 'user.updated', userId, { userId, changed: ['name'] });

/** A consumer whose handler counts applications on the account (not idempotent by itself). */
function countingConsumer(
  group: string,
  options: { fail?: (e: CloudEvent<'user.updated'>) => boolean; retries?: number } = {},
) {
  return new EventConsumer({
    kafka: f.kafka,
    name: group,
    inbox: f.inbox,
    logger: f.logger,
    retry: { retries: options.retries ?? 2, initialDelayMs: 50, maxDelayMs: 100 },
    handlers: [
      defineHandler('user.updated', async (event) => {
        if (options.fail?.(event)) throw new Error('handler failed on purpose');
        await f.accounts.updateOne({ _id: event.subject }, { $inc: { applied: 1 } }).exec();
      }),
    ],
  });
}

async function publishRaw(events: CloudEvent[]) {
  const producer = createProducer(f.kafka);
  await producer.connect();
  await producer.send({ topic: 'vitrine.users', acks: -1, messages: events.map(toKafkaMessage) });
  await producer.disconnect();
}

const applied = async (id: Types.ObjectId) =>
  (await f.accounts.findById(id).lean().exec())?.applied;

describe('outbox relay', () => {
  it('publishes an event stored with its state change, then empties the outbox', async () => {
    const relay = new OutboxRelay({
      publisher: new KafkaEventPublisher(f.kafka),
      logger: f.logger,
    }).register(f.accounts);
    const _id = new Types.ObjectId();
    const event = updated(_id.toHexString());
    await f.accounts.create({ _id, name: 'Ada', ...initialOutbox(event) });
    expect(await relay.drain()).toBe(1);
    const message = await findMessage(
      f.kafka,
      'vitrine.users',
      (m) => m.headers.ce_id === event.id,
    );
    expect(message.key).toBe(_id.toHexString());
    expect(JSON.parse(message.value!)).toEqual(event);
    const after = await f.accounts.findById(_id).lean().exec();
    expect({ outbox: after?.outbox, outboxAt: after?.outboxAt }).toEqual({
      outbox: [],
      outboxAt: null,
    });
  });

  it('keeps events appended while a batch is being published, and sends them next', async () => {
    const publisher = new KafkaEventPublisher(f.kafka);
    const _id = new Types.ObjectId();
    const first = updated(_id.toHexString());
    const second = updated(_id.toHexString());
    await f.accounts.create({ _id, name: 'Grace', ...initialOutbox(first) });
    const relay = new OutboxRelay({
      logger: f.logger,
      publisher: {
        publish: async (events) => {
          // A write lands between the claim and the removal of the published events.
          if (events.some((e) => e.id === first.id)) {
            await f.accounts
              .updateOne({ _id }, updateWithEvents({ $set: { name: 'Grace H.' } }, second))
              .exec();
          }
          await publisher.publish(events);
        },
      },
    }).register(f.accounts);
    expect(await relay.drain()).toBe(2);
    const doc = await f.accounts.findById(_id).lean().exec();
    expect(doc).toMatchObject({ name: 'Grace H.', outbox: [], outboxAt: null });
    await findMessage(f.kafka, 'vitrine.users', (m) => m.headers.ce_id === second.id);
  });
});

describe(EventConsumer.name, () => {
  it('applies an event delivered twice only once', async () => {
    const _id = new Types.ObjectId();
    await f.accounts.create({ _id, name: 'Linus' });
    const consumer = countingConsumer(f.group());
    await consumer.start();
    const event = updated(_id.toHexString());
    await publishRaw([event, event]);
    await publishRaw([event]);
    const marker = updated(_id.toHexString());
    await publishRaw([marker]); // once this is applied, the duplicates before it were seen
    await waitFor(async () => (await applied(_id)) === 2, {
      message: 'two distinct events applied',
    });
    await consumer.stop();
    expect(await applied(_id)).toBe(2);
  });

  it('resumes after a crash from where it was, losing and repeating nothing', async () => {
    const _id = new Types.ObjectId();
    await f.accounts.create({ _id, name: 'Margaret' });
    const group = f.group();
    const before = countingConsumer(group);
    await before.start();
    await publishRaw([updated(_id.toHexString()), updated(_id.toHexString())]);
    await waitFor(async () => (await applied(_id)) === 2, { message: 'first two events' });
    await before.stop(); // the instance goes away
    await publishRaw([
      updated(_id.toHexString()),
      updated(_id.toHexString()),
      updated(_id.toHexString()),
    ]);
    const after = countingConsumer(group);
    await after.start();
    await waitFor(async () => (await applied(_id)) === 5, {
      message: 'the three events sent while down',
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await after.stop();
    expect(await applied(_id)).toBe(5);
  });

  it('parks a poison message on the dead-letter topic and goes on', async () => {
    const _id = new Types.ObjectId();
    await f.accounts.create({ _id, name: 'Barbara' });
    const group = f.group();
    const consumer = countingConsumer(group, {
      fail: (e) => e.data.changed.includes('boom'),
      retries: 1,
    });
    await consumer.start();
    const producer = createProducer(f.kafka);
    await producer.connect();
    await producer.send({
      topic: 'vitrine.users',
      messages: [{ key: _id.toHexString(), value: '{not json' }],
    });
    await producer.disconnect();
    const failing = createEvent('vitrine.users', 'user.updated', _id.toHexString(), {
      userId: _id.toHexString(),
      changed: ['boom'],
    });
    const fine = updated(_id.toHexString());
    await publishRaw([failing, fine]);
    await waitFor(async () => (await applied(_id)) === 1, {
      message: 'the good event after the poison ones',
    });
    await consumer.stop();
    const invalid = await findMessage(
      f.kafka,
      DEAD_LETTER_TOPIC,
      (m) => m.headers['x-dead-letter-consumer'] === group && m.value === '{not json',
    );
    expect(invalid.headers['x-dead-letter-reason']).toBe('message is not JSON');
    const failed = await findMessage(
      f.kafka,
      DEAD_LETTER_TOPIC,
      (m) => m.headers.ce_id === failing.id,
    );
    expect(failed.headers).toMatchObject({
      'x-dead-letter-consumer': group,
      'x-dead-letter-topic': 'vitrine.users',
      'x-dead-letter-reason': 'handler failed on purpose',
    });
  });
});

describe(ensureTopics.name, () => {
  it('returns only once a topic created at the same time by another client answers', async () => {
    const topic = `test.topics-${new Types.ObjectId().toHexString()}`;
    const admin = f.kafka.admin();
    await admin.connect();
    try {
      // Several services start together; each ensures the same new topics.
      await Promise.all([0, 1, 2, 3].map(() => ensureTopics(f.kafka, [topic])));
      const offsets = await admin.fetchTopicOffsets(topic);
      expect(offsets.map((o) => o.partition).sort()).toEqual([0, 1, 2]);
      await admin.deleteTopics({ topics: [topic] });
    } finally {
      await admin.disconnect();
    }
  });
});
