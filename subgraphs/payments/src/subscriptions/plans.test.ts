import { describe, expect, it } from 'vitest';
import { lookupKey, parseLookupKey, PLANS, planPrice, findPlan } from './plans.js';

describe('plan catalog', () => {
  it('sells basic, pro and premium monthly or yearly in EUR cents, yearly cheaper than 12 months', () => {
    expect(PLANS.map((p) => p.code)).toEqual(['basic', 'pro', 'premium']);
    for (const plan of PLANS) {
      expect(Number.isInteger(plan.prices.month) && Number.isInteger(plan.prices.year)).toBe(true);
      expect(plan.prices.year).toBeLessThan(plan.prices.month * 12);
      expect(plan.features.length).toBeGreaterThan(0);
    }
    expect(planPrice(findPlan('pro')!, 'month')).toEqual({ amount: 4900, currency: 'EUR' });
  });

  it('names Stripe prices by lookup keys that map back to their plan', () => {
    expect(lookupKey('pro', 'month')).toBe('vitrine_pro_month');
    for (const plan of PLANS) {
      for (const interval of ['month', 'year'] as const) {
        expect(parseLookupKey(lookupKey(plan.code, interval))).toEqual({
          plan: plan.code,
          interval,
        });
      }
    }
  });

  it('does not take a foreign lookup key for a plan', () => {
    for (const key of [
      null,
      undefined,
      '',
      'pro_month',
      'vitrine_gold_month',
      'vitrine_pro_week',
    ]) {
      expect(parseLookupKey(key), String(key)).toBeNull();
    }
  });
});
