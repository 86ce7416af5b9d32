import { randomUUID } from 'node:crypto';
import { connectDatabase, createLogger, type Connection } from '@vitrine/platform';
import { testConfig } from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaymentsConfig } from '../config.js';
import { createStripeEventModel, type StripeEventModel } from '../models/stripe-event.model.js';
import { createStripe, type Stripe } from './stripe-client.js';
import { StripeWebhookReceiver, type WebhookHandlers } from './webhooks.js';

const SECRET = 'whsec_receiver_tests';
let db: Connection;
let events: StripeEventModel;
let stripe: Stripe;
const logger = createLogger({ service: 'payments', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const settings = {
  ...loadPaymentsConfig({ STRIPE_WEBHOOK_SECRET: SECRET }, testConfig('payments')).stripe,
};

beforeAll(async () => {
  const config = testConfig('payments');
  db = await connectDatabase({ ...config.mongo, logger });
  events = createStripeEventModel(db);
  await events.createIndexes();
  stripe = createStripe(settings);
});
afterAll(async () => {
  await db?.dropDatabase();
  await db?.close();
});

function signed(type: string, id = `evt_${randomUUID().replaceAll('-', '')}`) {
  const body = JSON.stringify({
    id,
    object: 'event',
    type,
    created: 1,
    data: { object: { id: 'pi_1' } },
  });
  const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
  return { body: Buffer.from(body), signature, id };
}

describe(StripeWebhookReceiver.name, () => {
  it('answers 500 when its handler fails, and processes the redelivery once', async () => {
    let calls = 0;
    const handlers: WebhookHandlers = {
      'payment_intent.succeeded': () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('database went away')) : Promise.resolve();
      },
    };
    const receiver = new StripeWebhookReceiver(stripe, settings, events, handlers, logger);
    const delivery = signed('payment_intent.succeeded');
    expect((await receiver.receive(delivery.body, delivery.signature)).status).toBe(500);
    expect(await receiver.receive(delivery.body, delivery.signature)).toEqual({
      status: 200,
      body: { received: true },
    });
    expect(await receiver.receive(delivery.body, delivery.signature)).toEqual({
      status: 200,
      body: { received: true, duplicate: true },
    });
    expect(calls).toBe(2);
  });

  it('processes an event once when Stripe delivers it several times at once', async () => {
    let calls = 0;
    const handlers: WebhookHandlers = {
      'payment_intent.succeeded': async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    };
    const receiver = new StripeWebhookReceiver(stripe, settings, events, handlers, logger);
    const delivery = signed('payment_intent.succeeded');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => receiver.receive(delivery.body, delivery.signature)),
    );
    expect(calls).toBe(1);
    expect(answers.filter((a) => a.status === 200 && !a.body.duplicate)).toHaveLength(1);
    // The others were told it is being processed (Stripe retries) or already done.
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
  });

  it('acknowledges an event type it does not handle, and stores nothing', async () => {
    const receiver = new StripeWebhookReceiver(stripe, settings, events, {}, logger);
    const delivery = signed('customer.created');
    expect(await receiver.receive(delivery.body, delivery.signature)).toEqual({
      status: 200,
      body: { received: true, ignored: true },
    });
    expect(await events.countDocuments({ _id: delivery.id })).toBe(0);
  });
});
