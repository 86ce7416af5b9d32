import { randomUUID } from 'node:crypto';
import { SubscriptionProbe } from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AcceptOrderDocument,
  AddToCartDocument,
  CheckoutDocument,
  OrderStockDocument,
  OrderUpdatedDocument,
  SearchProductsDocument,
  StartPreparingOrderDocument,
} from './generated/graphql.js';
import {
  account,
  adminOf,
  eventually,
  intentSucceeded,
  listProduct,
  openBoutique,
  startPayment,
} from './marketplace.js';
import { startSupergraph, type Supergraph } from './supergraph.js';

/**
 * The spine of the marketplace through the gateway, with real HTTP and graphql-ws clients: a user
 * opens a boutique, an admin approves it, owners list products, a customer searches, fills a cart
 * from two boutiques, checks out, pays (a PaymentIntent from payments and Stripe's signed
 * webhook; payments.e2e.ts looks at the payment itself), and watches the
 * boutique accept and prepare the order live.
 */
let stack: Supergraph;
beforeAll(async () => {
  stack = await startSupergraph();
});
afterAll(() => stack?.stop());

describe('commerce through the gateway', () => {
  it('takes a customer from search to a prepared order, live', async () => {
    const admin = await adminOf(stack);
    const ownerA = await account(stack, 'Aline');
    const ownerB = await account(stack, 'Bruno');
    const customer = await account(stack, 'Chloe');
    const word = `linen${randomUUID().slice(0, 6)}`;

    const boutiqueA = await openBoutique(stack, ownerA, admin, `Atelier ${word}`, 45.76, 4.83);
    const boutiqueB = await openBoutique(stack, ownerB, admin, `Boutique ${word}`, 45.75, 4.85);
    const jacket = await listProduct(stack, ownerA, boutiqueA, `${word} jacket`, 12_900);
    const scarf = await listProduct(stack, ownerB, boutiqueB, `${word} scarf`, 2_500);

    // The customer finds both, each with its boutique's name from the boutiques subgraph.
    const found = await eventually(async () => {
      const { products } = await stack.client.data(SearchProductsDocument, {
        filter: { search: word },
        first: 10,
      });
      return products.totalCount === 2 ? products : undefined;
    }, 'both products in search');
    expect(found.edges.map((e) => e.node.boutique.name).sort()).toEqual([
      `Atelier ${word}`,
      `Boutique ${word}`,
    ]);

    // A cart from two boutiques, priced by the server.
    await eventually(
      () =>
        stack.client.data(AddToCartDocument, { ...jacket, quantity: 1 }, { token: customer.token }),
      'the product to reach the orders read model',
    );
    const { addToCart } = await eventually(
      () =>
        stack.client.data(AddToCartDocument, { ...scarf, quantity: 2 }, { token: customer.token }),
      'the second product to reach the orders read model',
    );
    expect(addToCart).toEqual({
      itemCount: 3,
      subtotal: { amount: 12_900 + 2 * 2_500, currency: 'EUR' },
    });

    const address = {
      recipientName: 'Chloé',
      line1: '3 quai Saint-Antoine',
      city: 'Lyon',
      postalCode: '69002',
      country: 'FR',
    };
    const key = randomUUID();
    const { checkout } = await stack.client.data(
      CheckoutDocument,
      { key, address },
      { token: customer.token },
    );
    if (checkout.__typename !== 'Checkout')
      throw new Error(`checkout refused: ${JSON.stringify(checkout)}`);
    expect(checkout.orders).toHaveLength(2);
    expect(checkout.orders.every((o) => o.status === 'PENDING_PAYMENT')).toBe(true);
    // Retried with the same key: the same checkout, nothing created twice.
    const again = await stack.client.data(
      CheckoutDocument,
      { key, address },
      { token: customer.token },
    );
    expect(again.checkout.__typename === 'Checkout' && again.checkout.id).toBe(checkout.id);

    const orderA = checkout.orders.find((o) => o.boutique.id === boutiqueA)!;
    const probe = await SubscriptionProbe.open(
      stack.gateway.url,
      OrderUpdatedDocument,
      { id: orderA.id },
      customer.token,
    );
    try {
      // Products reserved the stock of both orders.
      for (const order of checkout.orders) {
        await eventually(async () => {
          const { order: current } = await stack.client.data(
            OrderStockDocument,
            { id: order.id },
            { token: customer.token },
          );
          return current.stock === 'RESERVED' ? current : undefined;
        }, 'the stock reservation');
      }

      // Pays: a PaymentIntent from payments, and Stripe's signed success notice.
      const { payment } = await startPayment(stack, customer, { checkoutId: checkout.id });
      expect(payment.amount).toEqual(checkout.total);
      const notice = await stack.stripeWebhook(
        'payment_intent.succeeded',
        intentSucceeded(payment),
      );
      expect(notice.status).toBe(200);

      const paid = await probe.next(30_000);
      expect(paid.errors).toBeUndefined();
      expect(paid.data?.orderUpdated).toEqual({
        id: orderA.id,
        status: 'PAID',
        boutique: { name: `Atelier ${word}` },
        items: [{ quantity: 1, product: { title: `${word} jacket` } }],
      });

      await stack.client.data(AcceptOrderDocument, { id: orderA.id }, { token: ownerA.token });
      expect((await probe.next()).data?.orderUpdated.status).toBe('ACCEPTED');
      await stack.client.data(
        StartPreparingOrderDocument,
        { id: orderA.id },
        { token: ownerA.token },
      );
      expect((await probe.next()).data?.orderUpdated.status).toBe('PREPARING');

      // The other boutique's owner cannot move this order.
      const foreign = await stack.client.request(
        AcceptOrderDocument,
        { id: orderA.id },
        { token: ownerB.token },
      );
      expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await probe.close();
    }
  });
});
