import { randomUUID } from 'node:crypto';
import { parseEvent, Role, topicOf, type AnyCloudEvent } from '@vitrine/platform';
import { findEvent, findMessage, waitFor } from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_PATH } from '../index.js';
import { PaymentsTestbed, TEST_WEBHOOK_SECRET, type TestUser } from '../test/payments.testbed.js';

/** A short grace period, so that a test sees it end. */
const GRACE_MS = 4000;
const TOPIC = topicOf('subscription.activated');

let bed: PaymentsTestbed;
let owner: TestUser;
let staff: TestUser;
let otherOwner: TestUser;
let customer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  // stripe-mock refuses the default key (`sk_test_vitrine_local`): it wants sk_test_ + alphanumerics.
  bed = await PaymentsTestbed.start(
    { STRIPE_SECRET_KEY: 'sk_test_vitrinesubscriptions' },
    { subscriptions: { graceMs: GRACE_MS } },
  );
  [owner, staff, otherOwner, customer, admin] = await Promise.all([
    bed.user(Role.CUSTOMER, Role.BOUTIQUE_OWNER),
    bed.user(Role.CUSTOMER),
    bed.user(Role.CUSTOMER, Role.BOUTIQUE_OWNER),
    bed.user(Role.CUSTOMER),
    bed.user(Role.ADMIN),
  ]);
});
afterAll(() => bed?.stop());

const FIELDS = `id plan interval status cancelAtPeriodEnd currentPeriodEnd graceUntil canSell price { amount currency }`;
const SUBSCRIBE = `mutation ($input: BoutiquePlanInput!) {
  subscribeBoutique(input: $input) { subscription { ${FIELDS} } paymentClientSecret } }`;
const CHANGE = `mutation ($input: BoutiquePlanInput!) { changeBoutiquePlan(input: $input) { ${FIELDS} } }`;
const CANCEL = `mutation ($id: ID!) { cancelBoutiqueSubscription(boutiqueId: $id) { ${FIELDS} } }`;
const RESUME = `mutation ($id: ID!) { resumeBoutiqueSubscription(boutiqueId: $id) { ${FIELDS} } }`;
const BOUTIQUE = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on Boutique { id subscription { ${FIELDS} } } } }`;

interface SubscriptionView {
  id: string;
  plan: string;
  interval: 'MONTH' | 'YEAR';
  status: string;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: string | null;
  graceUntil: string | null;
  canSell: boolean;
  price: { amount: number; currency: string };
}

async function subscription(boutiqueId: string, user: TestUser = owner) {
  const data = await bed.client.data<{ _entities: { subscription: SubscriptionView | null }[] }>(
    BOUTIQUE,
    { reps: [{ __typename: 'Boutique', id: boutiqueId }] },
    { token: user.token },
  );
  return data._entities[0].subscription;
}

async function subscribe(boutiqueId: string, plan = 'pro', interval = 'MONTH', user = owner) {
  const data = await bed.client.data<{ subscribeBoutique: { subscription: SubscriptionView } }>(
    SUBSCRIBE,
    { input: { boutiqueId, plan, interval } },
    { token: user.token },
  );
  return data.subscribeBoutique.subscription;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Stripe's subscription object as a webhook carries it (the fields we read, and a few more). */
function stripeSubscription(
  id: string,
  boutiqueId: string,
  over: {
    status?: string;
    plan?: string;
    interval?: 'month' | 'year';
    amount?: number;
    cancelAtPeriodEnd?: boolean;
    periodEnd?: number;
    created?: number;
  } = {},
) {
  const interval = over.interval ?? 'month';
  return {
    id,
    object: 'subscription',
    created: over.created ?? nowSeconds(),
    customer: 'cus_test',
    status: over.status ?? 'active',
    cancel_at_period_end: over.cancelAtPeriodEnd ?? false,
    metadata: { boutiqueId },
    items: {
      object: 'list',
      data: [
        {
          id: `si_${id}`,
          object: 'subscription_item',
          current_period_end: over.periodEnd ?? nowSeconds() + 30 * 86_400,
          price: {
            id: `price_${over.plan ?? 'pro'}_${interval}`,
            object: 'price',
            lookup_key: `vitrine_${over.plan ?? 'pro'}_${interval}`,
            unit_amount: over.amount ?? 4900,
            currency: 'eur',
            recurring: { interval, interval_count: 1 },
          },
        },
      ],
    },
  };
}

function invoice(subscriptionId: string, boutiqueId: string, billingReason = 'subscription_cycle') {
  return {
    id: `in_${randomUUID().slice(0, 8)}`,
    object: 'invoice',
    billing_reason: billingReason,
    parent: {
      type: 'subscription_details',
      subscription_details: { subscription: subscriptionId, metadata: { boutiqueId } },
    },
  };
}

/**
 * Posts a Stripe event to the webhook over HTTP, signed as Stripe signs it, with the event's own
 * `created` (Stripe's clock), which decides which of two out-of-order events is newer.
 */
async function deliver(
  type: string,
  object: Record<string, unknown>,
  { id = `evt_${randomUUID().replaceAll('-', '')}`, created = nowSeconds() } = {},
) {
  const payload = JSON.stringify({
    id,
    object: 'event',
    api_version: '2026-10-28.endive',
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  });
  const signature = bed.stripe.webhooks.generateTestHeaderString({
    payload,
    secret: TEST_WEBHOOK_SECRET,
  });
  const response = await fetch(new URL(WEBHOOK_PATH, bed.subgraph.url.replace(/graphql$/, '')), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: payload,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The subscription events of a boutique that reached Kafka, in order, up to `until`. */
async function eventsOf(boutiqueId: string, until: (event: AnyCloudEvent) => boolean) {
  const seen: AnyCloudEvent[] = [];
  await findMessage(bed.subgraph.runtime.kafka, TOPIC, ({ value }) => {
    const parsed = parseEvent(value);
    if (!parsed.known || parsed.event.subject !== boutiqueId) return false;
    if (!parsed.event.type.startsWith('subscription.')) return false;
    seen.push(parsed.event);
    return until(parsed.event);
  });
  return seen;
}

describe('subscription plans', () => {
  it('lists basic, pro and premium with monthly and yearly prices in EUR, to anyone', async () => {
    const data = await bed.client.data<{
      subscriptionPlans: {
        code: string;
        features: string[];
        maxProducts: number | null;
        prices: { interval: string; price: { amount: number; currency: string } }[];
      }[];
    }>(
      `{ subscriptionPlans { code features maxProducts prices { interval price { amount currency } } } }`,
    );
    expect(data.subscriptionPlans.map((p) => p.code)).toEqual(['basic', 'pro', 'premium']);
    const pro = data.subscriptionPlans[1];
    expect(pro.prices).toEqual([
      { interval: 'MONTH', price: { amount: 4900, currency: 'EUR' } },
      { interval: 'YEAR', price: { amount: 49_000, currency: 'EUR' } },
    ]);
    expect(pro.features.length).toBeGreaterThan(0);
    expect(data.subscriptionPlans[2].maxProducts).toBeNull();
  });
});

describe('managing a subscription', () => {
  it('subscribes, changes plan, cancels at period end and resumes, as the owner', async () => {
    const boutiqueId = await bed.boutique(owner, [staff]);
    expect(await subscription(boutiqueId)).toBeNull();

    const created = await subscribe(boutiqueId, 'pro', 'MONTH');
    expect(created).toMatchObject({
      plan: 'pro',
      interval: 'MONTH',
      cancelAtPeriodEnd: false,
      price: { amount: 4900, currency: 'EUR' },
    });
    expect(created.id).toMatch(/^sub_/);
    expect(await subscription(boutiqueId)).toEqual(created);

    const again = await bed.client.request(
      SUBSCRIBE,
      { input: { boutiqueId, plan: 'basic', interval: 'YEAR' } },
      { token: owner.token },
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const changed = await bed.client.data<{ changeBoutiquePlan: SubscriptionView }>(
      CHANGE,
      { input: { boutiqueId, plan: 'premium', interval: 'YEAR' } },
      { token: owner.token },
    );
    expect(changed.changeBoutiquePlan).toMatchObject({
      id: created.id,
      plan: 'premium',
      interval: 'YEAR',
      price: { amount: 99_000, currency: 'EUR' },
    });

    const cancelled = await bed.client.data<{ cancelBoutiqueSubscription: SubscriptionView }>(
      CANCEL,
      { id: boutiqueId },
      { token: owner.token },
    );
    expect(cancelled.cancelBoutiqueSubscription).toMatchObject({
      cancelAtPeriodEnd: true,
      plan: 'premium',
    });
    expect(await subscription(boutiqueId, staff)).toMatchObject({ cancelAtPeriodEnd: true });

    const resumed = await bed.client.data<{ resumeBoutiqueSubscription: SubscriptionView }>(
      RESUME,
      { id: boutiqueId },
      { token: owner.token },
    );
    expect(resumed.resumeBoutiqueSubscription.cancelAtPeriodEnd).toBe(false);
  });

  it('refuses an unknown plan or the current plan on input.plan, changing nothing', async () => {
    const boutiqueId = await bed.boutique(owner);
    const unknown = await bed.client.request(
      SUBSCRIBE,
      { input: { boutiqueId, plan: 'gold', interval: 'MONTH' } },
      { token: owner.token },
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.plan',
    });
    expect(await subscription(boutiqueId)).toBeNull();

    const created = await subscribe(boutiqueId, 'basic', 'MONTH');
    for (const plan of ['basic', 'gold']) {
      const response = await bed.client.request(
        CHANGE,
        { input: { boutiqueId, plan, interval: 'MONTH' } },
        { token: owner.token },
      );
      expect(response.errors?.[0]?.extensions, plan).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.plan',
      });
    }
    expect(await subscription(boutiqueId)).toEqual(created);
  });

  it("lets only the owner or an admin change it; the team reads it, others don't", async () => {
    const boutiqueId = await bed.boutique(owner, [staff]);
    const input = { boutiqueId, plan: 'pro', interval: 'MONTH' };
    for (const user of [otherOwner, staff, customer]) {
      const response = await bed.client.request(SUBSCRIBE, { input }, { token: user.token });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await subscription(boutiqueId)).toBeNull();

    const created = await subscribe(boutiqueId, 'pro', 'MONTH', admin);
    expect(created.plan).toBe('pro');
    for (const user of [otherOwner, staff, customer]) {
      const response = await bed.client.request(CANCEL, { id: boutiqueId }, { token: user.token });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await subscription(boutiqueId, staff)).toEqual(created);
    expect(await subscription(boutiqueId, admin)).toEqual(created);

    for (const [user, code] of [
      [otherOwner, 'FORBIDDEN'],
      [customer, 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      const response = await bed.client.request(
        BOUTIQUE,
        { reps: [{ __typename: 'Boutique', id: boutiqueId }] },
        { token: user?.token },
      );
      expect(response.errors?.[0]?.extensions?.code).toBe(code);
    }
  });
});

describe("Stripe's webhooks", () => {
  it('creates and activates a subscription made in Stripe, and emits subscription.activated', async () => {
    const boutiqueId = await bed.boutique(owner);
    const subId = `sub_${randomUUID().slice(0, 12)}`;
    const t = nowSeconds();
    const incomplete = stripeSubscription(subId, boutiqueId, { status: 'incomplete', created: t });
    expect(
      (await deliver('customer.subscription.created', incomplete, { created: t })).status,
    ).toBe(200);
    expect(await subscription(boutiqueId)).toMatchObject({
      id: subId,
      status: 'INCOMPLETE',
      canSell: false,
    });

    const active = stripeSubscription(subId, boutiqueId, { status: 'active', created: t });
    await deliver('customer.subscription.updated', active, { created: t + 1 });
    expect(await subscription(boutiqueId)).toMatchObject({ status: 'ACTIVE', canSell: true });
    const event = await findEvent(
      bed.subgraph.runtime.kafka,
      TOPIC,
      'subscription.activated',
      (e) => e.subject === boutiqueId,
    );
    expect(event.data).toMatchObject({
      subscriptionId: subId,
      boutiqueId,
      plan: 'pro',
      interval: 'month',
      status: 'active',
      graceUntil: null,
    });
  });

  it('emits one subscription.past_due when the same change is delivered 3 times', async () => {
    const boutiqueId = await bed.boutique(owner);
    const { id: subId } = await subscribe(boutiqueId);
    const t = nowSeconds() + 5;
    const pastDue = stripeSubscription(subId, boutiqueId, { status: 'past_due' });
    const eventId = `evt_${randomUUID().replaceAll('-', '')}`;
    const first = await deliver('customer.subscription.updated', pastDue, {
      id: eventId,
      created: t,
    });
    expect(first).toEqual({ status: 200, body: { received: true } });
    const afterFirst = await subscription(boutiqueId);
    expect(afterFirst).toMatchObject({ status: 'PAST_DUE', canSell: true });
    expect(afterFirst!.graceUntil).not.toBeNull();

    // Stripe's retry of the same event, then the same change told again by invoice.payment_failed.
    const retry = await deliver('customer.subscription.updated', pastDue, {
      id: eventId,
      created: t,
    });
    expect(retry.body).toMatchObject({ received: true, duplicate: true });
    await deliver('invoice.payment_failed', invoice(subId, boutiqueId), { created: t });
    await deliver('customer.subscription.updated', pastDue, { created: t + 1 });
    expect((await subscription(boutiqueId))!.graceUntil).toBe(afterFirst!.graceUntil);

    await deliver('invoice.paid', invoice(subId, boutiqueId), { created: t + 2 });
    expect(await subscription(boutiqueId)).toMatchObject({
      status: 'ACTIVE',
      graceUntil: null,
      canSell: true,
    });
    let pastDueSeen = false;
    const events = await eventsOf(boutiqueId, (e) => {
      pastDueSeen ||= e.type === 'subscription.past_due';
      return pastDueSeen && e.type === 'subscription.activated';
    });
    const types = events.map((e) => e.type);
    expect(types.filter((type) => type === 'subscription.past_due')).toHaveLength(1);
    expect(types.slice(-2)).toEqual(['subscription.past_due', 'subscription.activated']);
    expect(events.at(-2)!.data).toMatchObject({
      status: 'past_due',
      graceUntil: afterFirst!.graceUntil,
    });
  });

  it('ignores an older update that arrives after a newer one', async () => {
    const boutiqueId = await bed.boutique(owner);
    const { id: subId } = await subscribe(boutiqueId, 'pro', 'MONTH');
    const t = nowSeconds() + 10;
    const newer = stripeSubscription(subId, boutiqueId, {
      status: 'active',
      plan: 'premium',
      amount: 9900,
      cancelAtPeriodEnd: true,
    });
    await deliver('customer.subscription.updated', newer, { created: t + 20 });
    const older = stripeSubscription(subId, boutiqueId, { status: 'past_due', plan: 'basic' });
    const response = await deliver('customer.subscription.updated', older, { created: t + 10 });
    expect(response.status).toBe(200);
    expect(await subscription(boutiqueId)).toMatchObject({
      status: 'ACTIVE',
      plan: 'premium',
      cancelAtPeriodEnd: true,
      graceUntil: null,
      price: { amount: 9900, currency: 'EUR' },
    });
    await deliver('invoice.payment_failed', invoice(subId, boutiqueId), { created: t + 15 });
    expect((await subscription(boutiqueId))!.status).toBe('ACTIVE');
  });

  it('keeps a past-due boutique selling through the grace period, then not', async () => {
    const boutiqueId = await bed.boutique(owner);
    const { id: subId } = await subscribe(boutiqueId);
    await deliver(
      'customer.subscription.updated',
      stripeSubscription(subId, boutiqueId, { status: 'active' }),
      { created: nowSeconds() + 1 },
    );
    const failedAt = Date.now();
    await deliver('invoice.payment_failed', invoice(subId, boutiqueId), {
      created: nowSeconds() + 2,
    });
    const during = await subscription(boutiqueId);
    expect(during).toMatchObject({ status: 'PAST_DUE', canSell: true });
    const graceUntil = new Date(during!.graceUntil!).getTime();
    expect(graceUntil).toBeGreaterThanOrEqual(failedAt + GRACE_MS - 1000);
    expect(graceUntil).toBeLessThanOrEqual(Date.now() + GRACE_MS);

    const after = await waitFor(
      async () => {
        const s = await subscription(boutiqueId);
        return s && !s.canSell ? s : null;
      },
      { timeoutMs: GRACE_MS + 5000, intervalMs: 250, message: 'grace period over' },
    );
    expect(Date.now()).toBeGreaterThanOrEqual(graceUntil);
    expect(after).toMatchObject({ status: 'PAST_DUE', canSell: false });
  });

  it('cancels on deletion, emits subscription.cancelled once, and lets the boutique subscribe again', async () => {
    const boutiqueId = await bed.boutique(owner);
    const first = await subscribe(boutiqueId, 'basic', 'MONTH');
    // Stripe's `created` of a subscription never changes; the old one is older than the next.
    const createdAt = 1_000_000_000;
    const deleted = stripeSubscription(first.id, boutiqueId, {
      status: 'canceled',
      plan: 'basic',
      created: createdAt,
    });
    for (let i = 0; i < 3; i += 1) {
      const response = await deliver('customer.subscription.deleted', deleted, {
        created: nowSeconds() + 3,
      });
      expect(response.status).toBe(200);
    }
    expect(await subscription(boutiqueId)).toMatchObject({
      id: first.id,
      status: 'CANCELED',
      canSell: false,
    });

    const second = await subscribe(boutiqueId, 'pro', 'YEAR');
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ plan: 'pro', interval: 'YEAR' });
    // A late update of the old subscription does not touch the new one.
    await deliver(
      'customer.subscription.updated',
      stripeSubscription(first.id, boutiqueId, {
        status: 'past_due',
        plan: 'basic',
        created: createdAt,
      }),
      { created: nowSeconds() + 30 },
    );
    expect(await subscription(boutiqueId)).toEqual(second);

    const events = await eventsOf(
      boutiqueId,
      (e) => e.type === 'subscription.activated' && e.data.subscriptionId === second.id,
    );
    expect(events.filter((e) => e.type === 'subscription.cancelled')).toHaveLength(1);
  });
});
