import { newId, Role } from '@vitrine/platform';
import { waitFor } from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentsTestbed, START, type TestUser } from '../test/payments.testbed.js';

let t: PaymentsTestbed;
let admin: TestUser;
let owner: TestUser;
let boutiqueA: string;
let boutiqueB: string;

const CREATE = `mutation ($input: CreateCouponInput!) { createCoupon(input: $input) { id code kind percentOff redeemed maxRedemptions active } }`;

beforeAll(async () => {
  t = await PaymentsTestbed.start();
  [admin, owner] = await Promise.all([t.user(Role.ADMIN), t.user(Role.BOUTIQUE_OWNER)]);
  [boutiqueA, boutiqueB] = await Promise.all([t.boutique(owner), t.boutique(admin)]);
});
afterAll(() => t?.stop());

const code = () => `TEST-${newId().toHexString().slice(-8).toUpperCase()}`;

async function coupon(input: Record<string, unknown>, as: TestUser = admin) {
  const data = await t.client.data<{ createCoupon: { id: string; code: string } }>(
    CREATE,
    { input: { kind: 'PERCENTAGE', percentOff: 10, ...input } },
    { token: as.token },
  );
  return data.createCoupon;
}

function startWith(customer: TestUser, checkoutId: string, couponCode: string) {
  return t.client.request<{
    startCheckoutPayment: { payment: { amount: { amount: number }; discount: { amount: number } } };
  }>(START, { input: { checkoutId, couponCode } }, { token: customer.token });
}

describe('coupons', () => {
  it('takes its percentage off the eligible items only, shared across their orders', async () => {
    const c = await coupon({ code: code(), percentOff: 20, boutiqueId: boutiqueA }, owner);
    const customer = await t.user();
    const checkout = await t.checkout(customer, [
      { boutiqueId: boutiqueA, lines: [{ amount: 5000 }], extra: 499 },
      { boutiqueId: boutiqueB, lines: [{ amount: 3000 }] },
    ]);
    const { payment } = await t.startPayment(checkout, { couponCode: c.code.toLowerCase() });
    expect(payment.coupon).toEqual({ code: c.code, amount: { amount: 1000 } });
    expect(payment.amount.amount).toBe(5499 + 3000 - 1000);
    expect(payment.orders.map((o) => o.discount.amount)).toEqual([1000, 0]);
    expect(payment.orders.map((o) => o.captured.amount)).toEqual([4499, 3000]);
  });

  it('applies to a category and its subcategories, known from products', async () => {
    const clothing = newId().toHexString();
    const shirts = newId().toHexString();
    const shirt = newId().toHexString();
    const mug = newId().toHexString();
    const snapshot = (categoryIds: string[]) => ({
      boutiqueId: boutiqueA,
      title: 'x',
      categoryIds,
      status: 'active' as const,
      variants: [],
    });
    await t.publish('product.created', shirt, {
      productId: shirt,
      snapshot: snapshot([shirts, clothing]),
    });
    await t.publish('product.created', mug, { productId: mug, snapshot: snapshot([]) });
    await waitFor(() => t.db.collection('product_categories').findOne({ _id: mug as never }));
    const c = await coupon({
      code: code(),
      kind: 'FIXED',
      percentOff: null,
      amountOff: { amount: 700, currency: 'EUR' },
      categoryId: clothing,
    });
    const customer = await t.user();
    const checkout = await t.checkout(customer, [
      {
        boutiqueId: boutiqueA,
        lines: [
          { productId: shirt, amount: 2000 },
          { productId: mug, amount: 900 },
        ],
      },
    ]);
    const { payment } = await t.startPayment(checkout, { couponCode: c.code });
    expect(payment.discount.amount).toBe(700);

    const mugOnly = await t.checkout(await t.user(), [
      { boutiqueId: boutiqueA, lines: [{ productId: mug, amount: 900 }] },
    ]);
    const refused = await startWith(mugOnly.customer, mugOnly.checkoutId, c.code);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.couponCode',
    });
  });

  it('refuses an expired, not yet valid, unknown or below-minimum coupon, and charges nothing', async () => {
    const day = 86_400_000;
    const expired = await coupon({
      code: code(),
      validFrom: new Date(Date.now() - 2 * day),
      validUntil: new Date(Date.now() - day),
    });
    const future = await coupon({ code: code(), validFrom: new Date(Date.now() + day) });
    const minimum = await coupon({ code: code(), minOrder: { amount: 10_000, currency: 'EUR' } });
    const customer = await t.user();
    const checkout = await t.checkout(customer, [
      { boutiqueId: boutiqueA, lines: [{ amount: 2500 }] },
    ]);
    const reasons: string[] = [];
    for (const attempt of [expired.code, future.code, 'NO-SUCH-CODE', minimum.code]) {
      const answer = await startWith(customer, checkout.checkoutId, attempt);
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.couponCode',
      });
      reasons.push(answer.errors![0].message);
    }
    expect(reasons).toEqual([
      'This coupon has expired',
      'This coupon is not valid yet',
      'This coupon does not exist or is no longer valid',
      'Your order is below the minimum of this coupon',
    ]);
    expect(
      await t.db.collection('payments').countDocuments({ checkoutId: checkout.checkoutId }),
    ).toBe(0);
  });

  it('counts redemptions exactly once, never beyond its limits, under concurrent checkouts', async () => {
    const c = await coupon({ code: code(), maxRedemptions: 3, perCustomerLimit: 1 });
    const customers = await Promise.all(Array.from({ length: 8 }, () => t.user()));
    const checkouts = await Promise.all(
      customers.map((customer) =>
        t.checkout(customer, [{ boutiqueId: boutiqueA, lines: [{ amount: 1000 }] }]),
      ),
    );
    const answers = await Promise.all(
      checkouts.map((k) => startWith(k.customer, k.checkoutId, c.code)),
    );
    expect(answers.filter((a) => !a.errors)).toHaveLength(3);
    for (const refused of answers.filter((a) => a.errors)) {
      expect(refused.errors?.[0]?.message).toBe('This coupon has been used up');
    }
    // Retrying a start that succeeded counts nothing more.
    const winner = checkouts[answers.findIndex((a) => !a.errors)];
    expect((await startWith(winner.customer, winner.checkoutId, c.code)).errors).toBeUndefined();
    const stored = await t.db.collection('coupons').findOne({ code: c.code });
    expect(stored).toMatchObject({ redeemed: 3, remaining: 0 });

    const one = await coupon({ code: code(), perCustomerLimit: 1 });
    const customer = await t.user();
    const own = await Promise.all(
      [0, 1, 2, 3].map(() =>
        t.checkout(customer, [{ boutiqueId: boutiqueA, lines: [{ amount: 1000 }] }]),
      ),
    );
    const mine = await Promise.all(own.map((k) => startWith(customer, k.checkoutId, one.code)));
    expect(mine.filter((a) => !a.errors)).toHaveLength(1);
  });

  it('gives the redemption back when the payment fails', async () => {
    const c = await coupon({ code: code(), maxRedemptions: 1 });
    const customer = await t.user();
    const checkout = await t.checkout(customer, [
      { boutiqueId: boutiqueA, lines: [{ amount: 1000 }] },
    ]);
    const { payment } = await t.startPayment(checkout, { couponCode: c.code });
    await t.declined(payment);
    await waitFor(
      () => t.db.collection('coupons').findOne({ code: c.code, redeemed: 0, remaining: 1 }),
      { message: 'the redemption given back' },
    );
  });

  it("lets admins create any coupon and a boutique's owner only their boutique's", async () => {
    const refusedOwner = await t.client.request(
      CREATE,
      { input: { code: code(), kind: 'PERCENTAGE', percentOff: 5, boutiqueId: boutiqueB } },
      { token: owner.token },
    );
    expect(refusedOwner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const customer = await t.user();
    const refusedCustomer = await t.client.request(
      CREATE,
      { input: { code: code(), kind: 'PERCENTAGE', percentOff: 5 } },
      { token: customer.token },
    );
    expect(refusedCustomer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const taken = await coupon({ code: code() });
    const again = await t.client.request(
      CREATE,
      { input: { code: taken.code.toLowerCase(), kind: 'PERCENTAGE', percentOff: 5 } },
      { token: admin.token },
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
    const bad = await t.client.request(
      CREATE,
      { input: { code: 'x', kind: 'FIXED' } },
      { token: admin.token },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.code',
    });
  });
});
