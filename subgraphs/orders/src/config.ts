import { loadPlatformConfig, parseEnv, type PlatformConfig } from '@vitrine/platform';
import { z } from 'zod';

export interface OrdersConfig extends PlatformConfig {
  pricing: {
    /** Tax on an order's items, in basis points (2000 = 20 %). */
    taxRateBps: number;
    /** Flat delivery fee of each boutique order, in minor units of the checkout's currency. */
    deliveryFeeMinor: number;
  };
  payment: {
    /** A `pending_payment` order older than this is cancelled by the sweep. */
    timeoutMs: number;
    /** How often the sweep runs. */
    sweepIntervalMs: number;
  };
}

const env = z.object({
  TAX_RATE_BPS: z.coerce.number().int().min(0).max(10_000).default(2000),
  DELIVERY_FEE_MINOR: z.coerce.number().int().min(0).default(499),
  PAYMENT_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(10_080).default(30),
  PAYMENT_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
});

export function loadOrdersConfig(
  source: NodeJS.ProcessEnv = process.env,
  base?: PlatformConfig,
): OrdersConfig {
  const e = parseEnv(env, source);
  return {
    ...(base ?? loadPlatformConfig('orders', source)),
    pricing: { taxRateBps: e.TAX_RATE_BPS, deliveryFeeMinor: e.DELIVERY_FEE_MINOR },
    payment: {
      timeoutMs: e.PAYMENT_TIMEOUT_MINUTES * 60_000,
      sweepIntervalMs: e.PAYMENT_SWEEP_INTERVAL_SECONDS * 1000,
    },
  };
}
