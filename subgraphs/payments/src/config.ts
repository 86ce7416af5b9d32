import { loadPlatformConfig, parseEnv, type PlatformConfig } from '@vitrine/platform';
import { z } from 'zod';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Seconds a webhook signature stays valid (Stripe's default tolerance is 300). */
  webhookToleranceSeconds: number;
  /** Another API base than Stripe's (stripe-mock locally): protocol, host and port. */
  apiBase: URL | null;
}

export interface PaymentsConfig extends PlatformConfig {
  stripe: StripeSettings;
  refunds: {
    /** How long after payment a boutique may refund an order itself (admins always may). */
    boutiqueWindowMs: number;
  };
  checkout: {
    /** Declined attempts (each can be retried with another card) before the payment fails. */
    maxFailedAttempts: number;
  };
  loyalty: {
    /** Points earned per major currency unit paid (1 → 1 point per euro, per yen). */
    pointsPerUnit: number;
    /** Points worth one major currency unit when spent (100 → 100 points take 1 € off). */
    pointsPerUnitOfDiscount: number;
    /** Points expire this long after they were earned. */
    expiryMs: number;
    /** The largest share of a checkout that points may pay, in basis points. */
    maxRedeemBps: number;
  };
  subscriptions: {
    /** How long a past-due boutique keeps selling. */
    graceMs: number;
  };
}

const env = z.object({
  STRIPE_SECRET_KEY: z.string().startsWith('sk_').default('sk_test_vitrinelocal'),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').default('whsec_vitrine_local'),
  STRIPE_WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  STRIPE_API_BASE: z.url().optional(),
  BOUTIQUE_REFUND_WINDOW_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  PAYMENT_MAX_FAILED_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  LOYALTY_POINTS_PER_UNIT: z.coerce.number().int().min(0).max(1000).default(1),
  LOYALTY_POINTS_PER_UNIT_OF_DISCOUNT: z.coerce.number().int().min(1).max(100_000).default(100),
  LOYALTY_EXPIRY_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  LOYALTY_MAX_REDEEM_BPS: z.coerce.number().int().min(0).max(10_000).default(5000),
  SUBSCRIPTION_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(7),
});

const DAY = 86_400_000;

export function loadPaymentsConfig(
  source: NodeJS.ProcessEnv = process.env,
  base?: PlatformConfig,
): PaymentsConfig {
  const e = parseEnv(env, source);
  const platform = base ?? loadPlatformConfig('payments', source);
  if (platform.nodeEnv === 'production' && !source.STRIPE_SECRET_KEY) {
    throw new Error('Invalid configuration: STRIPE_SECRET_KEY is required in production');
  }
  if (platform.nodeEnv === 'production' && !source.STRIPE_WEBHOOK_SECRET) {
    throw new Error('Invalid configuration: STRIPE_WEBHOOK_SECRET is required in production');
  }
  return {
    ...platform,
    stripe: {
      secretKey: e.STRIPE_SECRET_KEY,
      webhookSecret: e.STRIPE_WEBHOOK_SECRET,
      webhookToleranceSeconds: e.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
      apiBase: e.STRIPE_API_BASE ? new URL(e.STRIPE_API_BASE) : null,
    },
    refunds: { boutiqueWindowMs: e.BOUTIQUE_REFUND_WINDOW_DAYS * DAY },
    checkout: { maxFailedAttempts: e.PAYMENT_MAX_FAILED_ATTEMPTS },
    loyalty: {
      pointsPerUnit: e.LOYALTY_POINTS_PER_UNIT,
      pointsPerUnitOfDiscount: e.LOYALTY_POINTS_PER_UNIT_OF_DISCOUNT,
      expiryMs: e.LOYALTY_EXPIRY_DAYS * DAY,
      maxRedeemBps: e.LOYALTY_MAX_REDEEM_BPS,
    },
    subscriptions: { graceMs: e.SUBSCRIPTION_GRACE_DAYS * DAY },
  };
}
