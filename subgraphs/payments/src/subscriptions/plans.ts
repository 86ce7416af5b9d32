import type { Money } from '@vitrine/platform';

/** How often a plan is billed: Stripe's recurring intervals that Vitrine sells. */
export type PlanInterval = 'month' | 'year';
export const PLAN_INTERVALS: readonly PlanInterval[] = ['month', 'year'];

export interface PlanDefinition {
  /** Stable code, used in the API, in Stripe lookup keys and in events: `basic`, `pro`, `premium`. */
  code: string;
  name: string;
  description: string;
  /** What the plan includes, as shown on the pricing page. */
  features: string[];
  /** Published products at once; null means unlimited. */
  maxProducts: number | null;
  /** Staff accounts besides the owner; null means unlimited. */
  maxStaff: number | null;
  /** Price per interval, in EUR minor units (yearly is two months free). */
  prices: Record<PlanInterval, number>;
}

export const PLAN_CURRENCY = 'EUR';

/**
 * The plan catalog. It lives in code (reviewed, versioned) and is pushed to Stripe lazily: each
 * price is found by its lookup key, or created. Changing an amount here creates a new Stripe price
 * that takes over the lookup key (`transfer_lookup_key`); running subscriptions keep their price.
 */
export const PLANS: readonly PlanDefinition[] = [
  {
    code: 'basic',
    name: 'Basic',
    description: 'For a boutique opening its first online window.',
    features: ['Up to 50 products', '1 staff account', 'Standard payouts', 'Email support'],
    maxProducts: 50,
    maxStaff: 1,
    prices: { month: 1900, year: 19_000 },
  },
  {
    code: 'pro',
    name: 'Pro',
    description: 'For a growing boutique with a team.',
    features: [
      'Up to 500 products',
      '5 staff accounts',
      'Sales analytics',
      'Coupons and flash sales',
      'Priority email support',
    ],
    maxProducts: 500,
    maxStaff: 5,
    prices: { month: 4900, year: 49_000 },
  },
  {
    code: 'premium',
    name: 'Premium',
    description: 'For flagship boutiques that want the front window.',
    features: [
      'Unlimited products',
      'Unlimited staff accounts',
      'Advanced analytics and exports',
      'Featured placement in search',
      'Dedicated account manager',
    ],
    maxProducts: null,
    maxStaff: null,
    prices: { month: 9900, year: 99_000 },
  },
];

export function findPlan(code: string): PlanDefinition | undefined {
  return PLANS.find((p) => p.code === code);
}

export function isPlanInterval(value: string): value is PlanInterval {
  return (PLAN_INTERVALS as readonly string[]).includes(value);
}

export function planPrice(plan: PlanDefinition, interval: PlanInterval): Money {
  return { amount: plan.prices[interval], currency: PLAN_CURRENCY };
}

const LOOKUP_PREFIX = 'vitrine_';

/** The Stripe lookup key of a plan's price: `vitrine_pro_month`. */
export function lookupKey(plan: string, interval: PlanInterval): string {
  return `${LOOKUP_PREFIX}${plan}_${interval}`;
}

/** The Stripe product id of a plan: custom ids make its creation idempotent (`vitrine_pro`). */
export function productId(plan: string): string {
  return `${LOOKUP_PREFIX}${plan}`;
}

/** The plan and interval of one of our lookup keys, or null for any other key. */
export function parseLookupKey(
  key: string | null | undefined,
): { plan: string; interval: PlanInterval } | null {
  if (!key?.startsWith(LOOKUP_PREFIX)) return null;
  const rest = key.slice(LOOKUP_PREFIX.length);
  const cut = rest.lastIndexOf('_');
  if (cut <= 0) return null;
  const plan = rest.slice(0, cut);
  const interval = rest.slice(cut + 1);
  if (!findPlan(plan) || !isPlanInterval(interval)) return null;
  return { plan, interval };
}
