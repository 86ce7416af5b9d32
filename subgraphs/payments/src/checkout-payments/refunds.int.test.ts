import { Role, topicOf } from '@vitrine/platform';
import { findEvent, waitFor } from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYMENT, PaymentsTestbed, REFUND, type TestUser } from '../test/payments.testbed.js';

let t: PaymentsTestbed;
let owner: TestUser;
let staff: TestUser;
let admin: TestUser;
let boutiqueA: string;
let boutiqueB: string;

beforeAll(async () => {
  t = await PaymentsTestbed.start();
  [owner, staff, admin] = await Promise.all([
    t.user(Role.BOUTIQUE_OWNER),
    t.user(),
    t.user(Role.ADMIN),
  ]);
  [boutiqueA, boutiqueB] = await Promise.all([t.boutique(owner, [staff]), t.boutique(admin)]);
});
afterAll(() => t?.stop());

interface RefundedPayment {
  refunded: { amount: number };
  refunds: { id: string; amount: { amount: number }; status: string; order: { id: string } }[];
  orders: { order: { id: string }; refundable: { amount: number } }[];
}

async function paidTwoBoutiques() {
  const customer = await t.user();
  const checkout = await t.checkout(customer, [
    { boutiqueId: boutiqueA, lines: [{ amount: 3000 }] },
    { boutiqueId: boutiqueB, lines: [{ amount: 2000 }] },
  ]);
  return { customer, checkout, payment: await t.paid(checkout) };
}

function refund(user: TestUser, orderId: string, amount?: number) {
  return t.client.request<{ issueRefund: RefundedPayment }>(
    REFUND,
    { input: { orderId, amount, reason: 'damaged in transit' } },
    { token: user.token },
  );
}

describe('issueRefund', () => {
  it('refunds part of one order, then the rest, and never more than was captured for it', async () => {
    const { checkout, payment } = await paidTwoBoutiques();
    const [orderA, orderB] = checkout.orderIds;
    const partial = await refund(owner, orderA, 1200);
    expect(partial.errors).toBeUndefined();
    // The owner sees their boutique's order only; the other boutique's is untouched.
    expect(partial.data!.issueRefund.orders).toEqual([
      { order: { id: orderA }, refundable: { amount: 1800 } },
    ]);
    const tooMuch = await refund(owner, orderA, 1801);
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.amount',
    });
    const rest = await refund(owner, orderA);
    expect(rest.data!.issueRefund.refunds.map((r) => r.amount.amount)).toEqual([1200, 1800]);
    const none = await refund(owner, orderA, 1);
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const state = await t.client.data<{ payment: RefundedPayment }>(
      PAYMENT,
      { id: payment.id },
      { token: admin.token },
    );
    expect(state.payment.refunded.amount).toBe(3000);
    expect(state.payment.orders).toEqual([
      {
        order: { id: orderA },
        captured: { amount: 3000 },
        refunded: { amount: 3000 },
        refundable: { amount: 0 },
      },
      {
        order: { id: orderB },
        captured: { amount: 2000 },
        refunded: { amount: 0 },
        refundable: { amount: 2000 },
      },
    ]);
  });

  it('never refunds more than was captured, even when refunds race', async () => {
    const { checkout, payment } = await paidTwoBoutiques();
    const orderA = checkout.orderIds[0];
    const answers = await Promise.all(Array.from({ length: 6 }, () => refund(admin, orderA, 1000)));
    const accepted = answers.filter((a) => !a.errors);
    expect(accepted).toHaveLength(3);
    for (const refused of answers.filter((a) => a.errors)) {
      expect(refused.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|CONFLICT/);
    }
    const state = await t.client.data<{ payment: RefundedPayment }>(
      PAYMENT,
      { id: payment.id },
      { token: admin.token },
    );
    expect(state.payment.refunds.reduce((sum, r) => sum + r.amount.amount, 0)).toBe(3000);
  });

  it("lets only the order's boutique team and admins refund, the team within the window", async () => {
    const { customer, checkout, payment } = await paidTwoBoutiques();
    const [orderA, orderB] = checkout.orderIds;
    // A boutique's team sees its own share of a payment that spans two boutiques.
    const seen = await t.client.data<{ payment: RefundedPayment }>(
      PAYMENT,
      { id: payment.id },
      { token: staff.token },
    );
    expect(seen.payment.orders.map((o) => o.order.id)).toEqual([orderA]);
    await refund(admin, orderB, 300);
    const after = await t.client.data<{ payment: RefundedPayment }>(
      PAYMENT,
      { id: payment.id },
      { token: staff.token },
    );
    // Another boutique's refund is neither listed nor counted for this team.
    expect(after.payment.refunds).toEqual([]);
    expect(after.payment.refunded.amount).toBe(0);
    expect((await refund(customer, orderA, 100)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await refund(owner, orderB, 100)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await refund(staff, orderA, 100)).errors).toBeUndefined();
    expect((await refund(admin, orderB, 100)).errors).toBeUndefined();

    const late = await PaymentsTestbed.start({ BOUTIQUE_REFUND_WINDOW_DAYS: '0' });
    try {
      const lateOwner = await late.user(Role.BOUTIQUE_OWNER);
      const boutique = await late.boutique(lateOwner);
      const buyer = await late.user();
      const lateCheckout = await late.checkout(buyer, [
        { boutiqueId: boutique, lines: [{ amount: 900 }] },
      ]);
      await late.paid(lateCheckout);
      const answer = await late.client.request(
        REFUND,
        { input: { orderId: lateCheckout.orderIds[0], reason: 'too late now' } },
        { token: lateOwner.token },
      );
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(answer.errors?.[0]?.message).toMatch(/refund window/);
    } finally {
      await late.stop();
    }
  });

  it("confirms refunds from Stripe's charge.refunded, once, with payment.refunded", async () => {
    const { customer, checkout, payment } = await paidTwoBoutiques();
    const orderB = checkout.orderIds[1];
    await refund(admin, orderB, 500);
    await refund(admin, orderB, 700);
    for (let i = 0; i < 2; i++) expect((await t.chargeRefunded(payment, 500)).status).toBe(200);
    let state = await t.client.data<{ payment: RefundedPayment }>(
      PAYMENT,
      { id: payment.id },
      { token: customer.token },
    );
    expect(state.payment.refunds.map((r) => r.status)).toEqual(['SUCCEEDED', 'PENDING']);
    const first = await findEvent(
      t.subgraph.runtime.kafka,
      topicOf('payment.refunded'),
      'payment.refunded',
      (e) => e.data.paymentId === payment.id,
    );
    expect(first.data).toMatchObject({
      orderId: orderB,
      boutiqueId: boutiqueB,
      customerId: customer.id,
      amount: { amount: 500, currency: 'EUR' },
      orderCaptured: { amount: 2000, currency: 'EUR' },
      orderRefunded: { amount: 500, currency: 'EUR' },
      paymentCaptured: { amount: 5000, currency: 'EUR' },
    });
    expect((await t.chargeRefunded(payment, 1200)).status).toBe(200);
    state = await t.client.data<{ payment: RefundedPayment }>(
      PAYMENT,
      { id: payment.id },
      { token: customer.token },
    );
    expect(state.payment.refunds.map((r) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
  });

  it('refunds by itself an order cancelled after it was paid', async () => {
    const { customer, checkout, payment } = await paidTwoBoutiques();
    const orderA = checkout.orderIds[0];
    await t.publish('order.cancelled', orderA, {
      orderId: orderA,
      customerId: customer.id,
      boutiqueId: boutiqueA,
      reason: 'out_of_stock',
      items: [],
      actorId: null,
    });
    // Booked and asked of Stripe at once; confirmed when Stripe says so (charge.refunded).
    const state = await waitForRefund(payment.id, customer);
    expect(state.refunds).toEqual([
      expect.objectContaining({
        order: { id: orderA },
        amount: { amount: 3000 },
        status: 'PENDING',
      }),
    ]);
  });
});

async function waitForRefund(paymentId: string, user: TestUser): Promise<RefundedPayment> {
  return waitFor(
    async () => {
      const { payment } = await t.client.data<{ payment: RefundedPayment }>(
        PAYMENT,
        { id: paymentId },
        { token: user.token },
      );
      return payment.refunds.length ? payment : undefined;
    },
    { message: 'the automatic refund' },
  );
}
