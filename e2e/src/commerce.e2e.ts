import { randomUUID } from 'node:crypto';
import { createEvent, KafkaEventPublisher } from '@vitrine/platform';
import { SubscriptionProbe, uniqueEmail, waitFor } from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AcceptOrderDocument,
  AddToCartDocument,
  ApplyForBoutiqueDocument,
  ApproveBoutiqueDocument,
  CheckoutDocument,
  CreateProductDocument,
  LoginDocument,
  OrderStockDocument,
  OrderUpdatedDocument,
  RegisterDocument,
  SearchProductsDocument,
  SetProductStatusDocument,
  StartPreparingOrderDocument,
} from './generated/graphql.js';
import { startSupergraph, type Supergraph } from './supergraph.js';

/**
 * The spine of the marketplace through the gateway, with real HTTP and graphql-ws clients: a user
 * opens a boutique, an admin approves it, owners list products, a customer searches, fills a cart
 * from two boutiques, checks out, pays (payment.completed arrives on Kafka, as the payments
 * subgraph will publish it), and watches the boutique accept and prepare the order live.
 */
let stack: Supergraph;
beforeAll(async () => {
  stack = await startSupergraph();
});
afterAll(() => stack?.stop());

const PASSWORD = 'Correct-Horse-42';
const WEEK = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;

async function account(name: string) {
  const { register } = await stack.client.data(RegisterDocument, {
    input: { email: uniqueEmail(name), password: PASSWORD, firstName: name },
  });
  return { id: register.user.id, token: register.accessToken };
}

/** Retries an operation that depends on a read model another subgraph feeds through Kafka. */
function eventually<T>(attempt: () => Promise<T | undefined>, message: string): Promise<T> {
  return waitFor(() => attempt(), { timeoutMs: 30_000, intervalMs: 250, message });
}

async function openBoutique(
  owner: { token: string },
  admin: string,
  name: string,
  latitude: number,
  longitude: number,
) {
  const { applyForBoutique } = await stack.client.data(
    ApplyForBoutiqueDocument,
    {
      input: {
        name,
        description: `${name}, an independent boutique`,
        contact: { email: uniqueEmail('contact') },
        address: {
          line1: '1 rue de la Mode',
          city: 'Lyon',
          postalCode: '69002',
          country: 'FR',
          latitude,
          longitude,
        },
        openingHours: {
          timezone: 'Europe/Paris',
          days: WEEK.map((weekday) => ({ weekday, ranges: [{ opens: '00:00', closes: '24:00' }] })),
        },
        categories: ['fashion'],
      },
    },
    { token: owner.token },
  );
  expect(applyForBoutique.status).toBe('PENDING');
  const { approveBoutique } = await stack.client.data(
    ApproveBoutiqueDocument,
    { id: applyForBoutique.id },
    { token: admin },
  );
  expect(approveBoutique.status).toBe('APPROVED');
  return applyForBoutique.id;
}

async function listProduct(
  owner: { token: string },
  boutiqueId: string,
  title: string,
  amount: number,
) {
  const { createProduct } = await eventually(
    () =>
      stack.client.data(
        CreateProductDocument,
        {
          input: {
            boutiqueId,
            title,
            description: 'Hand-made, limited run',
            variants: [
              {
                sku: `SKU-${randomUUID().slice(0, 8)}`,
                size: 'M',
                colour: 'black',
                price: { amount, currency: 'EUR' },
                stock: 5,
              },
            ],
          },
        },
        { token: owner.token },
      ),
    'the approved boutique to reach the catalog',
  );
  await stack.client.data(
    SetProductStatusDocument,
    { id: createProduct.id, status: 'ACTIVE' },
    { token: owner.token },
  );
  return { productId: createProduct.id, variantId: createProduct.variants[0].id };
}

describe('commerce through the gateway', () => {
  it('takes a customer from search to a prepared order, live', async () => {
    const { login: admin } = await stack.client.data(LoginDocument, { input: stack.admin });
    const ownerA = await account('Aline');
    const ownerB = await account('Bruno');
    const customer = await account('Chloe');
    const word = `linen${randomUUID().slice(0, 6)}`;

    const boutiqueA = await openBoutique(ownerA, admin.accessToken, `Atelier ${word}`, 45.76, 4.83);
    const boutiqueB = await openBoutique(
      ownerB,
      admin.accessToken,
      `Boutique ${word}`,
      45.75,
      4.85,
    );
    const jacket = await listProduct(ownerA, boutiqueA, `${word} jacket`, 12_900);
    const scarf = await listProduct(ownerB, boutiqueB, `${word} scarf`, 2_500);

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

      const publisher = new KafkaEventPublisher(stack.subgraphs[0].runtime.kafka);
      await publisher.publish([
        createEvent('vitrine.payments', 'payment.completed', checkout.id, {
          paymentId: `pi_${randomUUID().replace(/-/g, '')}`,
          checkoutId: checkout.id,
          orderIds: checkout.orders.map((o) => o.id),
          customerId: customer.id,
          amount: checkout.total,
        }),
      ]);
      await publisher.disconnect();

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
