import { newId, Role } from '@vitrine/platform';
import { findEvent, SubscriptionProbe } from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderStatus } from './models/order.model.js';
import { OrderService } from './services/order.service.js';
import { OrdersTestbed, type TestUser } from './test/orders-subgraph.factory.js';

let bed: OrdersTestbed;
let owner: TestUser;
let staff: TestUser;
let otherOwner: TestUser;
let driver: TestUser;
let admin: TestUser;
let boutique: string;
let otherBoutique: string;

beforeAll(async () => {
  bed = await OrdersTestbed.start();
  [owner, staff, otherOwner, driver, admin] = await Promise.all([
    bed.user(Role.CUSTOMER, Role.BOUTIQUE_OWNER),
    bed.user(Role.CUSTOMER),
    bed.user(Role.CUSTOMER, Role.BOUTIQUE_OWNER),
    bed.user(Role.DRIVER),
    bed.user(Role.ADMIN),
  ]);
  [boutique, otherBoutique] = await Promise.all([
    bed.boutique(owner, [staff]),
    bed.boutique(otherOwner),
  ]);
});
afterAll(() => bed?.stop());

const MOVES = {
  acceptOrder: `mutation ($id: ID!) { acceptOrder(orderId: $id) { id status } }`,
  startPreparingOrder: `mutation ($id: ID!) { startPreparingOrder(orderId: $id) { id status } }`,
  markOrderReady: `mutation ($id: ID!) { markOrderReady(orderId: $id) { id status } }`,
  markOrderPickedUp: `mutation ($id: ID!) { markOrderPickedUp(orderId: $id) { id status } }`,
  markOrderDelivered: `mutation ($id: ID!) { markOrderDelivered(orderId: $id) { id status } }`,
  cancelOrder: `mutation ($id: ID!) { cancelOrder(orderId: $id, reason: "changed my mind") { id status } }`,
  refundOrder: `mutation ($id: ID!) { refundOrder(orderId: $id) { id status } }`,
};
type Move = keyof typeof MOVES;

async function move(name: Move, orderId: string, user: TestUser | null) {
  return bed.client.request<Record<string, { status: string }>>(
    MOVES[name],
    { id: orderId },
    { token: user?.token },
  );
}

const ORDER = `query ($id: ID!) { order(id: $id) { id status history { from to actorId actorKind reason } } }`;
type OrderData = {
  order: {
    status: string;
    history: { from: string | null; to: string; actorId: string | null; actorKind: string }[];
  };
};

describe(OrderService.name, () => {
  it('goes from checkout to delivery, each move recorded with its actor', async () => {
    const customer = await bed.user();
    await bed.addToCart(customer, await bed.product(boutique), 1);
    const checkout = await bed.checkout(customer);
    const orderId = checkout.orders![0].id;
    await bed.publish('stock.reserved', orderId, { orderId, items: [] });
    await bed.publish('payment.completed', checkout.id!, {
      paymentId: 'pi_1',
      checkoutId: checkout.id!,
      orderIds: [orderId],
      customerId: customer.id,
      amount: checkout.total!,
    });
    await bed.waitForOrder(orderId, (o) => o.status === 'paid');
    expect((await move('acceptOrder', orderId, owner)).data?.acceptOrder?.status).toBe('ACCEPTED');
    expect(
      (await move('startPreparingOrder', orderId, staff)).data?.startPreparingOrder?.status,
    ).toBe('PREPARING');
    await move('markOrderReady', orderId, staff);
    await move('markOrderPickedUp', orderId, driver);
    expect(
      (await move('markOrderDelivered', orderId, driver)).data?.markOrderDelivered?.status,
    ).toBe('DELIVERED');
    const { order } = await bed.client.data<OrderData>(
      ORDER,
      { id: orderId },
      { token: customer.token },
    );
    expect(order.history.map((h) => [h.from, h.to, h.actorKind, h.actorId])).toEqual([
      [null, 'PENDING_PAYMENT', 'CUSTOMER', customer.id],
      ['PENDING_PAYMENT', 'PAID', 'SYSTEM', null],
      ['PAID', 'ACCEPTED', 'BOUTIQUE_TEAM', owner.id],
      ['ACCEPTED', 'PREPARING', 'BOUTIQUE_TEAM', staff.id],
      ['PREPARING', 'READY_FOR_PICKUP', 'BOUTIQUE_TEAM', staff.id],
      ['READY_FOR_PICKUP', 'PICKED_UP', 'DRIVER', driver.id],
      ['PICKED_UP', 'DELIVERED', 'DRIVER', driver.id],
    ]);
    const event = await findEvent(
      bed.subgraph.runtime.kafka,
      'vitrine.orders',
      'order.status_updated',
      (e) => e.data.orderId === orderId && e.data.to === 'accepted',
    );
    expect(event.data).toMatchObject({ from: 'paid', actorId: owner.id, boutiqueId: boutique });
  });

  it('refuses a customer accepting their own order', async () => {
    const customer = await bed.user();
    const orderId = await bed.orderIn(OrderStatus.PAID, customer, boutique);
    const response = await move('acceptOrder', orderId, customer);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { order } = await bed.client.data<OrderData>(
      ORDER,
      { id: orderId },
      { token: customer.token },
    );
    expect(order.status).toBe('PAID');
  });

  it('refuses an invalid transition with CONFLICT, changing nothing', async () => {
    const customer = await bed.user();
    const orderId = await bed.orderIn(OrderStatus.PENDING_PAYMENT, customer, boutique);
    for (const [name, user] of [
      ['acceptOrder', owner],
      ['markOrderReady', staff],
      ['markOrderDelivered', admin],
      ['refundOrder', admin],
    ] as const) {
      const response = await move(name, orderId, user);
      expect(response.errors?.[0]?.extensions, name).toMatchObject({ code: 'CONFLICT' });
      expect(response.errors?.[0]?.message).toMatch(/pending_payment/);
    }
    const stored = await bed.orderModel.findById(orderId).lean().exec();
    expect(stored).toMatchObject({ status: 'pending_payment', history: [], outbox: [] });
  });

  it('applies one of two concurrent moves of the same order', async () => {
    const customer = await bed.user();
    const orderId = await bed.orderIn(OrderStatus.PAID, customer, boutique);
    const results = await Promise.all([
      move('acceptOrder', orderId, owner),
      move('acceptOrder', orderId, staff),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
    const stored = await bed.orderModel.findById(orderId).lean().exec();
    expect(stored?.history).toHaveLength(1);
  });
});

describe('authorization of every order mutation', () => {
  const ALLOWED = 'ok';
  type Actor =
    | 'anonymous'
    | 'customer'
    | 'otherCustomer'
    | 'owner'
    | 'otherOwner'
    | 'staff'
    | 'driver'
    | 'admin';
  const TEAM = { owner: ALLOWED, staff: ALLOWED, admin: ALLOWED };
  const DRIVERS = { driver: ALLOWED, admin: ALLOWED };
  const matrix: [Move, OrderStatus, Partial<Record<Actor, string>>][] = [
    ['acceptOrder', OrderStatus.PAID, TEAM],
    ['startPreparingOrder', OrderStatus.ACCEPTED, TEAM],
    ['markOrderReady', OrderStatus.PREPARING, TEAM],
    ['markOrderPickedUp', OrderStatus.READY_FOR_PICKUP, DRIVERS],
    ['markOrderDelivered', OrderStatus.PICKED_UP, DRIVERS],
    ['cancelOrder', OrderStatus.PENDING_PAYMENT, { customer: ALLOWED, admin: ALLOWED }],
    ['cancelOrder', OrderStatus.PAID, TEAM],
    ['refundOrder', OrderStatus.DELIVERED, { admin: ALLOWED }],
  ];

  it.each(matrix)('%s of a %s order', async (name, status, allowed) => {
    const customer = await bed.user();
    const actors: Record<Actor, TestUser | null> = {
      anonymous: null,
      customer,
      otherCustomer: await bed.user(),
      owner,
      otherOwner,
      staff,
      driver,
      admin,
    };
    for (const [actor, user] of Object.entries(actors) as [Actor, TestUser | null][]) {
      const orderId = await bed.orderIn(status, customer, boutique);
      const response = await move(name, orderId, user);
      const outcome = response.errors ? String(response.errors[0]?.extensions?.code) : ALLOWED;
      const expected = allowed[actor] ?? (user ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      expect(`${actor}: ${outcome}`).toBe(`${actor}: ${expected}`);
      const stored = await bed.orderModel.findById(orderId).lean().exec();
      expect(stored!.status === status, actor).toBe(expected !== ALLOWED);
    }
  });

  it('refuses cart and checkout mutations to anonymous callers', async () => {
    const product = await bed.product(boutique);
    const address = { recipientName: 'A', line1: 'B', city: 'C', postalCode: 'D', country: 'FR' };
    const mutations: [string, Record<string, unknown>][] = [
      [
        `mutation ($p: ID!, $v: ID!) { addToCart(productId: $p, variantId: $v, quantity: 1) { itemCount } }`,
        { p: product.productId, v: product.variantId },
      ],
      [
        `mutation ($v: ID!) { updateCartItem(variantId: $v, quantity: 2) { itemCount } }`,
        { v: product.variantId },
      ],
      [
        `mutation ($v: ID!) { removeFromCart(variantId: $v) { itemCount } }`,
        { v: product.variantId },
      ],
      [`mutation { clearCart { itemCount } }`, {}],
      [`mutation { acceptCartChanges { itemCount } }`, {}],
      [
        `mutation ($a: ShippingAddressInput!) { checkout(idempotencyKey: "anonymous-key", shippingAddress: $a) { __typename } }`,
        { a: address },
      ],
    ];
    for (const [mutation, variables] of mutations) {
      expect(await bed.client.errorCode(mutation, variables), mutation).toBe('UNAUTHENTICATED');
    }
  });
});

describe('order history', () => {
  it('shows an order to its customer, its team and admins only', async () => {
    const customer = await bed.user();
    const orderId = await bed.orderIn(OrderStatus.PAID, customer, boutique);
    for (const user of [customer, owner, staff, admin]) {
      const { order } = await bed.client.data<OrderData>(
        ORDER,
        { id: orderId },
        { token: user.token },
      );
      expect(order.status).toBe('PAID');
    }
    for (const user of [await bed.user(), otherOwner, driver]) {
      expect(await bed.client.errorCode(ORDER, { id: orderId }, { token: user.token })).toBe(
        'FORBIDDEN',
      );
    }
    expect(await bed.client.errorCode(ORDER, { id: orderId })).toBe('UNAUTHENTICATED');
    expect(
      await bed.client.errorCode(ORDER, { id: newId().toHexString() }, { token: admin.token }),
    ).toBe('NOT_FOUND');
  });

  it("lists a user's and a boutique's orders with filters and cursors", async () => {
    const customer = await bed.user();
    const paid = await bed.orderIn(OrderStatus.PAID, customer, boutique);
    const pending = await bed.orderIn(OrderStatus.PENDING_PAYMENT, customer, boutique);
    const elsewhere = await bed.orderIn(OrderStatus.PAID, customer, otherBoutique);
    const USER_ORDERS = `query ($r: [_Any!]!, $f: OrderFilter, $after: String) { _entities(representations: $r) { ... on User { orders(first: 2, after: $after, filter: $f) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } } }`;
    type Page = {
      _entities: {
        orders: {
          totalCount: number;
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      }[];
    };
    const r = [{ __typename: 'User', id: customer.id }];
    const first = await bed.client.data<Page>(USER_ORDERS, { r }, { token: customer.token });
    expect(first._entities[0].orders.totalCount).toBe(3);
    expect(first._entities[0].orders.edges.map((e) => e.node.id)).toEqual([elsewhere, pending]);
    const second = await bed.client.data<Page>(
      USER_ORDERS,
      { r, after: first._entities[0].orders.pageInfo.endCursor },
      { token: customer.token },
    );
    expect(second._entities[0].orders.edges.map((e) => e.node.id)).toEqual([paid]);
    const onlyPaid = await bed.client.data<Page>(
      USER_ORDERS,
      { r, f: { status: ['PAID'], createdAfter: new Date(Date.now() - 60_000).toISOString() } },
      { token: admin.token },
    );
    expect(onlyPaid._entities[0].orders.edges.map((e) => e.node.id)).toEqual([elsewhere, paid]);
    expect(
      await bed.client.errorCode(USER_ORDERS, { r }, { token: (await bed.user()).token }),
    ).toBe('FORBIDDEN');

    const BOUTIQUE_ORDERS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Boutique { orders(first: 100, filter: { status: [PENDING_PAYMENT] }) { edges { node { id } } } } } }`;
    const b = [{ __typename: 'Boutique', id: boutique }];
    const asStaff = await bed.client.data<{
      _entities: { orders: { edges: { node: { id: string } }[] } }[];
    }>(BOUTIQUE_ORDERS, { r: b }, { token: staff.token });
    expect(asStaff._entities[0].orders.edges.map((e) => e.node.id)).toContain(pending);
    expect(asStaff._entities[0].orders.edges.map((e) => e.node.id)).not.toContain(paid);
    expect(await bed.client.errorCode(BOUTIQUE_ORDERS, { r: b }, { token: otherOwner.token })).toBe(
      'FORBIDDEN',
    );
    expect(
      await bed.client.errorCode(`{ orders { totalCount } }`, {}, { token: owner.token }),
    ).toBe('FORBIDDEN');
  });

  it('costs the same number of database queries for 20 orders with their items as for 5', async () => {
    const customer = await bed.user();
    for (let i = 0; i < 20; i++) await bed.orderIn(OrderStatus.PAID, customer, boutique);
    // Background work (the outbox relay, the unpaid-order sweep) also queries; only this request counts.
    const isBackground = (e: { command: Record<string, unknown> }) =>
      /outbox|pending_payment|inbox/.test(JSON.stringify(e.command));
    const QUERY = `query ($r: [_Any!]!, $n: Int!) { _entities(representations: $r) { ... on User { orders(first: $n) { edges { node { id total { amount } boutique { id } customer { id } items { sku quantity unitPrice { amount } product { id } } } } } } } }`;
    const mongo = bed.subgraph.runtime.db.getClient();
    const count = async (n: number) => {
      let commands = 0;
      const listener = (e: { command: Record<string, unknown> }) => {
        if (!isBackground(e)) commands++;
      };
      mongo.on('commandStarted', listener);
      try {
        const data = await bed.client.data<{ _entities: { orders: { edges: unknown[] } }[] }>(
          QUERY,
          { r: [{ __typename: 'User', id: customer.id }], n },
          { token: customer.token },
        );
        expect(data._entities[0].orders.edges).toHaveLength(n);
      } finally {
        mongo.off('commandStarted', listener);
      }
      return commands;
    };
    const five = await count(5);
    const twenty = await count(20);
    expect(twenty).toBe(five);
    expect(twenty).toBeLessThanOrEqual(2); // the page and its count

    const ids = (await bed.orderModel.find({ customerId: customer.id }).lean().exec()).map((o) =>
      o._id.toHexString(),
    );
    let finds = 0;
    const onFind = (e: { commandName: string; command: Record<string, unknown> }) => {
      if (e.commandName === 'find' && e.command.find === 'orders' && !isBackground(e)) finds++;
    };
    mongo.on('commandStarted', onFind);
    try {
      await bed.client.data(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id items { sku } } } }`,
        { r: ids.map((id) => ({ __typename: 'Order', id })) },
        { token: customer.token },
      );
    } finally {
      mongo.off('commandStarted', onFind);
    }
    expect(finds).toBe(1);
  });
});

describe('orderUpdated', () => {
  const SUBSCRIPTION = `subscription ($id: ID!) { orderUpdated(orderId: $id) { id status } }`;
  type Live = { orderUpdated: { id: string; status: string } };

  it('delivers every status change to the customer and the team', async () => {
    const customer = await bed.user();
    const orderId = await bed.orderIn(OrderStatus.PAID, customer, boutique);
    const probes = await Promise.all(
      [customer, staff].map((u) =>
        SubscriptionProbe.open<Live>(bed.subgraph.url, SUBSCRIPTION, { id: orderId }, u.token),
      ),
    );
    try {
      const steps: [Move, TestUser, string][] = [
        ['acceptOrder', owner, 'ACCEPTED'],
        ['startPreparingOrder', staff, 'PREPARING'],
        ['markOrderReady', staff, 'READY_FOR_PICKUP'],
      ];
      for (const [name, user, status] of steps) {
        await move(name, orderId, user);
        for (const probe of probes) {
          const result = await probe.next();
          expect(result.errors).toBeUndefined();
          expect(result.data!.orderUpdated).toEqual({ id: orderId, status });
        }
      }
      const other = await bed.orderIn(OrderStatus.PAID, customer, boutique);
      const cancelProbe = await SubscriptionProbe.open<Live>(
        bed.subgraph.url,
        SUBSCRIPTION,
        { id: other },
        customer.token,
      );
      try {
        await move('cancelOrder', other, owner);
        const result = await cancelProbe.next();
        expect(result.data!.orderUpdated).toEqual({ id: other, status: 'CANCELLED' });
      } finally {
        await cancelProbe.close();
      }
    } finally {
      await Promise.all(probes.map((p) => p.close()));
    }
  });

  it('refuses another customer, another boutique and anonymous subscribers', async () => {
    const customer = await bed.user();
    const orderId = await bed.orderIn(OrderStatus.PAID, customer, boutique);
    for (const [user, code] of [
      [await bed.user(), 'FORBIDDEN'],
      [otherOwner, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const probe = await SubscriptionProbe.open<Live>(
        bed.subgraph.url,
        SUBSCRIPTION,
        { id: orderId },
        user?.token,
      );
      try {
        const result = await probe.next();
        expect(result.errors?.[0]?.extensions?.code).toBe(code);
      } finally {
        await probe.close();
      }
    }
  });
});

describe('refunds from payments', () => {
  async function refunded(
    orderId: string,
    customer: TestUser,
    captured: number,
    refundedSoFar: number,
  ) {
    const money = (amount: number) => ({ amount, currency: 'EUR' });
    await bed.publish('payment.refunded', orderId, {
      paymentId: newId().toHexString(),
      refundId: `refund-${newId().toHexString()}`,
      checkoutId: newId().toHexString(),
      orderId,
      boutiqueId: boutique,
      customerId: customer.id,
      amount: money(refundedSoFar),
      orderCaptured: money(captured),
      orderRefunded: money(refundedSoFar),
      paymentCaptured: money(captured),
      reason: 'damaged',
    });
  }

  it('marks a delivered order refunded once its whole share is refunded, not before', async () => {
    const customer = await bed.user();
    const orderId = await bed.orderIn(OrderStatus.DELIVERED, customer, boutique);
    await refunded(orderId, customer, 1699, 500);
    await refunded(orderId, customer, 1699, 1699);
    const order = await bed.waitForOrder(orderId, (o) => o.status === 'refunded');
    expect(order.history.map((h) => [h.from, h.to, h.actorKind])).toEqual([
      ['delivered', 'refunded', 'system'],
    ]);
  });

  it('cancels a paid order refunded in full, then marks it refunded', async () => {
    const customer = await bed.user();
    const orderId = await bed.orderIn(OrderStatus.PAID, customer, boutique);
    await refunded(orderId, customer, 1699, 1699);
    const order = await bed.waitForOrder(orderId, (o) => o.status === 'refunded');
    expect(order.history.map((h) => h.to)).toEqual(['cancelled', 'refunded']);
  });
});
