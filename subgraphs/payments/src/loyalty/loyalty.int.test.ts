import { Role } from '@vitrine/platform';
import { waitFor } from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentsTestbed, START, type TestUser } from '../test/payments.testbed.js';

let t: PaymentsTestbed;
let boutique: string;
let admin: TestUser;

beforeAll(async () => {
  t = await PaymentsTestbed.start();
  admin = await t.user(Role.ADMIN);
  boutique = await t.boutique(await t.user(Role.BOUTIQUE_OWNER));
});
afterAll(() => t?.stop());

interface Loyalty {
  balance: number;
  nextExpiry: { points: number; at: string } | null;
  history: { totalCount: number; edges: { node: { kind: string; points: number } }[] };
}

const LOYALTY = `query ($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { loyalty { balance nextExpiry { points at } history(first: 10) { totalCount edges { node { kind points } } } } } } }`;

async function loyaltyOf(user: TestUser, as: TestUser = user): Promise<Loyalty> {
  const data = await t.client.data<{ _entities: { loyalty: Loyalty }[] }>(
    LOYALTY,
    { id: user.id },
    { token: as.token },
  );
  return data._entities[0].loyalty;
}

function untilBalance(user: TestUser, balance: number) {
  return waitFor(
    async () => {
      const loyalty = await loyaltyOf(user);
      return loyalty.balance === balance ? loyalty : undefined;
    },
    { message: `a balance of ${balance}` },
  );
}

/** A customer who earned points on a paid checkout of `amount` cents (1 point per euro). */
async function customerWith(amount: number) {
  const customer = await t.user();
  const checkout = await t.checkout(customer, [{ boutiqueId: boutique, lines: [{ amount }] }]);
  const payment = await t.paid(checkout);
  await untilBalance(customer, Math.floor(amount / 100));
  return { customer, payment, checkout };
}

describe('loyalty points', () => {
  it('earns points on a completed payment, once, and shows them only to their owner and admins', async () => {
    const { customer, payment } = await customerWith(12_345);
    await t.intentEvent('succeeded', payment);
    const loyalty = await loyaltyOf(customer);
    expect(loyalty.balance).toBe(123);
    expect(loyalty.history.edges.map((e) => e.node)).toEqual([{ kind: 'EARNED', points: 123 }]);
    expect(loyalty.nextExpiry?.points).toBe(123);
    expect((await loyaltyOf(customer, admin)).balance).toBe(123);
    const stranger = await t.user();
    const peek = await t.client.request(LOYALTY, { id: customer.id }, { token: stranger.token });
    expect(peek.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('spends points as a discount, and never more than the balance, even concurrently', async () => {
    const { customer } = await customerWith(50_000); // 500 points
    const checkouts = await Promise.all(
      [0, 1, 2].map(() =>
        t.checkout(customer, [{ boutiqueId: boutique, lines: [{ amount: 10_000 }] }]),
      ),
    );
    const answers = await Promise.all(
      checkouts.map((k) =>
        t.client.request<{ startCheckoutPayment: { payment: { amount: { amount: number } } } }>(
          START,
          { input: { checkoutId: k.checkoutId, loyaltyPoints: 200 } },
          { token: customer.token },
        ),
      ),
    );
    const paid = answers.filter((a) => !a.errors);
    expect(paid).toHaveLength(2); // 2 × 200 of 500; a third would overdraw
    // 200 points are worth 2 €: taken off the amount charged.
    expect(paid.map((a) => a.data!.startCheckoutPayment.payment.amount.amount)).toEqual([
      9800, 9800,
    ]);
    expect(answers.find((a) => a.errors)?.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.loyaltyPoints',
    });
    expect((await loyaltyOf(customer)).balance).toBe(100);
  });

  it('refuses points worth more than the share of a checkout they may pay', async () => {
    const { customer } = await customerWith(200_000); // 2000 points, worth 20 €
    const small = await t.checkout(customer, [{ boutiqueId: boutique, lines: [{ amount: 1000 }] }]);
    const answer = await t.client.request(
      START,
      { input: { checkoutId: small.checkoutId, loyaltyPoints: 600 } },
      { token: customer.token },
    );
    expect(answer.errors?.[0]?.extensions).toMatchObject({ field: 'input.loyaltyPoints' });
    expect((await loyaltyOf(customer)).balance).toBe(2000);
  });

  it('gives spent points back when the payment fails', async () => {
    const { customer } = await customerWith(30_000);
    const checkout = await t.checkout(customer, [
      { boutiqueId: boutique, lines: [{ amount: 5000 }] },
    ]);
    const { payment } = await t.startPayment(checkout, { loyaltyPoints: 100 });
    expect((await loyaltyOf(customer)).balance).toBe(200);
    await t.declined(payment);
    const back = await untilBalance(customer, 300);
    expect(back.history.edges[0].node).toEqual({ kind: 'RESTORED', points: 100 });
  });

  it('gives spent points back once, when a failed payment succeeds after all and is refunded', async () => {
    const { customer } = await customerWith(30_000); // 300 points
    const checkout = await t.checkout(customer, [
      { boutiqueId: boutique, lines: [{ amount: 5000 }] },
    ]);
    const { payment } = await t.startPayment(checkout, { loyaltyPoints: 100 });
    await t.declined(payment);
    await untilBalance(customer, 300);
    // Stripe captured it after all (4900 paid: 49 points earned), then it is refunded in full.
    await t.intentEvent('succeeded', payment);
    await untilBalance(customer, 349);
    await t.client.data(
      `mutation ($input: RefundOrderInput!) { issueRefund(input: $input) { id } }`,
      { input: { orderId: checkout.orderIds[0], reason: 'returned' } },
      { token: admin.token },
    );
    await t.chargeRefunded(payment, 4900);
    const after = await waitFor(
      async () => {
        const loyalty = await loyaltyOf(customer);
        return loyalty.history.edges.some((e) => e.node.kind === 'REVERSED') ? loyalty : undefined;
      },
      { message: 'the earned points taken back' },
    );
    // The 100 spent came back once (on the failure), not a second time with the refund.
    expect(after.balance).toBe(300);
  });

  it('takes back the refunded share of what a payment earned, never below zero', async () => {
    const { customer, payment, checkout } = await customerWith(40_000); // 400 points
    // Spend 300 of them elsewhere first: a full refund then cannot take 400 back.
    const other = await t.checkout(customer, [
      { boutiqueId: boutique, lines: [{ amount: 100_000 }] },
    ]);
    await t.startPayment(other, { loyaltyPoints: 300 });
    expect((await loyaltyOf(customer)).balance).toBe(100);
    await t.client.data(
      `mutation ($input: RefundOrderInput!) { issueRefund(input: $input) { id } }`,
      { input: { orderId: checkout.orderIds[0], reason: 'returned' } },
      { token: admin.token },
    );
    await t.chargeRefunded(payment, 40_000);
    const after = await untilBalance(customer, 0);
    expect(after.history.edges[0].node).toEqual({ kind: 'REVERSED', points: -100 });
  });
});
