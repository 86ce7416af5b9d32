import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureInfra, stopInfra } from '@vitrine/tools/infra';
import { findMessage, waitFor } from '../testing/index.js';
import { createEvent } from './envelope.js';
import { initialOutbox } from './outbox.js';
import { OutboxRelay } from './outbox-relay.js';
import { KafkaEventPublisher } from './publisher.js';
import { eventFixture, type EventFixture } from './test/event-fixture.js';

/**
 * Stops the local Kafka broker for real, so this runs in the `resilience` tier, after every other
 * test (vitest.config.ts), and restarts it before it ends.
 */
let f: EventFixture;
let relay: OutboxRelay;
beforeAll(async () => {
  f = await eventFixture();
  relay = new OutboxRelay({
    publisher: new KafkaEventPublisher(f.kafka),
    logger: f.logger,
    pollIntervalMs: 200,
    maxBackoffMs: 1_000,
  }).register(f.accounts);
  relay.start();
});
afterAll(async () => {
  await ensureInfra({ only: ['kafka'], log: () => undefined });
  await relay?.stop();
  await f?.close();
});

describe('an event written while Kafka is down', () => {
  it('waits in its outbox and is delivered once Kafka is back', async () => {
    expect(await stopInfra(['kafka'], { log: () => undefined })).toEqual(['kafka']);
    const _id = new Types.ObjectId();
    const event = createEvent('vitrine.users', 'user.updated', _id.toHexString(), {
      userId: _id.toHexString(),
      changed: ['name'],
    });
    await f.accounts.create({ _id, name: 'Written during the outage', ...initialOutbox(event) });
    relay.notify();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const waiting = await f.accounts.findById(_id).lean().exec();
    expect(waiting?.outbox.map((e) => e.id)).toEqual([event.id]);

    await ensureInfra({ only: ['kafka'], log: () => undefined });
    await waitFor(async () => (await f.accounts.findById(_id).lean().exec())?.outboxAt === null, {
      timeoutMs: 90_000,
      intervalMs: 250,
      message: 'the outbox to drain after Kafka came back',
    });
    const message = await findMessage(
      f.kafka,
      'vitrine.users',
      (m) => m.headers.ce_id === event.id,
      30_000,
    );
    expect(JSON.parse(message.value!)).toEqual(event);
  });
});
