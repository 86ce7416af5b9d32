/**
 * Stripe's webhook on the payments subgraph (`POST /webhooks/stripe`), three deliveries against
 * each other, interleaved over several rounds and reported as ratios to the cheapest one:
 *
 * - `ignored` (the baseline): a signed event of a type payments does not handle: HTTP, raw body,
 *   signature verification, nothing read or written;
 * - `duplicate`: a `payment_intent.succeeded` already processed, delivered again: the dedupe
 *   path (a refused insert into `stripe_events`, a conditional update, a read);
 * - `first delivery`: every request a new event for another payment waiting for its money:
 *   the event recorded, the payment moved to SUCCEEDED with its `payment.completed` in one write,
 *   the event marked processed, and the outbox relayed to Kafka.
 */
import { randomBytes } from 'node:crypto';
import type { Connection } from '@vitrine/platform';
import { setTimeout as sleep } from 'node:timers/promises';
import { build, type BuildResult } from './lib/build.js';
import { withDatabase } from './lib/database.js';
import { compareWithBaseline, runLoad, type Comparison, type Target } from './lib/load.js';
import type { ServiceProcess } from './lib/processes.js';
import { launchSubgraph, type ServiceContext } from './lib/services.js';
import { median, spread, type Spread } from './lib/stats.js';
import { stripeSignature } from './lib/stripe.js';
import { loadAverage, type Memory } from './lib/system.js';

const PROJECTS = ['platform', 'subgraphs/payments'];

/** Payments requires both in production; the API base (stripe-mock) comes from `pnpm infra up`. */
const STRIPE_ENV = { STRIPE_SECRET_KEY: 'sk_test_bench', STRIPE_WEBHOOK_SECRET: 'whsec_bench' };
const WEBHOOK_PATH = '/webhooks/stripe';

/** The receiver's answers (express `res.json` of its outcome), compared byte for byte. */
const ANSWERS = {
  ignored: JSON.stringify({ received: true, ignored: true }),
  duplicate: JSON.stringify({ received: true, duplicate: true }),
  processed: JSON.stringify({ received: true }),
};

const AMOUNT = 5_000;

export interface WebhooksOptions {
  context: ServiceContext;
  rounds: number;
  durationSec: number;
  warmupSec: number;
  connections: number;
  /**
   * Payments seeded in REQUIRES_PAYMENT, one per first delivery (with a margin). They all stay in
   * the collection, whose size sets the cost of FerretDB's scans (see bench/README.md).
   */
  payments: number;
  log: (line: string) => void;
}

export interface WebhooksResult {
  mode: ServiceContext['mode'];
  build: BuildResult;
  seed: {
    /** Payments inserted in REQUIRES_PAYMENT (plus the one of the duplicate event). */
    payments: number;
    ms: number;
    /** The most first deliveries a measured run may send, and a warm-up run. */
    perRun: number;
    perWarmup: number;
  };
  /** Bytes of one delivery's body, per kind (the signature covers all of them). */
  bodyBytes: { ignored: number; duplicate: number; first: number };
  duplicate: Comparison;
  first: Comparison;
  /** Measured first-delivery runs that ended because their share of the seed was used up. */
  firstCutShort: number;
  /**
   * After each first-delivery run, the time until the outbox relay had published every
   * `payment.completed` (no payment left with `outboxAt`), waited for before the next run.
   */
  relayDrainMs: Spread;
  /**
   * First deliveries answered in a run ÷ (the run + its relay drain): the rate at which payments
   * can be paid without the outbox falling behind.
   */
  sustainedRps: Spread;
  check: {
    /** `{ received: true }` answers to first deliveries (warm-up and sanity check included). */
    processedAnswers: number;
    /** Payments in SUCCEEDED at the end, the duplicate's own one excepted. */
    succeeded: number;
    /** Requests built (event ids used): an upper bound of what the service may have received. */
    built: number;
    /** `payment.completed` events still in outboxes at the end. */
    outboxPending: number;
    /** Loyalty accounts credited by payments' own consumer of `payment.completed`. */
    loyaltyAccounts: number;
  };
  memory: { idle: Memory; afterLoad: Memory };
  loadAverage: { before: number[]; after: number[] };
}

const hex24 = () => randomBytes(12).toString('hex');
const eventId = (prefix: string, n: number | string) => `evt_bench_${prefix}_${n}`;

/** An event envelope as Stripe sends it (API version of stripe 23), around `object`. */
function stripeEvent(id: string, type: string, object: Record<string, unknown>): string {
  return JSON.stringify({
    id,
    object: 'event',
    api_version: '2025-10-29.clover',
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: `req_${hex24()}`, idempotency_key: null },
    type,
  });
}

/** A succeeded PaymentIntent; its metadata names our payment, as payments sets it at creation. */
function paymentIntent(intentId: string, paymentId: string): Record<string, unknown> {
  return {
    id: intentId,
    object: 'payment_intent',
    amount: AMOUNT,
    amount_capturable: 0,
    amount_received: AMOUNT,
    capture_method: 'automatic_async',
    client_secret: `${intentId}_secret_bench`,
    confirmation_method: 'automatic',
    created: Math.floor(Date.now() / 1000) - 60,
    currency: 'eur',
    customer: null,
    latest_charge: `ch_${intentId}`,
    livemode: false,
    metadata: { paymentId },
    payment_method: `pm_${intentId}`,
    payment_method_types: ['card'],
    status: 'succeeded',
  };
}

function customer(n: number): Record<string, unknown> {
  return {
    id: `cus_bench_${n}`,
    object: 'customer',
    balance: 0,
    created: Math.floor(Date.now() / 1000),
    currency: 'eur',
    delinquent: false,
    description: 'A benchmark customer of the ignored event type',
    email: `customer${n}@bench.vitrine.test`,
    invoice_prefix: 'BENCH',
    livemode: false,
    metadata: {},
    name: 'Bench Customer',
    preferred_locales: ['fr'],
  };
}

/** A signed delivery: the body and its `Stripe-Signature`, signed now (within the tolerance). */
function delivery(body: string) {
  return {
    body,
    headers: { 'stripe-signature': stripeSignature(body, STRIPE_ENV.STRIPE_WEBHOOK_SECRET) },
  };
}

/** One payment of `payment.model.ts` waiting for its money (a PaymentIntent created). */
function seededPayment(intentId: string, runId: string, n: number | string) {
  const now = new Date();
  return {
    checkoutId: `bench-checkout-${runId}-${n}`,
    customerId: hex24(),
    status: 'REQUIRES_PAYMENT',
    currency: 'EUR',
    subtotal: AMOUNT,
    amount: AMOUNT,
    coupon: null,
    loyaltyPoints: 0,
    loyaltyDiscount: 0,
    orders: [
      {
        orderId: hex24(),
        boutiqueId: hex24(),
        total: AMOUNT,
        discount: 0,
        refunded: 0,
        excluded: false,
      },
    ],
    refunds: [],
    intentId,
    method: null,
    failureReason: null,
    failedAttempts: [],
    paidAt: null,
    stripeRefunded: 0,
    version: 0,
    outbox: [],
    outboxAt: null,
    outboxLease: null,
    createdAt: now,
    updatedAt: now,
  };
}

const DUPLICATE_INTENT = 'pi_bench_duplicate';

async function post(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, text: await response.text() };
}

async function expectAnswer(
  what: string,
  answer: Promise<{ status: number; text: string }>,
  status: number,
  text?: string,
): Promise<void> {
  const got = await answer;
  if (got.status !== status || (text !== undefined && got.text !== text)) {
    throw new Error(
      `webhook ${what}: HTTP ${got.status} ${got.text}, expected ${status} ${text ?? ''}`,
    );
  }
}

async function measure(
  options: WebhooksOptions,
  payments: ServiceProcess,
  buildResult: BuildResult,
): Promise<Omit<WebhooksResult, 'loadAverage'>> {
  const { context, log, connections } = options;
  const uri = context.infraEnv.MONGODB_URI ?? 'mongodb://127.0.0.1:27017';
  const dbName = `bench_payments_${context.runId}`;
  const db = <T>(task: (connection: Connection) => Promise<T>) => withDatabase(uri, dbName, task);
  const url = `${payments.origin}${WEBHOOK_PATH}`;

  // Each first-delivery run gets its share of the seed, in proportion to its length, less a
  // margin: autocannon builds up to two requests per connection that it never sends.
  const runs = options.rounds + 1;
  const usable = options.payments - runs * 2 * connections;
  const totalSec = options.warmupSec + options.rounds * options.durationSec;
  const perRun = Math.floor((usable * options.durationSec) / totalSec);
  const perWarmup = Math.floor((usable * options.warmupSec) / totalSec);
  if (perWarmup < connections * 2) {
    throw new Error(
      `--webhook-payments ${options.payments} is too few for ${runs} runs of ${connections} connections`,
    );
  }

  const seedStarted = performance.now();
  /** The seeded payments' ids, by their number (the PaymentIntents' metadata carries them). */
  const paymentIds: string[] = [];
  let duplicatePaymentId = '';
  await db(async (connection) => {
    const { newId } = await import('@vitrine/platform');
    const withId = (doc: ReturnType<typeof seededPayment>) => ({ _id: newId(), ...doc });
    const collection = connection.collection('payments');
    const batch = 500;
    for (let from = 0; from < options.payments; from += batch) {
      const to = Math.min(options.payments, from + batch);
      const docs = [];
      for (let n = from; n < to; n += 1) {
        const doc = withId(seededPayment(`pi_bench_${n}`, context.runId, n));
        paymentIds[n] = doc._id.toHexString();
        docs.push(doc);
      }
      await collection.insertMany(docs, { ordered: false });
    }
    const duplicate = withId(seededPayment(DUPLICATE_INTENT, context.runId, 'duplicate'));
    duplicatePaymentId = duplicate._id.toHexString();
    await collection.insertOne(duplicate);
  });
  const seedMs = performance.now() - seedStarted;
  log(`seed: ${options.payments} payments in REQUIRES_PAYMENT (${(seedMs / 1000).toFixed(1)} s)`);

  let ignoredCount = 0;
  const ignoredBody = () =>
    stripeEvent(eventId('ignored', ignoredCount), 'customer.created', customer(ignoredCount++));
  const duplicateId = eventId('duplicate', context.runId);
  const duplicateBody = () =>
    stripeEvent(
      duplicateId,
      'payment_intent.succeeded',
      paymentIntent(DUPLICATE_INTENT, duplicatePaymentId),
    );
  let next = 0;
  const firstBody = () => {
    const n = next++;
    if (n >= options.payments) {
      throw new Error(
        `the ${options.payments} seeded payments are used up: raise --webhook-payments`,
      );
    }
    return stripeEvent(
      eventId(context.runId, n),
      'payment_intent.succeeded',
      paymentIntent(`pi_bench_${n}`, paymentIds[n]),
    );
  };
  let processedAnswers = 0;

  // Before any load: each path answers as expected, and a forged signature is refused.
  const ignored = delivery(ignoredBody());
  await expectAnswer('ignored', post(url, ignored.body, ignored.headers), 200, ANSWERS.ignored);
  const forged = ignoredBody();
  await expectAnswer(
    'with a forged signature',
    post(url, forged, { 'stripe-signature': stripeSignature(forged, 'whsec_forged') }),
    400,
  );
  const dup = delivery(duplicateBody());
  await expectAnswer(
    'duplicate, first time',
    post(url, dup.body, dup.headers),
    200,
    ANSWERS.processed,
  );
  await expectAnswer('duplicate', post(url, dup.body, dup.headers), 200, ANSWERS.duplicate);
  const sample = delivery(firstBody());
  await expectAnswer(
    'first delivery',
    post(url, sample.body, sample.headers),
    200,
    ANSWERS.processed,
  );
  processedAnswers += 1;
  const sampleState = await db((c) =>
    c.collection('payments').findOne({ intentId: 'pi_bench_0' }, { projection: { status: 1 } }),
  );
  if (sampleState?.status !== 'SUCCEEDED') {
    throw new Error(`a first delivery left its payment ${String(sampleState?.status)}`);
  }

  const bodyBytes = {
    ignored: Buffer.byteLength(stripeEvent(eventId('ignored', 0), 'customer.created', customer(0))),
    duplicate: Buffer.byteLength(dup.body),
    first: Buffer.byteLength(sample.body),
  };

  const targets = {
    ignored: {
      name: 'ignored',
      url,
      body: '',
      request: () => delivery(ignoredBody()),
      verify: (body: string) => body === ANSWERS.ignored,
    },
    duplicate: {
      name: 'duplicate',
      url,
      body: '',
      request: () => delivery(duplicateBody()),
      verify: (body: string) => body === ANSWERS.duplicate,
    },
    first: {
      name: 'first delivery',
      url,
      body: '',
      request: () => delivery(firstBody()),
      maxRequests: perRun,
      verify: (body: string) => {
        if (body !== ANSWERS.processed) return false;
        processedAnswers += 1;
        return true;
      },
    },
  } satisfies Record<string, Target>;

  /**
   * Waits until the relay has published every outbox (or 60 s have passed). `findOne`, not a
   * count: on FerretDB every such query scans the payments, and the poll competes with the relay.
   */
  const relayDrained = async (): Promise<number> => {
    const started = performance.now();
    for (;;) {
      const waiting = await db((c) =>
        c.collection('payments').findOne({ outboxAt: { $ne: null } }, { projection: { _id: 1 } }),
      );
      const ms = performance.now() - started;
      if (!waiting) return ms;
      if (ms > 60_000) throw new Error('payments still had events in their outbox after 60 s');
      await sleep(250);
    }
  };

  const settings = { connections, durationSec: options.durationSec };
  const idle = payments.memory();
  log(`webhooks: warming up ${options.warmupSec} s per target`);
  for (const target of [
    targets.ignored,
    targets.duplicate,
    { ...targets.first, maxRequests: perWarmup },
  ]) {
    await runLoad(target, { connections, durationSec: options.warmupSec });
  }
  await relayDrained();

  const drains: number[] = [];
  const sustained: number[] = [];
  let firstCutShort = 0;
  const [duplicate, first] = await compareWithBaseline({
    baseline: targets.ignored,
    candidates: [targets.duplicate, targets.first],
    settings,
    rounds: options.rounds,
    log: (line) => log(`webhooks ${line}`),
    afterRun: async (target, result) => {
      if (target !== targets.first) return;
      if (result.durationSec < options.durationSec - 0.5) firstCutShort += 1;
      const drained = await relayDrained();
      drains.push(drained);
      sustained.push(result.requests / (result.durationSec + drained / 1000));
    },
  });
  const afterLoad = payments.memory();

  const check = await db(async (c) => {
    // Payments' own consumer of payment.completed credits loyalty points: give it a moment.
    const expected = processedAnswers + 1;
    let loyaltyAccounts = 0;
    for (let waited = 0; waited < 20_000; waited += 250) {
      loyaltyAccounts = await c.collection('loyalty_accounts').countDocuments({});
      if (loyaltyAccounts >= expected) break;
      await sleep(250);
    }
    const succeeded = await c
      .collection('payments')
      .countDocuments({ status: 'SUCCEEDED', intentId: { $ne: DUPLICATE_INTENT } });
    const outboxPending = await c
      .collection('payments')
      .countDocuments({ outboxAt: { $ne: null } });
    return { processedAnswers, succeeded, built: next, outboxPending, loyaltyAccounts };
  });
  // Every answered first delivery moved exactly one payment; a delivery that timed out on our
  // side may have moved one too (at most one per event id built).
  if (check.succeeded < check.processedAnswers || check.succeeded > check.built) {
    throw new Error(
      `first deliveries: ${check.processedAnswers} answered, ${check.succeeded} payments SUCCEEDED, ${check.built} events built`,
    );
  }
  log(
    `check: ${check.processedAnswers} first deliveries answered, ${check.succeeded} payments SUCCEEDED, outbox pending ${check.outboxPending}, loyalty accounts ${check.loyaltyAccounts}; relay drained in ${median(drains).toFixed(0)} ms (median)`,
  );

  return {
    mode: context.mode,
    build: buildResult,
    seed: { payments: options.payments, ms: seedMs, perRun, perWarmup },
    bodyBytes,
    duplicate,
    first,
    firstCutShort,
    relayDrainMs: spread(drains),
    sustainedRps: spread(sustained),
    check,
    memory: { idle, afterLoad },
  };
}

/** Builds, starts one payments instance (production mode), seeds, measures, and always stops it. */
export async function runWebhooks(options: WebhooksOptions): Promise<WebhooksResult> {
  const before = loadAverage();
  const { context, log } = options;
  log(`build (tsc -b ${PROJECTS.join(' ')})`);
  const buildResult = await build(PROJECTS);
  if (buildResult.exitCode !== 0) {
    log(
      `tsc -b exited ${buildResult.exitCode} with ${buildResult.errors.length} type errors; measuring what it emitted:\n  ${buildResult.errors.join('\n  ')}`,
    );
  }
  log(`starting payments (${context.mode})`);
  const payments = await launchSubgraph(context, 'payments', undefined, STRIPE_ENV);
  try {
    await payments.waitReady();
    const result = await measure(options, payments, buildResult);
    return { ...result, loadAverage: { before, after: loadAverage() } };
  } finally {
    await payments.stop();
  }
}
