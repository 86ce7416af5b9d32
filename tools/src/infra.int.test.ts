/**
 * Each local server answers a real client, through the endpoints that the global setup
 * (vitest-global-setup.ts) exported to this worker's environment.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import kafkajs from 'kafkajs';
import mongoose from 'mongoose';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';

const { Kafka, logLevel } = kafkajs;

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the global setup should have exported it`);
  return value;
}

const runId = randomUUID().slice(0, 8);

describe('local infrastructure', () => {
  it('exports its endpoints to the test workers', () => {
    for (const name of [
      'MONGODB_URI',
      'KAFKA_BROKERS',
      'STRIPE_API_BASE',
      'SMTP_HOST',
      'SMTP_PORT',
    ]) {
      expect(process.env[name], name).toBeTruthy();
    }
  });

  describe('MongoDB wire protocol', () => {
    const connection = mongoose.createConnection(requireEnv('MONGODB_URI'), {
      dbName: `infra_test_${runId}`,
      serverSelectionTimeoutMS: 5_000,
    });
    afterAll(async () => {
      await connection.dropDatabase();
      await connection.close();
    });

    const Item = connection.model(
      'Item',
      new mongoose.Schema({ sku: { type: String, unique: true }, tags: [String] }),
    );

    it('writes, updates arrays and reads back', async () => {
      await Item.create({ sku: 'a', tags: ['new'] });
      await Item.updateOne({ sku: 'a' }, { $push: { tags: 'sale' } });
      await Item.updateOne({ sku: 'a' }, { $pull: { tags: 'new' } });
      const item = await Item.findOne({ sku: 'a' }).lean();
      expect(item?.tags).toEqual(['sale']);
    });

    it('enforces a unique index with duplicate-key code 11000', async () => {
      await Item.init();
      await Item.create({ sku: 'b' });
      await expect(Item.create({ sku: 'b' })).rejects.toMatchObject({ code: 11000 });
    });

    // FerretDB v1 alone loses concurrent updates of one document; tools/ferretdb/gate.go makes
    // them atomic, as MongoDB does. Without the gate this ends far below 25 and 25.
    it('applies every concurrent update of one document (single-document atomicity)', async () => {
      const counters = connection.collection('counters');
      await counters.insertOne({ _id: 'c' as never, n: 0, seen: [] });
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          i % 2
            ? counters.updateOne({ _id: 'c' as never }, { $inc: { n: 1 } })
            : counters.updateOne({ _id: 'c' as never }, { $push: { seen: i } as never }),
        ),
      );
      const doc = await counters.findOne({ _id: 'c' as never });
      expect({ n: doc?.n as number, seen: (doc?.seen as number[]).length }).toEqual({
        n: 25,
        seen: 25,
      });
    });

    it('lets exactly one of many concurrent conditional updates win', async () => {
      const slots = connection.collection('slots');
      await slots.insertOne({ _id: 's' as never, taken: false });
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          slots.updateOne({ _id: 's' as never, taken: false }, { $set: { taken: true } }),
        ),
      );
      expect(results.filter((r) => r.modifiedCount === 1)).toHaveLength(1);
    });
  });

  it('Kafka produces and consumes on a fresh topic', async () => {
    const kafka = new Kafka({
      clientId: `infra-test-${runId}`,
      brokers: requireEnv('KAFKA_BROKERS').split(','),
      logLevel: logLevel.NOTHING,
    });
    const topic = `infra-test-${runId}`;
    const admin = kafka.admin();
    const producer = kafka.producer();
    const consumer = kafka.consumer({ groupId: `infra-test-${runId}` });
    try {
      await admin.connect();
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const received = new Promise<string | undefined>((resolve) => {
        void consumer.run({
          eachMessage: ({ message }) => {
            resolve(message.value?.toString());
            return Promise.resolve();
          },
        });
      });
      await producer.connect();
      await producer.send({ topic, messages: [{ key: 'k', value: `hello ${runId}` }] });
      expect(await received).toBe(`hello ${runId}`);
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('stripe-mock creates a PaymentIntent', async () => {
    const response = await fetch(`${requireEnv('STRIPE_API_BASE')}/v1/payment_intents`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer sk_test_123',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        amount: '2500',
        currency: 'eur',
        'payment_method_types[]': 'card',
      }),
    });
    expect(response.status).toBe(200);
    const intent = (await response.json()) as { object: string; id: string; amount: number };
    expect(intent.object).toBe('payment_intent');
    expect(intent.id).toMatch(/^pi_/);
    expect(intent.amount).toBe(2500);
  });

  it.skipIf(!process.env.MAILDEV_API_URL)(
    'an email sent over SMTP shows up in maildev',
    async () => {
      const api = requireEnv('MAILDEV_API_URL');
      const subject = `Infra test ${runId}`;
      const transport = nodemailer.createTransport({
        host: requireEnv('SMTP_HOST'),
        port: Number(requireEnv('SMTP_PORT')),
        secure: false,
      });
      await transport.sendMail({
        from: 'shop@vitrine.test',
        to: 'buyer@vitrine.test',
        subject,
        text: 'It works.',
      });
      transport.close();

      // maildev stores a mail just after the SMTP exchange: poll its REST API briefly.
      type Mail = { id: string; subject: string; to: { address: string }[] };
      let mail: Mail | undefined;
      for (let attempt = 0; attempt < 50 && mail === undefined; attempt++) {
        const mails = (await (await fetch(`${api}/email`)).json()) as Mail[];
        mail = mails.find((m) => m.subject === subject);
        if (mail === undefined) await sleep(100);
      }
      expect(mail?.to).toEqual([expect.objectContaining({ address: 'buyer@vitrine.test' })]);
      await fetch(`${api}/email/${mail!.id}`, { method: 'DELETE' });
    },
  );
});
