import { Types } from 'mongoose';
import {
  createEvent,
  createKafka,
  createLogger,
  Role,
  type EventPayload,
  type EventType,
  type RunningSubgraph,
} from '@vitrine/platform';
import {
  GraphQLClient,
  startGroupAtEnd,
  TestTokenIssuer,
  testConfig,
  waitFor,
} from '@vitrine/platform/testing';
import { loadProductsConfig, type ProductsConfig } from '../config.js';
import { createProductsSubgraph } from '../index.js';

export interface TestUser {
  id: string;
  token: string;
}

export interface TestBoutique {
  id: string;
  owner: TestUser;
  staff: TestUser[];
}

export interface TestVariant {
  id: string;
  sku: string;
  available: number;
}

export interface TestProduct {
  id: string;
  title: string;
  status: string;
  variants: TestVariant[];
}

export const PRODUCT_FIELDS = `id title status currency brand tags views inStock minPrice { amount currency } maxPrice { amount currency } variants { id sku size colour available price { amount currency } }`;

let skuCounter = 0;
/** A fresh SKU for each call. */
export function uniqueSku(prefix = 'SKU'): string {
  skuCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${skuCounter}`;
}

/** A variant input with a unique SKU. */
export function variantInput(overrides: Record<string, unknown> = {}) {
  return {
    sku: uniqueSku(),
    size: 'M',
    colour: 'Black',
    price: { amount: 4900, currency: 'EUR' },
    stock: 10,
    ...overrides,
  };
}

const CONSUMED_TOPICS = ['vitrine.boutiques', 'vitrine.orders', 'vitrine.products'];

/**
 * A products subgraph in a test, with a token issuer standing in for users and boutique teams
 * seeded as the boutiques subgraph will: by publishing its events to Kafka.
 */
export class ProductsFactory {
  private constructor(
    readonly subgraph: RunningSubgraph,
    readonly client: GraphQLClient,
    readonly issuer: TestTokenIssuer,
    private readonly groupId: string,
  ) {}

  /**
   * Starts the subgraph with its consumer group (testConfig gives each instance its own) placed at
   * the current end of the topics: the test reads its own events, not the whole history of the
   * shared local Kafka, which a new group would otherwise replay first.
   */
  static async start(overrides: Partial<ProductsConfig> = {}) {
    const issuer = await TestTokenIssuer.start();
    const base = testConfig('products', {
      auth: { jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience },
    });
    const config: ProductsConfig = { ...loadProductsConfig({}, base), ...overrides };
    const groupId = config.kafka.groupPrefix; // testConfig's: one group per test instance
    const kafka = createKafka(
      'vitrine-products-test',
      config.kafka.brokers,
      createLogger({ service: 'test', level: 'silent' }),
    );
    await startGroupAtEnd(kafka, groupId, CONSUMED_TOPICS);
    const subgraph = await createProductsSubgraph(config);
    return new ProductsFactory(subgraph, new GraphQLClient(subgraph.url), issuer, groupId);
  }

  async stop(): Promise<void> {
    await this.subgraph.runtime.db.dropDatabase();
    await this.subgraph.stop();
    await this.issuer.stop();
    const admin = this.subgraph.runtime.kafka.admin();
    await admin.connect();
    await admin.deleteGroups([this.groupId]).catch(() => undefined);
    await admin.disconnect();
  }

  async user(...roles: Role[]): Promise<TestUser> {
    const id = new Types.ObjectId().toHexString();
    const token = await this.issuer.sign({
      sub: id,
      roles: roles.length ? roles : [Role.CUSTOMER],
    });
    return { id, token };
  }

  admin(): Promise<TestUser> {
    return this.user(Role.CUSTOMER, Role.ADMIN);
  }

  /** Publishes an event as its producing subgraph would. */
  async publish<T extends EventType>(type: T, subject: string, data: EventPayload<T>) {
    const domain = type.split('.')[0] === 'boutique' ? 'boutiques' : 'orders';
    const event = createEvent(`vitrine.${domain}`, type, subject, data);
    await this.subgraph.runtime.publisher.publish([event]);
    return event;
  }

  /** The boutique team as this subgraph's read model holds it (null while unknown). */
  team(boutiqueId: string) {
    return this.subgraph.runtime.db
      .collection<{ status: string; staffIds: string[] }>('boutique_teams')
      .findOne({ _id: new Types.ObjectId(boutiqueId) });
  }

  /** Waits until the read model has the boutique in this status. */
  waitForTeam(boutiqueId: string, status: string) {
    return waitFor(async () => (await this.team(boutiqueId))?.status === status, {
      message: `boutique ${boutiqueId} ${status}`,
    });
  }

  /** A boutique announced by the boutiques subgraph's events, once the read model has it. */
  async boutique({
    status = 'approved',
    staff = 0,
  }: { status?: 'pending' | 'approved'; staff?: number } = {}): Promise<TestBoutique> {
    const id = new Types.ObjectId().toHexString();
    const owner = await this.user(Role.CUSTOMER, Role.BOUTIQUE_OWNER);
    const members = await Promise.all(Array.from({ length: staff }, () => this.user()));
    await this.publish('boutique.created', id, {
      boutiqueId: id,
      ownerId: owner.id,
      name: `Boutique ${id.slice(-4)}`,
      slug: `boutique-${id}`,
      status: 'pending',
    });
    if (staff) {
      await this.publish('boutique.staff_changed', id, {
        boutiqueId: id,
        ownerId: owner.id,
        staffIds: members.map((m) => m.id),
      });
    }
    if (status === 'approved') {
      await this.publish('boutique.approved', id, {
        boutiqueId: id,
        ownerId: owner.id,
        actorId: null,
      });
    }
    await waitFor(
      async () => {
        const team = await this.team(id);
        return team?.status === status && (team.staffIds ?? []).length === staff;
      },
      { message: `boutique ${id} in the read model` },
    );
    return { id, owner, staff: members };
  }

  /** A product created through the API by the boutique's owner; ACTIVE unless told otherwise. */
  async product(
    boutique: TestBoutique,
    input: Record<string, unknown> = {},
    { activate = true }: { activate?: boolean } = {},
  ): Promise<TestProduct> {
    const { createProduct } = await this.client.data<{ createProduct: TestProduct }>(
      `mutation ($input: CreateProductInput!) { createProduct(input: $input) { ${PRODUCT_FIELDS} } }`,
      {
        input: {
          boutiqueId: boutique.id,
          title: 'Linen shirt',
          variants: [variantInput()],
          ...input,
        },
      },
      { token: boutique.owner.token },
    );
    if (!activate) return createProduct;
    const { setProductStatus } = await this.client.data<{ setProductStatus: TestProduct }>(
      `mutation ($id: ID!) { setProductStatus(id: $id, status: ACTIVE) { ${PRODUCT_FIELDS} } }`,
      { id: createProduct.id },
      { token: boutique.owner.token },
    );
    return setProductStatus;
  }

  /** The stock document of a variant, as stored. */
  stock(variantId: string) {
    return this.subgraph.runtime.db
      .collection<{ available: number; reserved: number; sold: number; holds: string[] }>('stocks')
      .findOne({ _id: new Types.ObjectId(variantId) });
  }

  /** Publishes order.created for one boutique, as the orders subgraph's checkout would. */
  async order(
    boutique: TestBoutique,
    items: { product: TestProduct; variant: TestVariant; quantity: number }[],
  ) {
    const orderId = new Types.ObjectId().toHexString();
    const lines = items.map(({ product, variant, quantity }) => ({
      productId: product.id,
      variantId: variant.id,
      sku: variant.sku,
      quantity,
      unitPrice: { amount: 4900, currency: 'EUR' },
    }));
    const total = { amount: lines.reduce((s, l) => s + l.quantity * 4900, 0), currency: 'EUR' };
    const data: EventPayload<'order.created'> = {
      orderId,
      checkoutId: `checkout-${orderId}`,
      checkoutOrderIds: [orderId],
      customerId: new Types.ObjectId().toHexString(),
      boutiqueId: boutique.id,
      items: lines,
      subtotal: total,
      tax: { amount: 0, currency: 'EUR' },
      deliveryFee: { amount: 0, currency: 'EUR' },
      total,
    };
    const event = await this.publish('order.created', orderId, data);
    return { orderId, data, event };
  }

  /** The reservation of an order, as stored. */
  reservation(orderId: string) {
    return this.subgraph.runtime.db
      .collection<{ status: string }>('reservations')
      .findOne({ _id: new Types.ObjectId(orderId) });
  }
}
