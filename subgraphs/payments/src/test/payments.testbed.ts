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

export interface TestUser {
  id: string;
  token: string;
  roles: Role[];
}

export interface WebhookResponse {
  status: number;
  body: { received: boolean; duplicate?: boolean; ignored?: boolean; error?: string };
}

export const TEST_WEBHOOK_SECRET = 'whsec_vitrine_tests';

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
   * Posts a Stripe event to the webhook as Stripe would: `data.object` is the object the event is
   * about, the body is signed with the stripe library's helper (or `signature` is sent as is).
   */
  async webhook(
    type: string,
    object: Record<string, unknown>,
    options: { id?: string; signature?: string; timestamp?: number; secret?: string } = {},
  ): Promise<WebhookResponse> {
    const payload = JSON.stringify({
      id: options.id ?? `evt_${randomUUID().replaceAll('-', '')}`,
      object: 'event',
      api_version: '2026-10-28.endive',
      created: Math.floor(Date.now() / 1000),
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
