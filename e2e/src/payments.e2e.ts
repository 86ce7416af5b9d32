import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddToCartDocument,
  CheckoutDocument,
  CreateCouponDocument,
  IssueRefundDocument,
  MyPaymentsDocument,
  OrderPaymentDocument,
  type CheckoutMutation,
} from './generated/graphql.js';
import {
  account,
  adminOf,
  eventually,
  intentSucceeded,
  listProduct,
  openBoutique,
  startPayment,
  type Account,
} from './marketplace.js';
import { startSupergraph, type Supergraph } from './supergraph.js';

/**
 * A whole purchase through the gateway with real HTTP: cart, checkout, a Stripe PaymentIntent
 * from the payments subgraph (against stripe-mock), Stripe's signed webhook, `payment.completed`
 * on Kafka, and the orders paid; coupons and refunds as customers and admins see them.
 */
let stack: Supergraph;
let admin: Account;
let jacket: { productId: string; variantId: string };
let scarf: { productId: string; variantId: string };
let boutiqueA: string;
let boutiqueB: string;

const JACKET = 12_900;
const SCARF = 2_500;

beforeAll(async () => {
  stack = await startSupergraph();
  admin = await adminOf(stack);
  const word = `silk${randomUUID().slice(0, 6)}`;
  const [ownerA, ownerB] = await Promise.all([account(stack, 'Aline'), account(stack, 'Bruno')]);
  boutiqueA = await openBoutique(stack, ownerA, admin, `Atelier ${word}`);
  boutiqueB = await openBoutique(stack, ownerB, admin, `Boutique ${word}`, 45.75, 4.85);
  jacket = await listProduct(stack, ownerA, boutiqueA, `${word} jacket`, JACKET, 20);
  scarf = await listProduct(stack, ownerB, boutiqueB, `${word} scarf`, SCARF, 20);
});
afterAll(() => stack?.stop());

type Checkout = Extract<CheckoutMutation['checkout'], { __typename: 'Checkout' }>;

/** Fills the customer's cart and checks out: one order per boutique. */
async function checkOut(
  customer: Account,
  lines: { productId: string; variantId: string; quantity: number }[],
): Promise<{ checkout: Checkout; items: number }> {
  let items = 0;
  for (const line of lines) {
    const { addToCart } = await eventually(
      () => stack.client.data(AddToCartDocument, line, { token: customer.token }),
      'the product to reach the orders read model',
    );
    items = addToCart.subtotal?.amount ?? 0;
  }
  const { checkout } = await stack.client.data(
    CheckoutDocument,
    {
      key: randomUUID(),
      address: {
        recipientName: 'Chloé',
        line1: '3 quai Saint-Antoine',
        city: 'Lyon',
        postalCode: '69002',
        country: 'FR',
      },
    },
    { token: customer.token },
  );
  if (checkout.__typename !== 'Checkout') {
    throw new Error(`checkout refused: ${JSON.stringify(checkout)}`);
  }
  return { checkout, items };
}

/** The order as its customer sees it, once it has reached this status. */
function orderInStatus(customer: Account, orderId: string, status: string) {
  return eventually(async () => {
    const { order } = await stack.client.data(
      OrderPaymentDocument,
      { id: orderId },
      { token: customer.token },
    );
    return order.status === status ? order : undefined;
  }, `order ${orderId} to be ${status}`);
}

/** A checkout paid with a card: payment started, Stripe's success delivered, the orders paid. */
async function paidCheckout(customer: Account, lines: Parameters<typeof checkOut>[1]) {
  const { checkout } = await checkOut(customer, lines);
  const { payment } = await startPayment(stack, customer, { checkoutId: checkout.id });
  const delivered = await stack.stripeWebhook('payment_intent.succeeded', intentSucceeded(payment));
  expect(delivered.status).toBe(200);
  for (const order of checkout.orders) await orderInStatus(customer, order.id, 'PAID');
  return { checkout, payment };
}

describe('payments through the gateway', () => {
  it('takes a purchase from cart to paid orders; a webhook delivered three times counts once', async () => {
    const customer = await account(stack, 'Chloe');
    const { checkout, items } = await checkOut(customer, [
      { ...jacket, quantity: 1 },
      { ...scarf, quantity: 2 },
    ]);
    expect(items).toBe(JACKET + 2 * SCARF);
    expect(checkout.orders).toHaveLength(2);

    const started = await startPayment(stack, customer, { checkoutId: checkout.id });
    // What Stripe.js needs to confirm the card payment, for what the orders cost.
    expect(started.clientSecret).toMatch(/^pi_\w+_secret_\w+$/);
    const { payment } = started;
    expect(payment.status).toBe('REQUIRES_PAYMENT');
    expect(payment.transactionId).toMatch(/^pi_\w+$/);
    expect(payment.amount).toEqual(checkout.total);
    expect(payment.discount.amount).toBe(0);
    expect([...payment.orderIds].sort()).toEqual(checkout.orders.map((o) => o.id).sort());

    // Asking again (a reload of the payment page) returns the same payment, not a second one.
    const again = await startPayment(stack, customer, { checkoutId: checkout.id });
    expect(again.payment.id).toBe(payment.id);
    expect(again.payment.transactionId).toBe(payment.transactionId);

    // Stripe delivers its event, then delivers the very same event twice more.
    const eventId = `evt_${randomUUID().replaceAll('-', '')}`;
    const deliveries = [];
    for (let i = 0; i < 3; i++) {
      deliveries.push(
        await stack.stripeWebhook('payment_intent.succeeded', intentSucceeded(payment), {
          id: eventId,
        }),
      );
    }
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
    expect(deliveries[0].body).toEqual({ received: true });
    expect(deliveries.slice(1).map((d) => d.body.duplicate)).toEqual([true, true]);

    // payment.completed reaches orders: each order is paid, its payment seen on the order.
    for (const placed of checkout.orders) {
      const order = await orderInStatus(customer, placed.id, 'PAID');
      expect(order.payment).toMatchObject({
        status: 'SUCCEEDED',
        transactionId: payment.transactionId,
        amount: checkout.total,
      });
      expect(order.history.filter((change) => change.to === 'PAID')).toEqual([
        { from: 'PENDING_PAYMENT', to: 'PAID' },
      ]);
    }

    // One payment in the customer's history, and the loyalty points it earned: 1 per euro.
    const points = Math.floor(checkout.total.amount / 100);
    const { me } = await eventually(async () => {
      const data = await stack.client.data(MyPaymentsDocument, {}, { token: customer.token });
      return data.me.loyalty.balance > 0 ? data : undefined;
    }, 'the loyalty points of the payment');
    expect(me.loyalty.balance).toBe(points);
    expect(me.payments.totalCount).toBe(1);
    expect(me.payments.edges.map((e) => e.node)).toEqual([
      { id: payment.id, status: 'SUCCEEDED', amount: checkout.total },
    ]);
  });

  it('takes 10 % of the items off the amount charged with an admin’s coupon', async () => {
    const code = `WELCOME${randomUUID().slice(0, 6).toUpperCase()}`;
    const { createCoupon } = await stack.client.data(
      CreateCouponDocument,
      { input: { code, description: '10 % off', kind: 'PERCENTAGE', percentOff: 10 } },
      { token: admin.token },
    );
    expect(createCoupon).toMatchObject({ code, kind: 'PERCENTAGE', percentOff: 10, active: true });

    const customer = await account(stack, 'Dora');
    const { checkout, items } = await checkOut(customer, [{ ...jacket, quantity: 2 }]);
    expect(items).toBe(2 * JACKET);
    const off = Math.floor(items / 10);

    // Typed as a customer would: in lower case.
    const { payment } = await startPayment(stack, customer, {
      checkoutId: checkout.id,
      couponCode: code.toLowerCase(),
    });
    expect(payment.subtotal).toEqual(checkout.total);
    expect(payment.coupon).toEqual({ code, amount: { amount: off, currency: 'EUR' } });
    expect(payment.discount).toEqual({ amount: off, currency: 'EUR' });
    expect(payment.amount).toEqual({ amount: checkout.total.amount - off, currency: 'EUR' });

    const delivered = await stack.stripeWebhook(
      'payment_intent.succeeded',
      intentSucceeded(payment),
    );
    expect(delivered.status).toBe(200);
    const order = await orderInStatus(customer, checkout.orders[0].id, 'PAID');
    expect(order.payment?.amount).toEqual({ amount: checkout.total.amount - off, currency: 'EUR' });
  });

  it('refunds part of one order, never more than captured, confirmed by Stripe’s webhook', async () => {
    const customer = await account(stack, 'Emile');
    const { checkout, payment } = await paidCheckout(customer, [
      { ...jacket, quantity: 1 },
      { ...scarf, quantity: 1 },
    ]);
    const jacketOrder = checkout.orders.find((o) => o.boutique.id === boutiqueA)!;
    const scarfOrder = checkout.orders.find((o) => o.boutique.id === boutiqueB)!;

    // More than was captured for the order is refused, and nothing is refunded.
    const tooMuch = await stack.client.request(
      IssueRefundDocument,
      {
        input: {
          orderId: jacketOrder.id,
          amount: jacketOrder.total.amount + 1,
          reason: 'damaged',
        },
      },
      { token: admin.token },
    );
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.amount',
    });

    const part = 3_000;
    const { issueRefund } = await stack.client.data(
      IssueRefundDocument,
      { input: { orderId: jacketOrder.id, amount: part, reason: 'a button was missing' } },
      { token: admin.token },
    );
    expect(issueRefund.refunded).toEqual({ amount: part, currency: 'EUR' });
    expect(issueRefund.refunds).toEqual([
      expect.objectContaining({
        status: 'PENDING',
        amount: { amount: part, currency: 'EUR' },
        order: { id: jacketOrder.id },
      }),
    ]);

    // Stripe confirms: the charge of the PaymentIntent is refunded by that much.
    const confirmed = await stack.stripeWebhook('charge.refunded', {
      id: `ch_${randomUUID().replaceAll('-', '')}`,
      object: 'charge',
      amount: payment.amount.amount,
      amount_refunded: part,
      currency: 'eur',
      payment_intent: payment.transactionId,
      refunded: false,
    });
    expect(confirmed.status).toBe(200);

    const { order } = await stack.client.data(
      OrderPaymentDocument,
      { id: jacketOrder.id },
      { token: customer.token },
    );
    expect(order.payment?.refunds).toEqual([
      {
        status: 'SUCCEEDED',
        reason: 'a button was missing',
        amount: { amount: part, currency: 'EUR' },
        order: { id: jacketOrder.id },
      },
    ]);
    const shares = new Map(order.payment?.orders.map((s) => [s.order.id, s]));
    expect(shares.get(jacketOrder.id)).toMatchObject({
      captured: { amount: jacketOrder.total.amount },
      refunded: { amount: part },
      refundable: { amount: jacketOrder.total.amount - part },
    });
    // The other boutique's order keeps all it was paid.
    expect(shares.get(scarfOrder.id)).toMatchObject({
      captured: { amount: scarfOrder.total.amount },
      refunded: { amount: 0 },
      refundable: { amount: scarfOrder.total.amount },
    });
  });
});
