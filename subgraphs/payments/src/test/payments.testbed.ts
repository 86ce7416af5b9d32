import { randomUUID } from 'node:crypto';
import {
  createEvent,
  createKafka,
  createLogger,
  newId,
  Role,
  topicOf,
  type EventPayload,
  type EventType,
  type RunningSubgraph,
} from '@vitrine/platform';
import {
  disposeTestSubgraph,
  GraphQLClient,
  startGroupAtEnd,
  TestTokenIssuer,
  testConfig,
  waitFor,
} from '@vitrine/platform/testing';
import { loadPaymentsConfig, type PaymentsConfig } from '../config.js';
import { createPaymentsSubgraph, WEBHOOK_PATH } from '../index.js';
import { createStripe, type Stripe } from '../stripe/stripe-client.js';
import type { WebhookOutcome } from '../stripe/webhooks.js';

export interface TestUser {
  id: string;
  token: string;
  roles: Role[];
}

export type WebhookResponse = WebhookOutcome;

export const TEST_WEBHOOK_SECRET = 'whsec_vitrine_tests';

export interface TestOrder {
  boutiqueId: string;
  /** Line totals in minor units, one item each. */
  lines: { productId?: string; amount: number }[];
  /** Tax and delivery on top of the lines. */
  extra?: number;
}

export interface TestCheckout {
  checkoutId: string;
  customer: TestUser;
  orderIds: string[];
  currency: string;
  totals: number[];
}

export const START = `mutation ($input: StartCheckoutPaymentInput!) {
  startCheckoutPayment(input: $input) {
    clientSecret
    payment { id status transactionId checkoutId currency amount { amount currency } subtotal { amount } discount { amount } loyaltyPointsSpent coupon { code amount { amount } } orderIds customerId orders { order { id } boutiqueId total { amount } discount { amount } captured { amount } refunded { amount } refundable { amount } } }
  }
}`;

export const PAYMENT = `query ($id: ID!) { payment(id: $id) { id status method paidAt failureReason amount { amount currency } refunded { amount } refunds { id order { id } amount { amount } status reason } orders { order { id } captured { amount } refunded { amount } refundable { amount } } } }`;

export const REFUND = `mutation ($input: RefundOrderInput!) { issueRefund(input: $input) { id refunded { amount } refunds { id amount { amount } status order { id } } orders { order { id } refundable { amount } } } }`;

export interface StartedPayment {
  clientSecret: string | null;
  payment: {
    id: string;
    status: string;
    transactionId: string | null;
    amount: { amount: number; currency: string };
    subtotal: { amount: number };
    discount: { amount: number };
    loyaltyPointsSpent: number;
    coupon: { code: string; amount: { amount: number } } | null;
    orderIds: string[];
    orders: {
      order: { id: string };
      boutiqueId: string;
      total: { amount: number };
      discount: { amount: number };
      captured: { amount: number };
      refunded: { amount: number };
      refundable: { amount: number };
    }[];
  };
}

/** The topics a payments instance consumes: its test group starts at their end. */
const CONSUMED_TOPICS = [
  topicOf('boutique.created'),
  topicOf('product.created'),
  topicOf('order.created'),
  topicOf('payment.completed'),
];

/**
 * A payments subgraph started for a test against FerretDB, Kafka and stripe-mock, with a token
 * issuer standing in for users, the other domains played by publishing their events, and Stripe's
 * webhooks signed with the stripe library's test helper and posted over HTTP.
 */
export class PaymentsTestbed {
  readonly client: GraphQLClient;
  readonly stripe: Stripe;

  private constructor(
    readonly subgraph: RunningSubgraph,
    readonly issuer: TestTokenIssuer,
    readonly config: PaymentsConfig,
  ) {
    this.client = new GraphQLClient(subgraph.url);
    this.stripe = createStripe(config.stripe);
  }

  static async start(
    env: NodeJS.ProcessEnv = {},
    overrides: Partial<PaymentsConfig> = {},
  ): Promise<PaymentsTestbed> {
    const issuer = await TestTokenIssuer.start();
    const base = testConfig('payments', {
      auth: { jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience },
    });
    const config: PaymentsConfig = {
      ...loadPaymentsConfig(
        {
          STRIPE_API_BASE: process.env.STRIPE_API_BASE ?? 'http://127.0.0.1:12111',
          STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
          ...env,
        },
        base,
      ),
      ...overrides,
    };
    const kafka = createKafka(
      'payments-test-setup',
      config.kafka.brokers,
      createLogger({ service: 'payments', level: 'silent' }),
    );
    await startGroupAtEnd(kafka, config.kafka.groupPrefix, CONSUMED_TOPICS);
    return new PaymentsTestbed(await createPaymentsSubgraph(config), issuer, config);
  }

  async stop(): Promise<void> {
    await disposeTestSubgraph(this.subgraph);
    await this.issuer.stop();
  }

  get db() {
    return this.subgraph.runtime.db;
  }

  async user(...roles: Role[]): Promise<TestUser> {
    const id = newId().toHexString();
    const all = roles.length ? roles : [Role.CUSTOMER];
    return { id, roles: all, token: await this.issuer.sign({ sub: id, roles: all }) };
  }

  /** Publishes events as their producing domain would (the catalog fixes the topic). */
  async publish<T extends EventType>(type: T, subject: string, data: EventPayload<T>) {
    const domain = topicOf(type).replace('vitrine.', '');
    await this.subgraph.runtime.publisher.publish([
      createEvent(`vitrine.${domain}`, type, subject, data),
    ]);
  }

  /** An approved boutique with its team, once the read model has it. */
  async boutique(owner: TestUser, staff: TestUser[] = []): Promise<string> {
    const boutiqueId = newId().toHexString();
    await this.publish('boutique.created', boutiqueId, {
      boutiqueId,
      ownerId: owner.id,
      name: 'Maison Test',
      slug: `maison-${boutiqueId}`,
      status: 'approved',
    });
    await this.publish('boutique.staff_changed', boutiqueId, {
      boutiqueId,
      ownerId: owner.id,
      staffIds: staff.map((s) => s.id),
    });
    await waitFor(
      () =>
        this.db.collection('boutique_teams').findOne({
          _id: boutiqueId as never,
          staffIds: { $size: staff.length },
        }),
      { message: `boutique ${boutiqueId} in the read model` },
    );
    return boutiqueId;
  }

  /**
   * A checkout of these orders as the orders subgraph announces it (one `order.created` each),
   * once the payments read model has all of them.
   */
  async checkout(customer: TestUser, orders: TestOrder[], currency = 'EUR'): Promise<TestCheckout> {
    const checkoutId = newId().toHexString();
    const orderIds = orders.map(() => newId().toHexString());
    const totals: number[] = [];
    for (const [i, order] of orders.entries()) {
      const items = order.lines.map((line) => ({
        productId: line.productId ?? newId().toHexString(),
        variantId: newId().toHexString(),
        sku: 'SKU-1',
        quantity: 1,
        unitPrice: { amount: line.amount, currency },
      }));
      const subtotal = order.lines.reduce((sum, l) => sum + l.amount, 0);
      const total = subtotal + (order.extra ?? 0);
      totals.push(total);
      await this.publish('order.created', orderIds[i], {
        orderId: orderIds[i],
        checkoutId,
        checkoutOrderIds: orderIds,
        customerId: customer.id,
        boutiqueId: order.boutiqueId,
        items,
        subtotal: { amount: subtotal, currency },
        tax: { amount: order.extra ?? 0, currency },
        deliveryFee: { amount: 0, currency },
        total: { amount: total, currency },
      });
    }
    await waitFor(
      () =>
        this.db
          .collection('checkout_views')
          .findOne({ _id: checkoutId as never, orders: { $size: orders.length } }),
      { message: `checkout ${checkoutId} in the read model` },
    );
    return { checkoutId, customer, orderIds, currency, totals };
  }

  async startPayment(
    checkout: TestCheckout,
    extra: { couponCode?: string; loyaltyPoints?: number } = {},
    as: TestUser = checkout.customer,
  ): Promise<StartedPayment> {
    const data = await this.client.data<{ startCheckoutPayment: StartedPayment }>(
      START,
      { input: { checkoutId: checkout.checkoutId, ...extra } },
      { token: as.token },
    );
    return data.startCheckoutPayment;
  }

  /** Stripe's `payment_intent.<outcome>` for a payment's intent, signed and posted. */
  intentEvent(
    outcome: 'succeeded' | 'payment_failed',
    payment: StartedPayment['payment'],
    options: { id?: string; charge?: string } = {},
  ) {
    return this.webhook(
      `payment_intent.${outcome}`,
      {
        id: payment.transactionId,
        object: 'payment_intent',
        amount: payment.amount.amount,
        amount_received: outcome === 'succeeded' ? payment.amount.amount : 0,
        currency: payment.amount.currency.toLowerCase(),
        status: outcome === 'succeeded' ? 'succeeded' : 'requires_payment_method',
        payment_method_types: ['card'],
        latest_charge: options.charge ?? `ch_${randomUUID().replaceAll('-', '')}`,
        last_payment_error:
          outcome === 'payment_failed' ? { message: 'Your card was declined.' } : null,
        metadata: { paymentId: payment.id },
      },
      options,
    );
  }

  /** Declined attempts, enough by default for the payment to fail. */
  async declined(
    payment: StartedPayment['payment'],
    times = this.config.checkout.maxFailedAttempts,
  ) {
    for (let i = 0; i < times; i++) {
      const response = await this.intentEvent('payment_failed', payment);
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    }
  }

  /** A paid checkout: payment started and Stripe's success webhook applied. */
  async paid(checkout: TestCheckout, extra: { couponCode?: string; loyaltyPoints?: number } = {}) {
    const started = await this.startPayment(checkout, extra);
    const response = await this.intentEvent('succeeded', started.payment);
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    return started.payment;
  }

  /** Stripe's `charge.refunded`: so much of the payment's charge is refunded in all. */
  chargeRefunded(payment: StartedPayment['payment'], amountRefunded: number) {
    return this.webhook('charge.refunded', {
      id: `ch_${payment.id}`,
      object: 'charge',
      amount: payment.amount.amount,
      amount_refunded: amountRefunded,
      currency: payment.amount.currency.toLowerCase(),
      payment_intent: payment.transactionId,
      refunded: amountRefunded >= payment.amount.amount,
    });
  }

  /**
   * Posts a Stripe event to the webhook as Stripe would: `data.object` is the object the event is
   * about, the body is signed with the stripe library's helper (or `signature` is sent as is).
   */
  async webhook(
    type: string,
    object: Record<string, unknown>,
    options: {
      id?: string;
      signature?: string;
      timestamp?: number;
      secret?: string;
      /** When Stripe created the event (seconds); now by default. */
      created?: number;
    } = {},
  ): Promise<WebhookResponse> {
    const payload = JSON.stringify({
      id: options.id ?? `evt_${randomUUID().replaceAll('-', '')}`,
      object: 'event',
      api_version: '2026-10-28.endive',
      created: options.created ?? Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object },
    });
    const signature =
      options.signature ??
      this.stripe.webhooks.generateTestHeaderString({
        payload,
        secret: options.secret ?? TEST_WEBHOOK_SECRET,
        timestamp: options.timestamp,
      });
    const response = await fetch(new URL(WEBHOOK_PATH, this.subgraph.url.replace(/graphql$/, '')), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    });
    return { status: response.status, body: (await response.json()) as WebhookResponse['body'] };
  }
}
