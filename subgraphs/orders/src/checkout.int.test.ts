import { newId, Role } from '@vitrine/platform';
import { findEvent } from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckoutService } from './services/checkout.service.js';
import { ADD, OrdersTestbed, type TestUser } from './test/orders-subgraph.factory.js';

let bed: OrdersTestbed;
let owner: TestUser;
let boutiqueA: string;
let boutiqueB: string;

beforeAll(async () => {
  bed = await OrdersTestbed.start();
  owner = await bed.user(Role.CUSTOMER, Role.BOUTIQUE_OWNER);
  const otherOwner = await bed.user(Role.CUSTOMER, Role.BOUTIQUE_OWNER);
  [boutiqueA, boutiqueB] = await Promise.all([bed.boutique(owner), bed.boutique(otherOwner)]);
});
afterAll(() => bed?.stop());

const CART = `{ cart { itemCount subtotal { amount currency } needsReview lines { variantId quantity unitPrice { amount } shownUnitPrice { amount } priceChanged unavailable message } } }`;
type CartData = {
  cart: {
    itemCount: number;
    subtotal: { amount: number; currency: string } | null;
    needsReview: boolean;
    lines: {
      variantId: string;
      quantity: number;
      unitPrice: { amount: number };
      shownUnitPrice: { amount: number };
      priceChanged: boolean;
      unavailable: boolean;
      message: string | null;
    }[];
  };
};

describe('cart', () => {
  it('holds items from several boutiques, priced from the catalog', async () => {
    const customer = await bed.user();
    const shirt = await bed.product(boutiqueA, { price: 1999 });
    const scarf = await bed.product(boutiqueB, { price: 2500 });
    await bed.addToCart(customer, shirt, 2);
    await bed.addToCart(customer, scarf, 1);
    await bed.addToCart(customer, shirt, 1);
    const { cart } = await bed.client.data<CartData>(CART, {}, { token: customer.token });
    expect(cart.itemCount).toBe(4);
    expect(cart.subtotal).toEqual({ amount: 3 * 1999 + 2500, currency: 'EUR' });
    expect(cart.lines.map((l) => [l.variantId, l.quantity])).toEqual([
      [shirt.variantId, 3],
      [scarf.variantId, 1],
    ]);
    expect(cart.needsReview).toBe(false);
  });

  it('refuses bad input naming the field, changing nothing', async () => {
    const customer = await bed.user();
    const shirt = await bed.product(boutiqueA, { price: 1999, available: 3 });
    await bed.addToCart(customer, shirt, 1);
    const attempt = (variables: Record<string, unknown>) =>
      bed.client.request(
        ADD,
        { p: shirt.productId, v: shirt.variantId, q: 1, ...variables },
        {
          token: customer.token,
        },
      );
    const cases: [Record<string, unknown>, string][] = [
      [{ q: 0 }, 'quantity'],
      [{ q: -2 }, 'quantity'],
      [{ q: 100 }, 'quantity'],
      [{ q: 3 }, 'quantity'], // 1 in the cart + 3 > 3 available
      [{ v: newId().toHexString() }, 'variantId'],
      [{ p: newId().toHexString() }, 'productId'],
      [{ p: 'not-an-id' }, 'productId'],
    ];
    for (const [variables, field] of cases) {
      const response = await attempt(variables);
      expect(response.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    const { cart } = await bed.client.data<CartData>(CART, {}, { token: customer.token });
    expect(cart.lines.map((l) => l.quantity)).toEqual([1]);
  });

  it('refuses the products of a boutique that is not approved', async () => {
    const customer = await bed.user();
    const shirt = await bed.product(boutiqueA);
    const suspendedOwner = await bed.user(Role.BOUTIQUE_OWNER);
    const closed = await bed.boutique(suspendedOwner);
    const hat = await bed.product(closed);
    await bed.publish('boutique.suspended', closed, {
      boutiqueId: closed,
      ownerId: suspendedOwner.id,
      reason: 'unpaid subscription',
      actorId: null,
    });
    await bed.addToCart(customer, shirt);
    const { waitFor } = await import('@vitrine/platform/testing');
    const response = await waitFor(async () => {
      const r = await bed.client.request(
        ADD,
        { p: hat.productId, v: hat.variantId, q: 1 },
        { token: customer.token },
      );
      return r.errors ? r : undefined;
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'productId',
    });
  });

  it('sells through a past-due grace period, and not once the subscription is cancelled', async () => {
    const customer = await bed.user();
    const owner = await bed.user(Role.BOUTIQUE_OWNER);
    const boutique = await bed.boutique(owner);
    const scarf = await bed.product(boutique);
    const state = (status: string, graceUntil: string | null) => ({
      subscriptionId: `sub_${boutique}`,
      boutiqueId: boutique,
      plan: 'pro',
      interval: 'month' as const,
      status,
      currentPeriodEnd: null,
      graceUntil,
    });
    const add = () =>
      bed.client.request(
        ADD,
        { p: scarf.productId, v: scarf.variantId, q: 1 },
        { token: customer.token },
      );
    const { waitFor } = await import('@vitrine/platform/testing');
    const inGrace = new Date(Date.now() + 86_400_000).toISOString();
    await bed.publish('subscription.past_due', boutique, state('past_due', inGrace));
    await waitFor(() =>
      bed.subgraph.runtime.db
        .collection('boutique_teams')
        .findOne({ _id: boutique as never, 'subscription.state': 'past_due' }),
    );
    expect((await add()).errors).toBeUndefined();
    await bed.publish('subscription.cancelled', boutique, state('canceled', null));
    const refused = await waitFor(async () => {
      const r = await add();
      return r.errors ? r : undefined;
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'productId',
    });
    expect(refused.errors?.[0]?.message).toBe('The boutique of this product is not selling now');
  });

  it('updates, removes and clears lines, under concurrent edits', async () => {
    const customer = await bed.user();
    const products = await Promise.all([1, 2, 3, 4].map(() => bed.product(boutiqueA)));
    await Promise.all(products.map((p) => bed.addToCart(customer, p)));
    const opts = { token: customer.token };
    let { cart } = await bed.client.data<CartData>(CART, {}, opts);
    expect(cart.lines).toHaveLength(4);
    await bed.client.data(
      `mutation ($v: ID!) { updateCartItem(variantId: $v, quantity: 5) { itemCount } }`,
      { v: products[0].variantId },
      opts,
    );
    await bed.client.data(
      `mutation ($v: ID!) { removeFromCart(variantId: $v) { itemCount } }`,
      { v: products[1].variantId },
      opts,
    );
    ({ cart } = await bed.client.data<CartData>(CART, {}, opts));
    expect(cart.itemCount).toBe(5 + 1 + 1);
    const missing = await bed.client.request(
      `mutation ($v: ID!) { removeFromCart(variantId: $v) { itemCount } }`,
      { v: products[1].variantId },
      opts,
    );
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'variantId',
    });
    await bed.client.data(`mutation { clearCart { itemCount } }`, {}, opts);
    ({ cart } = await bed.client.data<CartData>(CART, {}, opts));
    expect(cart).toMatchObject({ itemCount: 0, subtotal: null, lines: [] });
  });

  it('flags lines whose price or stock changed since they were added', async () => {
    const customer = await bed.user();
    const shirt = await bed.product(boutiqueA, { price: 1999, available: 10 });
    const scarf = await bed.product(boutiqueA, { price: 500, available: 10 });
    await bed.addToCart(customer, shirt, 2);
    await bed.addToCart(customer, scarf, 4);
    await bed.reprice(shirt, 2199);
    await bed.publish('product.stock_changed', scarf.productId, {
      productId: scarf.productId,
      variantId: scarf.variantId,
      sku: 'SCARF',
      available: 1,
    });
    const { waitFor } = await import('@vitrine/platform/testing');
    const { cart } = await waitFor(async () => {
      const data = await bed.client.data<CartData>(CART, {}, { token: customer.token });
      return data.cart.lines[1]?.unavailable ? data : undefined;
    });
    expect(cart.needsReview).toBe(true);
    expect(cart.lines[0]).toMatchObject({
      priceChanged: true,
      unavailable: false,
      unitPrice: { amount: 2199 },
      shownUnitPrice: { amount: 1999 },
    });
    expect(cart.lines[1]).toMatchObject({
      priceChanged: false,
      unavailable: true,
      message: 'Only 1 left',
    });
  });

  it("keeps a user's cart from others", async () => {
    const customer = await bed.user();
    const other = await bed.user();
    const r = await bed.client.request(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { cart { itemCount } } } }`,
      { r: [{ __typename: 'User', id: customer.id }] },
      { token: other.token },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe(CheckoutService.name, () => {
  it('splits a cart into one order per boutique under one checkout, priced and taxed', async () => {
    const customer = await bed.user();
    const shirt = await bed.product(boutiqueA, { price: 1999 });
    const belt = await bed.product(boutiqueA, { price: 505 });
    const scarf = await bed.product(boutiqueB, { price: 2500 });
    await bed.addToCart(customer, shirt, 2);
    await bed.addToCart(customer, scarf, 1);
    await bed.addToCart(customer, belt, 1);
    const result = await bed.checkout(customer);
    expect(result.__typename).toBe('Checkout');
    expect(result.orders).toHaveLength(2);
    const [a, b] = result.orders!;
    expect(a).toMatchObject({ status: 'PENDING_PAYMENT', boutique: { id: boutiqueA } });
    expect(b).toMatchObject({ status: 'PENDING_PAYMENT', boutique: { id: boutiqueB } });
    // A: 2×19.99 + 5.05 = 45.03, tax 9.006 → 9.01, fee 4.99 → 59.03
    expect(a.total.amount).toBe(4503 + 901 + 499);
    // B: 25.00, tax 5.00, fee 4.99 → 34.99
    expect(b.total.amount).toBe(2500 + 500 + 499);
    expect(result).toMatchObject({
      subtotal: { amount: 7003, currency: 'EUR' },
      tax: { amount: 1401, currency: 'EUR' },
      deliveryFee: { amount: 998, currency: 'EUR' },
      total: { amount: 9402, currency: 'EUR' },
    });
    const { cart } = await bed.client.data<CartData>(CART, {}, { token: customer.token });
    expect(cart.lines).toEqual([]);
    const created = await findEvent(
      bed.subgraph.runtime.kafka,
      'vitrine.orders',
      'order.created',
      (e) => e.data.orderId === a.id,
    );
    expect(created.data).toMatchObject({
      checkoutId: result.id,
      customerId: customer.id,
      boutiqueId: boutiqueA,
      total: { amount: 5903, currency: 'EUR' },
    });
    expect(created.data.items.map((i) => [i.variantId, i.quantity, i.unitPrice.amount])).toEqual([
      [shirt.variantId, 2, 1999],
      [belt.variantId, 1, 505],
    ]);
  });

  it('returns the same checkout for a retried key and creates nothing twice', async () => {
    const customer = await bed.user();
    const shirt = await bed.product(boutiqueA);
    await bed.addToCart(customer, shirt, 1);
    const key = `retry-${newId().toHexString()}`;
    const [first, concurrent] = await Promise.all([
      bed.checkout(customer, key),
      bed.checkout(customer, key),
    ]);
    const again = await bed.checkout(customer, key);
    expect(concurrent).toEqual(first);
    expect(again).toEqual(first);
    expect(await bed.orderModel.countDocuments({ customerId: customer.id })).toBe(1);
    // A new key on the now empty cart is refused, and creates nothing.
    const empty = await bed.client.request(
      `mutation ($a: ShippingAddressInput!) { checkout(idempotencyKey: "another-key-1", shippingAddress: $a) { __typename } }`,
      { a: { recipientName: 'A', line1: 'B', city: 'C', postalCode: 'D', country: 'FR' } },
      { token: customer.token },
    );
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cart' });
    expect(await bed.orderModel.countDocuments({ customerId: customer.id })).toBe(1);
  });

  it('never takes prices from the client, and refuses a cart whose price changed until the customer accepts it', async () => {
    const customer = await bed.user();
    const shirt = await bed.product(boutiqueA, { price: 1999 });
    await bed.addToCart(customer, shirt, 1);
    const tampered = await bed.client.request(
      `mutation { addToCart(productId: "${shirt.productId}", variantId: "${shirt.variantId}", quantity: 1, unitPrice: 1) { itemCount } }`,
      {},
      { token: customer.token },
    );
    expect(tampered.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await bed.reprice(shirt, 2999);
    const refused = await bed.checkout(customer);
    expect(refused).toMatchObject({
      __typename: 'CartChanged',
      cart: { lines: [{ variantId: shirt.variantId, priceChanged: true, unavailable: false }] },
    });
    expect(await bed.orderModel.countDocuments({ customerId: customer.id })).toBe(0);
    await bed.client.data(
      `mutation { acceptCartChanges { needsReview } }`,
      {},
      {
        token: customer.token,
      },
    );
    const done = await bed.checkout(customer);
    expect(done.__typename).toBe('Checkout');
    expect(done.subtotal).toEqual({ amount: 2999, currency: 'EUR' });
  });

  it('refuses an unauthenticated checkout and a malformed idempotency key', async () => {
    const customer = await bed.user();
    expect(
      await bed.client.errorCode(
        `mutation ($a: ShippingAddressInput!) { checkout(idempotencyKey: "anonymous-1", shippingAddress: $a) { __typename } }`,
        { a: { recipientName: 'A', line1: 'B', city: 'C', postalCode: 'D', country: 'FR' } },
      ),
    ).toBe('UNAUTHENTICATED');
    const bad = await bed.client.request(
      `mutation ($a: ShippingAddressInput!) { checkout(idempotencyKey: "x", shippingAddress: $a) { __typename } }`,
      { a: { recipientName: 'A', line1: 'B', city: 'C', postalCode: 'D', country: 'FR' } },
      { token: customer.token },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'idempotencyKey',
    });
  });
});

describe('stock and payment saga', () => {
  it('reserves, then pays every order of the checkout', async () => {
    const customer = await bed.user();
    await bed.addToCart(customer, await bed.product(boutiqueA), 1);
    await bed.addToCart(customer, await bed.product(boutiqueB), 1);
    const checkout = await bed.checkout(customer);
    const orderIds = checkout.orders!.map((o) => o.id);
    for (const orderId of orderIds) {
      await bed.publish('stock.reserved', orderId, { orderId, items: [] });
    }
    for (const orderId of orderIds) {
      await bed.waitForOrder(orderId, (o) => o.stock === 'reserved');
    }
    const payment = {
      paymentId: `pi_${newId().toHexString()}`,
      checkoutId: checkout.id!,
      orderIds,
      customerId: customer.id,
      amount: checkout.total!,
    };
    await bed.publish('payment.completed', checkout.id!, payment);
    await bed.publish('payment.completed', checkout.id!, payment); // a duplicate changes nothing
    for (const orderId of orderIds) {
      const order = await bed.waitForOrder(orderId, (o) => o.status === 'paid');
      expect(order.history.map((h) => h.to)).toEqual(['pending_payment', 'paid']);
    }
    const updated = await findEvent(
      bed.subgraph.runtime.kafka,
      'vitrine.orders',
      'order.status_updated',
      (e) => e.data.orderId === orderIds[0] && e.data.to === 'paid',
    );
    expect(updated.data).toMatchObject({ from: 'pending_payment', actorId: null });
  });

  it('cancels an order whose stock could not be reserved, announcing it', async () => {
    const customer = await bed.user();
    const shirt = await bed.product(boutiqueA);
    await bed.addToCart(customer, shirt, 2);
    const [order] = (await bed.checkout(customer)).orders!;
    await bed.publish('stock.reservation_failed', order.id, {
      orderId: order.id,
      variantId: shirt.variantId,
      sku: 'SKU',
      requested: 2,
      available: 1,
    });
    const cancelled = await bed.waitForOrder(order.id, (o) => o.status === 'cancelled');
    expect(cancelled).toMatchObject({ stock: 'failed', cancellationReason: 'out_of_stock' });
    const event = await findEvent(
      bed.subgraph.runtime.kafka,
      'vitrine.orders',
      'order.cancelled',
      (e) => e.data.orderId === order.id,
    );
    expect(event.data).toMatchObject({ reason: 'out_of_stock', customerId: customer.id });
    expect(event.data.items).toEqual([
      expect.objectContaining({ variantId: shirt.variantId, quantity: 2 }),
    ]);
  });

  it('cancels the orders of a failed payment', async () => {
    const customer = await bed.user();
    await bed.addToCart(customer, await bed.product(boutiqueA), 1);
    const checkout = await bed.checkout(customer);
    const orderIds = checkout.orders!.map((o) => o.id);
    await bed.reserved(orderIds[0]);
    await bed.publish('payment.failed', checkout.id!, {
      paymentId: 'pi_failed',
      checkoutId: checkout.id!,
      orderIds,
      customerId: customer.id,
      reason: 'card_declined',
    });
    const order = await bed.waitForOrder(orderIds[0], (o) => o.status === 'cancelled');
    expect(order.cancellationReason).toBe('payment_failed: card_declined');
  });

  it('cancels an order left unpaid past the payment timeout', async () => {
    const customer = await bed.user();
    await bed.addToCart(customer, await bed.product(boutiqueA), 1);
    const [order] = (await bed.checkout(customer)).orders!;
    const [fresh] = (
      await (async () => {
        await bed.addToCart(customer, await bed.product(boutiqueA), 1);
        return bed.checkout(customer);
      })()
    ).orders!;
    await Promise.all([bed.reserved(order.id), bed.reserved(fresh.id)]);
    await bed.orderModel.collection.updateOne(
      { _id: bed.orderModel.castObject({ _id: order.id })._id },
      { $set: { createdAt: new Date(Date.now() - bed.config.payment.timeoutMs - 1000) } },
    );
    const cancelled = await bed.waitForOrder(order.id, (o) => o.status === 'cancelled');
    expect(cancelled.cancellationReason).toBe('payment_timeout');
    await findEvent(
      bed.subgraph.runtime.kafka,
      'vitrine.orders',
      'order.cancelled',
      (e) => e.data.orderId === order.id && e.data.reason === 'payment_timeout',
    );
    expect((await bed.orderModel.findById(fresh.id).lean().exec())?.status).toBe('pending_payment');
  });
});
