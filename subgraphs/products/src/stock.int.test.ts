import { createEvent } from '@vitrine/platform';
import { findEvent, waitFor } from '@vitrine/platform/testing';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoutiqueTeamModel } from './models/boutique-team.model.js';
import { createReservationModel } from './models/reservation.model.js';
import { createStockModel } from './models/stock.model.js';
import { ReservationService } from './services/reservation.service.js';
import { StockService } from './services/stock.service.js';
import {
  ProductsFactory,
  variantInput,
  type TestBoutique,
  type TestProduct,
} from './test/products.factory.js';

let f: ProductsFactory;
let boutique: TestBoutique;

beforeAll(async () => {
  f = await ProductsFactory.start();
  boutique = await f.boutique();
});
afterAll(() => f?.stop());

async function productWith(units: number[]): Promise<TestProduct> {
  return f.product(boutique, { variants: units.map((stock) => variantInput({ stock })) });
}

async function levels(variantId: string) {
  const stock = (await f.stock(variantId))!;
  return { available: stock.available, reserved: stock.reserved, sold: stock.sold };
}

/** Waits until the saga has answered every order. */
function settled(orderIds: string[]) {
  return waitFor(
    async () => {
      const statuses = await Promise.all(orderIds.map((id) => f.reservation(id)));
      return statuses.every((r) => r && r.status !== 'pending') && statuses.map((r) => r!.status);
    },
    { timeoutMs: 60_000, message: 'every reservation settled' },
  );
}

describe('stock saga', () => {
  it('reserves exactly the last units for concurrent orders delivered through Kafka', async () => {
    const product = await productWith([5]);
    const variant = product.variants[0];
    const orders = await Promise.all(
      Array.from({ length: 20 }, () => f.order(boutique, [{ product, variant, quantity: 1 }])),
    );
    const statuses = await settled(orders.map((o) => o.orderId));
    expect(statuses.filter((s) => s === 'reserved')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'failed')).toHaveLength(15);
    expect(await levels(variant.id)).toEqual({ available: 0, reserved: 5, sold: 0 });
    const failedOrder = orders[statuses.indexOf('failed')];
    const answer = await findEvent(
      f.subgraph.runtime.kafka,
      'vitrine.products',
      'stock.reservation_failed',
      (e) => e.data.orderId === failedOrder.orderId,
    );
    expect(answer.data).toMatchObject({ variantId: variant.id, requested: 1, available: 0 });
    const reservedOrder = orders[statuses.indexOf('reserved')];
    const reserved = await findEvent(
      f.subgraph.runtime.kafka,
      'vitrine.products',
      'stock.reserved',
      (e) => e.data.orderId === reservedOrder.orderId,
    );
    expect(reserved.data.items).toEqual(reservedOrder.data.items);
  });

  it('never oversells when reservations truly run at once, and conserves units', async () => {
    const product = await productWith([5]);
    const variant = product.variants[0];
    const db = f.subgraph.runtime.db;
    const outbox = f.subgraph.runtime.outboxWriter;
    const saga = new ReservationService(
      createReservationModel(db),
      createBoutiqueTeamModel(db),
      new StockService(createStockModel(db), outbox),
      outbox,
    );
    const events = Array.from({ length: 20 }, () => {
      const orderId = new Types.ObjectId().toHexString();
      return createEvent('vitrine.orders', 'order.created', orderId, {
        orderId,
        checkoutId: `checkout-${orderId}`,
        checkoutOrderIds: [orderId],
        customerId: new Types.ObjectId().toHexString(),
        boutiqueId: boutique.id,
        items: [
          {
            productId: product.id,
            variantId: variant.id,
            sku: variant.sku,
            quantity: 1,
            unitPrice: { amount: 4900, currency: 'EUR' },
          },
        ],
        subtotal: { amount: 4900, currency: 'EUR' },
        tax: { amount: 0, currency: 'EUR' },
        deliveryFee: { amount: 0, currency: 'EUR' },
        total: { amount: 4900, currency: 'EUR' },
      });
    });
    // Each event twice, all at once: concurrent orders and concurrent redeliveries.
    await Promise.all([...events, ...events].map((e) => saga.onOrderCreated(e)));
    const statuses = await Promise.all(events.map((e) => f.reservation(e.data.orderId)));
    expect(statuses.filter((r) => r?.status === 'reserved')).toHaveLength(5);
    expect(statuses.filter((r) => r?.status === 'failed')).toHaveLength(15);
    const after = await levels(variant.id);
    expect(after).toEqual({ available: 0, reserved: 5, sold: 0 });
    expect(after.available + after.reserved + after.sold).toBe(5);
  });

  it('reserves nothing twice when order.created is delivered again', async () => {
    const product = await productWith([4]);
    const variant = product.variants[0];
    const { orderId, data, event } = await f.order(boutique, [{ product, variant, quantity: 3 }]);
    await settled([orderId]);
    expect(await levels(variant.id)).toEqual({ available: 1, reserved: 3, sold: 0 });
    // The same event again (inbox), and the same order in a new envelope (reservation document).
    await f.subgraph.runtime.publisher.publish([event]);
    const copy = await f.publish('order.created', orderId, data);
    const marker = await f.order(boutique, [{ product, variant, quantity: 1 }]);
    await settled([marker.orderId]); // delivered after both copies, in the same partition order
    expect(copy.id).not.toBe(event.id);
    expect(await levels(variant.id)).toEqual({ available: 0, reserved: 4, sold: 0 });
    expect((await f.reservation(orderId))!.status).toBe('reserved');
  });

  it('takes nothing when one item of an order cannot be reserved', async () => {
    const product = await productWith([3, 1]);
    const [plenty, scarce] = product.variants as [
      TestProduct['variants'][0],
      TestProduct['variants'][0],
    ];
    const { orderId } = await f.order(boutique, [
      { product, variant: plenty, quantity: 2 },
      { product, variant: scarce, quantity: 2 },
    ]);
    expect(await settled([orderId])).toEqual(['failed']);
    expect(await levels(plenty.id)).toEqual({ available: 3, reserved: 0, sold: 0 });
    expect(await levels(scarce.id)).toEqual({ available: 1, reserved: 0, sold: 0 });
    const answer = await findEvent(
      f.subgraph.runtime.kafka,
      'vitrine.products',
      'stock.reservation_failed',
      (e) => e.data.orderId === orderId,
    );
    expect(answer.data).toMatchObject({ variantId: scarce.id, requested: 2, available: 1 });
  });

  it('releases a cancelled order and sells a paid one', async () => {
    const product = await productWith([6]);
    const variant = product.variants[0];
    const cancelled = await f.order(boutique, [{ product, variant, quantity: 2 }]);
    const paid = await f.order(boutique, [{ product, variant, quantity: 3 }]);
    await settled([cancelled.orderId, paid.orderId]);
    expect(await levels(variant.id)).toEqual({ available: 1, reserved: 5, sold: 0 });

    await f.publish('order.cancelled', cancelled.orderId, {
      orderId: cancelled.orderId,
      customerId: cancelled.data.customerId,
      boutiqueId: boutique.id,
      reason: 'customer',
      items: cancelled.data.items,
      actorId: null,
    });
    const move = {
      orderId: paid.orderId,
      checkoutId: paid.data.checkoutId,
      customerId: paid.data.customerId,
      boutiqueId: boutique.id,
      actorId: null,
    };
    await f.publish('order.status_updated', paid.orderId, {
      ...move,
      from: 'pending_payment',
      to: 'paid',
    });
    // A later move does not sell twice.
    await f.publish('order.status_updated', paid.orderId, {
      ...move,
      from: 'paid',
      to: 'accepted',
    });
    await waitFor(
      async () =>
        (await f.reservation(cancelled.orderId))?.status === 'released' &&
        (await f.reservation(paid.orderId))?.status === 'committed',
      { message: 'release and commit' },
    );
    expect(await levels(variant.id)).toEqual({ available: 3, reserved: 0, sold: 3 });
    const changed = await findEvent(
      f.subgraph.runtime.kafka,
      'vitrine.products',
      'product.stock_changed',
      (e) => e.data.variantId === variant.id && e.data.available === 3,
    );
    expect(changed.data.productId).toBe(product.id);

    // The paid order is cancelled (refunded before it was prepared): its units go back on sale,
    // once, however many times the cancellation is delivered.
    const cancelPaid = {
      orderId: paid.orderId,
      customerId: paid.data.customerId,
      boutiqueId: boutique.id,
      reason: 'refunded',
      items: paid.data.items,
      actorId: null,
    };
    await f.publish('order.cancelled', paid.orderId, cancelPaid);
    await f.publish('order.cancelled', paid.orderId, cancelPaid);
    await waitFor(async () => (await f.reservation(paid.orderId))?.status === 'restored', {
      message: 'the units of the cancelled paid order back on sale',
    });
    expect(await levels(variant.id)).toEqual({ available: 6, reserved: 0, sold: 0 });
  });

  it('announces out of stock and back in stock, and search follows', async () => {
    const product = await productWith([1]);
    const variant = product.variants[0];
    const inStock = async () => {
      const { products } = await f.client.data<{ products: { edges: { node: { id: string } }[] } }>(
        `query ($filter: ProductFilter) { products(filter: $filter) { edges { node { id } } } }`,
        { filter: { boutiqueId: boutique.id, inStock: true } },
      );
      return products.edges.some((e) => e.node.id === product.id);
    };
    expect(await inStock()).toBe(true);
    const { orderId, data } = await f.order(boutique, [{ product, variant, quantity: 1 }]);
    await settled([orderId]);
    await findEvent(
      f.subgraph.runtime.kafka,
      'vitrine.products',
      'product.out_of_stock',
      (e) => e.data.variantId === variant.id,
    );
    await waitFor(async () => !(await inStock()), { message: 'out of the in-stock filter' });

    await f.publish('order.cancelled', orderId, {
      orderId,
      customerId: data.customerId,
      boutiqueId: boutique.id,
      reason: 'timeout',
      items: data.items,
      actorId: null,
    });
    const back = await findEvent(
      f.subgraph.runtime.kafka,
      'vitrine.products',
      'product.back_in_stock',
      (e) => e.data.variantId === variant.id,
    );
    expect(back.data.available).toBe(1);
    await waitFor(() => inStock(), { message: 'back in the in-stock filter' });
  });
});
