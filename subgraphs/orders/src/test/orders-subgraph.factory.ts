import {
  createEvent,
  createKafka,
  createLogger,
  newId,
  topicOf,
  Role,
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
import { loadOrdersConfig, type OrdersConfig } from '../config.js';
import { createOrdersSubgraph } from '../index.js';
import {
  createOrderModel,
  OrderStatus,
  StockStatus,
  type OrderModel,
} from '../models/order.model.js';

export interface TestUser {
  id: string;
  token: string;
  roles: Role[];
}

export interface TestProduct {
  productId: string;
  variantId: string;
  boutiqueId: string;
  price: number;
  currency: string;
}

export interface CheckoutPayload {
  __typename: 'Checkout' | 'CartChanged';
  id?: string;
  message?: string;
  orders?: { id: string; status: string; boutique: { id: string }; total: { amount: number } }[];
  subtotal?: { amount: number; currency: string };
  tax?: { amount: number; currency: string };
  deliveryFee?: { amount: number; currency: string };
  total?: { amount: number; currency: string };
  cart?: { lines: { variantId: string; priceChanged: boolean; unavailable: boolean }[] };
}

export const ADDRESS = {
  recipientName: 'Ada Lovelace',
  line1: '12 rue des Boutiques',
  city: 'Lyon',
  postalCode: '69002',
  country: 'FR',
};

export const CHECKOUT = `mutation ($key: String!, $address: ShippingAddressInput!) {
  checkout(idempotencyKey: $key, shippingAddress: $address) {
    __typename
    ... on Checkout { id orders { id status boutique { id } total { amount } } subtotal { amount currency } tax { amount currency } deliveryFee { amount currency } total { amount currency } }
    ... on CartChanged { message cart { lines { variantId priceChanged unavailable } } }
  }
}`;

export const ADD = `mutation ($p: ID!, $v: ID!, $q: Int!) { addToCart(productId: $p, variantId: $v, quantity: $q) { itemCount lines { variantId quantity } } }`;

const CONSUMED_TOPICS = [
  topicOf('boutique.created'),
  topicOf('product.created'),
  topicOf('payment.completed'),
];

/**
 * A test instance's fresh database needs none of the events published before it started: its new
 * consumer group starts at the end of the topics instead of replaying every earlier test's events.
 */
async function startAtTheEnd(config: OrdersConfig): Promise<void> {
  const kafka = createKafka(
    'orders-test-setup',
    config.kafka.brokers,
    createLogger({ service: 'orders', level: 'silent' }),
  );
  await startGroupAtEnd(kafka, config.kafka.groupPrefix, CONSUMED_TOPICS);
}

/**
 * An orders subgraph started for a test, with a token issuer standing in for users, and the
 * other domains played by publishing their events to Kafka as they would.
 */
export class OrdersTestbed {
  readonly client: GraphQLClient;
  readonly orderModel: OrderModel;

  private constructor(
    readonly subgraph: RunningSubgraph,
    readonly issuer: TestTokenIssuer,
    readonly config: OrdersConfig,
  ) {
    this.client = new GraphQLClient(subgraph.url);
    this.orderModel = createOrderModel(subgraph.runtime.db);
  }

  static async start(overrides: Partial<OrdersConfig> = {}): Promise<OrdersTestbed> {
    const issuer = await TestTokenIssuer.start();
    const base = testConfig('orders', {
      auth: { jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience },
    });
    const config: OrdersConfig = {
      ...loadOrdersConfig({}, base),
      payment: { timeoutMs: 30 * 60_000, sweepIntervalMs: 300 },
      ...overrides,
    };
    await startAtTheEnd(config);
    return new OrdersTestbed(await createOrdersSubgraph(config), issuer, config);
  }

  async stop(): Promise<void> {
    await disposeTestSubgraph(this.subgraph);
    await this.issuer.stop();
  }

  async user(...roles: Role[]): Promise<TestUser> {
    const id = newId().toHexString();
    const all = roles.length ? roles : [Role.CUSTOMER];
    return { id, roles: all, token: await this.issuer.sign({ sub: id, roles: all }) };
  }

  /** Publishes events as their producing domain would (the catalog fixes the topic). */
  async publish<T extends EventType>(type: T, subject: string, data: EventPayload<T>) {
    const domain = type.split('.')[0] === 'stock' ? 'products' : `${type.split('.')[0]}s`;
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
      status: 'pending',
    });
    await this.publish('boutique.approved', boutiqueId, {
      boutiqueId,
      ownerId: owner.id,
      actorId: null,
    });
    await this.publish('boutique.staff_changed', boutiqueId, {
      boutiqueId,
      ownerId: owner.id,
      staffIds: staff.map((s) => s.id),
    });
    await waitFor(
      () =>
        this.subgraph.runtime.db.collection('boutique_teams').findOne({
          _id: boutiqueId as never,
          status: 'approved',
          staffIds: { $size: staff.length },
        }),
      { message: `boutique ${boutiqueId} in the read model` },
    );
    return boutiqueId;
  }

  /** An active product with one variant, once the read model has it. */
  async product(
    boutiqueId: string,
    { price = 1999, available = 10, currency = 'EUR' } = {},
  ): Promise<TestProduct> {
    const productId = newId().toHexString();
    const variantId = newId().toHexString();
    await this.publishProduct(
      'product.created',
      { productId, variantId, boutiqueId, price, currency },
      available,
    );
    await this.waitProduct(productId, price);
    return { productId, variantId, boutiqueId, price, currency };
  }

  /** Changes a product's price (a new snapshot), once the read model has it. */
  async reprice(product: TestProduct, price: number, available = 10): Promise<TestProduct> {
    const next = { ...product, price };
    await this.publishProduct('product.updated', next, available);
    await this.waitProduct(product.productId, price);
    return next;
  }

  async addToCart(user: TestUser, product: TestProduct, quantity = 1) {
    return this.client.data(
      ADD,
      { p: product.productId, v: product.variantId, q: quantity },
      { token: user.token },
    );
  }

  async checkout(user: TestUser, key: string = newId().toHexString()): Promise<CheckoutPayload> {
    const data = await this.client.data<{ checkout: CheckoutPayload }>(
      CHECKOUT,
      { key, address: ADDRESS },
      { token: user.token },
    );
    return data.checkout;
  }

  /**
   * Products' answer that the stock is held, once applied. Tests that need an order to stay
   * pending answer first: a products test instance running at the same time may answer
   * `stock.reservation_failed` to any `order.created` it sees, and a reserved order ignores it.
   */
  async reserved(orderId: string) {
    await this.publish('stock.reserved', orderId, { orderId, items: [] });
    await this.waitForOrder(orderId, (o) => o.stock === 'reserved');
  }

  /** The order as stored, once `check` accepts it. */
  async waitForOrder(orderId: string, check: (o: { status: string; stock: string }) => boolean) {
    return waitFor(
      async () => {
        const order = await this.orderModel.findById(orderId).lean().exec();
        return order && check(order) ? order : undefined;
      },
      { message: `order ${orderId}` },
    );
  }

  /**
   * An order written straight into the database in the given status: for tests about who may
   * move an order, where the way it got there does not matter.
   */
  async orderIn(
    status: OrderStatus,
    customer: TestUser,
    boutiqueId: string,
    options: { wasPaid?: boolean } = {},
  ): Promise<string> {
    const _id = newId();
    const price = { amount: 1000, currency: 'EUR' };
    await this.orderModel.create({
      _id,
      checkoutId: newId().toHexString(),
      customerId: customer.id,
      boutiqueId,
      items: [
        {
          productId: newId().toHexString(),
          variantId: newId().toHexString(),
          title: 'Wool scarf',
          sku: 'SCARF-1',
          size: null,
          colour: 'red',
          quantity: 1,
          unitPrice: price,
          lineTotal: price,
        },
      ],
      subtotal: price,
      tax: { amount: 200, currency: 'EUR' },
      deliveryFee: { amount: 499, currency: 'EUR' },
      total: { amount: 1699, currency: 'EUR' },
      status,
      stock: StockStatus.RESERVED,
      wasPaid: options.wasPaid ?? status !== OrderStatus.PENDING_PAYMENT,
      shippingAddress: { ...ADDRESS, line2: null, region: null, phone: null },
      history: [],
    });
    return _id.toHexString();
  }

  private async publishProduct(
    type: 'product.created' | 'product.updated',
    p: Omit<TestProduct, 'price'> & { price: number },
    available: number,
  ) {
    const snapshot = {
      boutiqueId: p.boutiqueId,
      title: 'Linen shirt',
      categoryIds: [],
      status: 'active' as const,
      variants: [
        {
          variantId: p.variantId,
          sku: `SKU-${p.variantId.slice(-6)}`,
          size: 'M',
          colour: 'blue',
          price: { amount: p.price, currency: p.currency },
          compareAtPrice: null,
          available,
        },
      ],
    };
    if (type === 'product.created') {
      await this.publish(type, p.productId, { productId: p.productId, snapshot });
    } else {
      await this.publish(type, p.productId, {
        productId: p.productId,
        changed: ['variants'],
        snapshot,
      });
    }
  }

  private async waitProduct(productId: string, price: number) {
    await waitFor(
      () =>
        this.subgraph.runtime.db
          .collection('catalog_products')
          .findOne({ _id: productId as never, 'variants.price.amount': price }),
      { message: `product ${productId} in the read model` },
    );
  }
}
