import { newId, Role, topicOf } from '@vitrine/platform';
import { collectEvents, findEvent, waitFor } from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYMENT, PaymentsTestbed, type TestUser } from '../test/payments.testbed.js';

let t: PaymentsTestbed;
let owner: TestUser;
let boutiqueA: string;
let boutiqueB: string;

beforeAll(async () => {
  t = await PaymentsTestbed.start();
  owner = await t.user(Role.BOUTIQUE_OWNER);
  [boutiqueA, boutiqueB] = await Promise.all([t.boutique(owner), t.boutique(owner)]);
});
afterAll(() => t?.stop());

async function paymentOf(id: string, user: TestUser) {
  const data = await t.client.data<{
    payment: { status: string; method: string | null; failureReason: string | null };
  }>(PAYMENT, { id }, { token: user.token });
  return data.payment;
}

describe('startCheckoutPayment', () => {
  it("charges the orders' totals from the orders subgraph, once per checkout", async () => {
    const customer = await t.user();
    const checkout = await t.checkout(customer, [
      { boutiqueId: boutiqueA, lines: [{ amount: 2500 }], extra: 999 },
      { boutiqueId: boutiqueB, lines: [{ amount: 1000 }, { amount: 500 }] },
    ]);
    const first = await t.startPayment(checkout);
    expect(first.payment).toMatchObject({
      status: 'REQUIRES_PAYMENT',
      amount: { amount: 4999, currency: 'EUR' },
      subtotal: { amount: 4999 },
      discount: { amount: 0 },
      orderIds: checkout.orderIds,
    });
    expect(first.payment.transactionId).toMatch(/^pi_/);
    expect(first.clientSecret).toMatch(/_secret_/);

    const again = await t.startPayment(checkout);
    expect(again.payment.id).toBe(first.payment.id);
    // An empty coupon code is no coupon: the same payment, not another one's discounts.
    const blank = await t.startPayment(checkout, { couponCode: '' });
    expect(blank.payment.id).toBe(first.payment.id);
    expect(again.payment.transactionId).toBe(first.payment.transactionId);
  });

  it("refuses another customer's checkout, and one whose orders have not all arrived", async () => {
    const customer = await t.user();
    const checkout = await t.checkout(customer, [
      { boutiqueId: boutiqueA, lines: [{ amount: 900 }] },
    ]);
    const stranger = await t.user();
    const stolen = await t.client.request(
      `mutation ($input: StartCheckoutPaymentInput!) { startCheckoutPayment(input: $input) { clientSecret } }`,
      { input: { checkoutId: checkout.checkoutId } },
      { token: stranger.token },
    );
    expect(stolen.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const partial = newId().toHexString();
    const orderIds = [newId().toHexString(), newId().toHexString()];
    const money = { amount: 100, currency: 'EUR' };
    await t.publish('order.created', orderIds[0], {
      orderId: orderIds[0],
      checkoutId: partial,
      checkoutOrderIds: orderIds,
      customerId: customer.id,
      boutiqueId: boutiqueA,
      items: [
        {
          productId: newId().toHexString(),
          variantId: newId().toHexString(),
          sku: 'S',
          quantity: 1,
          unitPrice: money,
        },
      ],
      subtotal: money,
      tax: { amount: 0, currency: 'EUR' },
      deliveryFee: { amount: 0, currency: 'EUR' },
      total: money,
    });
    await waitFor(() => t.db.collection('checkout_views').findOne({ _id: partial as never }));
    const early = await t.client.request(
      `mutation ($input: StartCheckoutPaymentInput!) { startCheckoutPayment(input: $input) { clientSecret } }`,
      { input: { checkoutId: partial } },
      { token: customer.token },
    );
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.checkoutId',
    });
    expect(await t.db.collection('payments').countDocuments({ checkoutId: partial })).toBe(0);
  });

  it('sends amounts in minor units as they are, for a zero-decimal currency too', async () => {
    const customer = await t.user();
    const checkout = await t.checkout(
      customer,
      [{ boutiqueId: boutiqueA, lines: [{ amount: 2500 }], extra: 300 }],
      'JPY',
    );
    const started = await t.startPayment(checkout);
    expect(started.payment.amount).toEqual({ amount: 2800, currency: 'JPY' });
    // What the PaymentIntent is created with: ¥2800 is `amount: 2800`, not 280000.
    const stored = await t.db.collection('payments').findOne({ checkoutId: checkout.checkoutId });
    expect(stored).toMatchObject({ amount: 2800, currency: 'JPY' });
    await t.intentEvent('succeeded', started.payment);
    const completed = await findEvent(
      t.subgraph.runtime.kafka,
      topicOf('payment.completed'),
      'payment.completed',
      (e) => e.data.paymentId === started.payment.id,
    );
    expect(completed.data.amount).toEqual({ amount: 2800, currency: 'JPY' });
    // One point per major unit: ¥2800 earns 2800 points (2800 cents of euro would earn 28).
    const loyalty = `query ($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { loyalty { balance } } } }`;
    await waitFor(
      async () => {
        const data = await t.client.data<{ _entities: { loyalty: { balance: number } }[] }>(
          loyalty,
          { id: customer.id },
          { token: customer.token },
        );
        return data._entities[0].loyalty.balance === 2800 || undefined;
      },
      { message: '2800 points for ¥2800' },
    );
  });
});

describe('Stripe webhooks', () => {
  it('completes the payment once, however many times Stripe delivers the event', async () => {
    const since = new Date();
    const customer = await t.user();
    const checkout = await t.checkout(customer, [
      { boutiqueId: boutiqueA, lines: [{ amount: 1800 }] },
      { boutiqueId: boutiqueB, lines: [{ amount: 700 }] },
    ]);
    const { payment } = await t.startPayment(checkout);
    const eventId = `evt_${newId().toHexString()}`;
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push(await t.intentEvent('succeeded', payment, { id: eventId }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.slice(1).every((a) => a.body.duplicate)).toBe(true);
    // The same outcome under another event id (Stripe may send two) changes nothing either.
    expect((await t.intentEvent('succeeded', payment)).status).toBe(200);

    expect(await paymentOf(payment.id, customer)).toMatchObject({
      status: 'SUCCEEDED',
      method: 'card',
    });
    const events = await collectEvents(
      t.subgraph.runtime.kafka,
      topicOf('payment.completed'),
      'payment.completed',
      (e) => e.data.paymentId === payment.id,
      { since },
    );
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({
      checkoutId: checkout.checkoutId,
      orderIds: checkout.orderIds,
      customerId: customer.id,
      amount: { amount: 2500, currency: 'EUR' },
    });
  });

  it('lets the customer try again after a decline, and fails the payment after the third', async () => {
    const since = new Date();
    const customer = await t.user();
    const checkout = await t.checkout(customer, [
      { boutiqueId: boutiqueA, lines: [{ amount: 1200 }] },
    ]);
    const { payment } = await t.startPayment(checkout);
    const state = async () =>
      (
        await t.client.data<{
          payment: { status: string; failureReason: string | null; failedAttempts: number };
        }>(
          `query ($id: ID!) { payment(id: $id) { status failureReason failedAttempts } }`,
          { id: payment.id },
          { token: customer.token },
        )
      ).payment;
    // The same declined attempt, told twice (two events of one charge), counts once.
    await t.intentEvent('payment_failed', payment, { charge: 'ch_first_card' });
    await t.intentEvent('payment_failed', payment, { charge: 'ch_first_card' });
    expect(await state()).toEqual({
      status: 'REQUIRES_PAYMENT',
      failureReason: 'Your card was declined.',
      failedAttempts: 1,
    });
    await t.declined(payment, 2);
    expect(await state()).toMatchObject({ status: 'FAILED', failedAttempts: 3 });
    const failed = await collectEvents(
      t.subgraph.runtime.kafka,
      topicOf('payment.failed'),
      'payment.failed',
      (e) => e.data.paymentId === payment.id,
      { since },
    );
    expect(failed).toHaveLength(1);
    expect(failed[0].data).toMatchObject({
      orderIds: checkout.orderIds,
      reason: 'Your card was declined.',
    });
  });

  it('ends the payment of a checkout whose orders all timed out, and gives its coupon back', async () => {
    const admin = await t.user(Role.ADMIN);
    const code = `TIMEOUT-${newId().toHexString().slice(-6).toUpperCase()}`;
    await t.client.data(
      `mutation ($input: CreateCouponInput!) { createCoupon(input: $input) { id } }`,
      { input: { code, kind: 'PERCENTAGE', percentOff: 10, maxRedemptions: 1 } },
      { token: admin.token },
    );
    const customer = await t.user();
    const checkout = await t.checkout(customer, [
      { boutiqueId: boutiqueA, lines: [{ amount: 2000 }] },
    ]);
    const { payment } = await t.startPayment(checkout, { couponCode: code });
    await t.publish('order.cancelled', checkout.orderIds[0], {
      orderId: checkout.orderIds[0],
      customerId: customer.id,
      boutiqueId: boutiqueA,
      reason: 'payment_timeout',
      items: [],
      actorId: null,
    });
    await waitFor(
      async () => (await paymentOf(payment.id, customer)).status === 'FAILED' || undefined,
      { message: 'the payment ended' },
    );
    await waitFor(() => t.db.collection('coupons').findOne({ code, redeemed: 0, remaining: 1 }), {
      message: 'the redemption given back',
    });
  });

  it('ignores a stale failure notice of a payment that succeeded', async () => {
    const customer = await t.user();
    const checkout = await t.checkout(customer, [
      { boutiqueId: boutiqueA, lines: [{ amount: 1300 }] },
    ]);
    const payment = await t.paid(checkout);
    expect((await t.intentEvent('payment_failed', payment)).status).toBe(200);
    expect((await paymentOf(payment.id, customer)).status).toBe('SUCCEEDED');
  });

  it('answers 400 to a forged, stale or unsigned webhook, and changes nothing', async () => {
    const customer = await t.user();
    const checkout = await t.checkout(customer, [
      { boutiqueId: boutiqueA, lines: [{ amount: 1400 }] },
    ]);
    const { payment } = await t.startPayment(checkout);
    const object = { id: payment.transactionId, object: 'payment_intent', amount_received: 1400 };
    const forged = await t.webhook('payment_intent.succeeded', object, {
      secret: 'whsec_attacker',
    });
    const stale = await t.webhook('payment_intent.succeeded', object, {
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    const unsigned = await t.webhook('payment_intent.succeeded', object, { signature: 'nonsense' });
    for (const answer of [forged, stale, unsigned]) {
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid or stale signature');
    }
    expect((await paymentOf(payment.id, customer)).status).toBe('REQUIRES_PAYMENT');
    expect(
      await t.db
        .collection('stripe_events')
        .countDocuments({ type: 'payment_intent.succeeded', _id: { $in: [] } }),
    ).toBe(0);
  });
});

describe('payment history', () => {
  it('shows a customer their payments, a boutique the ones of its orders, and no one else', async () => {
    const customer = await t.user();
    const checkout = await t.checkout(customer, [
      { boutiqueId: boutiqueA, lines: [{ amount: 1500 }] },
    ]);
    const payment = await t.paid(checkout);
    const history = `query ($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { payments(first: 5) { totalCount edges { node { id transactionId status amount { amount currency } orderIds customerId paidAt createdAt } } } } } }`;
    const mine = await t.client.data<{
      _entities: { payments: { totalCount: number; edges: { node: Record<string, unknown> }[] } }[];
    }>(history, { id: customer.id }, { token: customer.token });
    expect(mine._entities[0].payments.totalCount).toBe(1);
    expect(mine._entities[0].payments.edges[0].node).toMatchObject({
      id: payment.id,
      transactionId: payment.transactionId,
      status: 'SUCCEEDED',
      amount: { amount: 1500, currency: 'EUR' },
      orderIds: checkout.orderIds,
      customerId: customer.id,
    });

    const stranger = await t.user();
    const peek = await t.client.request(history, { id: customer.id }, { token: stranger.token });
    expect(peek.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const direct = await t.client.request(PAYMENT, { id: payment.id }, { token: stranger.token });
    expect(direct.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const boutique = `query ($id: ID!) { _entities(representations: [{ __typename: "Boutique", id: $id }]) { ... on Boutique { payments(first: 50) { edges { node { id } } } } } }`;
    const theirs = await t.client.data<{
      _entities: { payments: { edges: { node: { id: string } }[] } }[];
    }>(boutique, { id: boutiqueA }, { token: owner.token });
    expect(theirs._entities[0].payments.edges.map((e) => e.node.id)).toContain(payment.id);
    const other = await t.user(Role.BOUTIQUE_OWNER);
    const refused = await t.client.request(boutique, { id: boutiqueA }, { token: other.token });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
