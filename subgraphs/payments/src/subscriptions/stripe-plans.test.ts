import { createLogger } from '@vitrine/platform';
import { describe, expect, it } from 'vitest';
import type { Stripe } from '../stripe/stripe-client.js';
import { findPlan } from './plans.js';
import { factsFromStripe, invoiceSubscription } from './stripe-mapping.js';
import { StripePlans } from './stripe-plans.js';
import { SubscriptionStatus } from './subscription-state.js';

const logger = createLogger({ service: 'payments', level: 'silent' });
const pro = findPlan('pro')!;

/** A Stripe double of the calls the plan sync makes, recording them. */
function fakeStripe(existing: Record<string, unknown>[] = []) {
  const calls: { method: string; params: Record<string, unknown>; key?: string }[] = [];
  let n = 0;
  const stripe = {
    prices: {
      list: (params: Record<string, unknown>) => {
        calls.push({ method: 'prices.list', params });
        return Promise.resolve({ data: existing });
      },
      create: (params: Record<string, unknown>, options: { idempotencyKey: string }) => {
        calls.push({ method: 'prices.create', params, key: options.idempotencyKey });
        n += 1;
        return Promise.resolve({ id: `price_new_${n}` });
      },
    },
    products: {
      create: (params: Record<string, unknown>, options: { idempotencyKey: string }) => {
        calls.push({ method: 'products.create', params, key: options.idempotencyKey });
        return Promise.reject(
          Object.assign(new Error('exists'), { code: 'resource_already_exists' }),
        );
      },
    },
  };
  return { stripe: stripe as unknown as Stripe, calls };
}

describe(StripePlans.name, () => {
  it('takes the existing price of the lookup key, once per process', async () => {
    const { stripe, calls } = fakeStripe([
      {
        id: 'price_pro_m',
        lookup_key: 'vitrine_pro_month',
        active: true,
        unit_amount: 4900,
        currency: 'eur',
        recurring: { interval: 'month' },
      },
    ]);
    const plans = new StripePlans(stripe, logger);
    const ids = await Promise.all([plans.priceId(pro, 'month'), plans.priceId(pro, 'month')]);
    expect(ids).toEqual(['price_pro_m', 'price_pro_m']);
    expect(calls.map((c) => c.method)).toEqual(['prices.list']);
    expect(calls[0].params).toMatchObject({ lookup_keys: ['vitrine_pro_month'] });
    expect(plans.known('price_pro_m')).toEqual({ plan: 'pro', interval: 'month' });
  });

  it('creates the product and price with idempotency keys when none matches exactly', async () => {
    // stripe-mock answers any list with a fixture of another amount and no lookup key.
    const { stripe, calls } = fakeStripe([
      { id: 'price_fixture', lookup_key: null, active: true, unit_amount: 2000, currency: 'usd' },
    ]);
    const plans = new StripePlans(stripe, logger);
    expect(await plans.priceId(pro, 'year')).toBe('price_new_1');
    expect(calls.map((c) => [c.method, c.key])).toEqual([
      ['prices.list', undefined],
      ['products.create', 'vitrine-product-vitrine_pro'],
      ['prices.create', 'vitrine-price-vitrine_pro_year-49000'],
    ]);
    expect(calls[2].params).toMatchObject({
      product: 'vitrine_pro',
      currency: 'eur',
      unit_amount: 49_000,
      recurring: { interval: 'year' },
      lookup_key: 'vitrine_pro_year',
      transfer_lookup_key: true,
    });
    expect(await plans.priceId(pro, 'year')).toBe('price_new_1');
    expect(calls).toHaveLength(3);
  });
});

describe('factsFromStripe', () => {
  const subscription = {
    id: 'sub_1',
    object: 'subscription',
    created: 1_900_000_000,
    customer: 'cus_1',
    status: 'past_due',
    cancel_at_period_end: true,
    metadata: { boutiqueId: 'a'.repeat(24) },
    items: {
      data: [
        {
          id: 'si_1',
          current_period_end: 1_900_086_400,
          price: {
            id: 'price_x',
            lookup_key: 'vitrine_premium_year',
            unit_amount: 99_000,
            currency: 'eur',
            recurring: { interval: 'year' },
          },
        },
      ],
    },
  } as unknown as Stripe.Subscription;

  it("maps Stripe's subscription, with the period of its item", () => {
    expect(factsFromStripe(subscription, () => null, null)).toEqual({
      subscriptionId: 'sub_1',
      subscriptionCreated: 1_900_000_000,
      customerId: 'cus_1',
      itemId: 'si_1',
      priceId: 'price_x',
      plan: 'premium',
      interval: 'year',
      price: { amount: 99_000, currency: 'EUR' },
      status: SubscriptionStatus.PAST_DUE,
      cancelAtPeriodEnd: true,
      currentPeriodEnd: new Date(1_900_086_400_000),
    });
  });

  it('ignores a status it does not know', () => {
    expect(factsFromStripe({ ...subscription, status: 'dormant' }, () => null, null)).toBe(null);
  });

  it("finds an invoice's subscription in its parent", () => {
    const invoice = {
      parent: {
        type: 'subscription_details',
        subscription_details: { subscription: 'sub_1', metadata: { boutiqueId: 'b'.repeat(24) } },
      },
    } as unknown as Stripe.Invoice;
    expect(invoiceSubscription(invoice)).toEqual({
      subscriptionId: 'sub_1',
      boutiqueId: 'b'.repeat(24),
    });
    expect(invoiceSubscription({ parent: null } as unknown as Stripe.Invoice)).toBeNull();
  });
});
