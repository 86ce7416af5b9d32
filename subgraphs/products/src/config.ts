import { loadPlatformConfig, parseEnv, type PlatformConfig } from '@vitrine/platform';
import { z } from 'zod';

export interface ProductsConfig extends PlatformConfig {
  /** A viewer's views of a product count once per window of this many minutes. */
  viewWindowMinutes: number;
}

const env = z.object({
  PRODUCT_VIEW_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
});

export function loadProductsConfig(
  source: NodeJS.ProcessEnv = process.env,
  base?: PlatformConfig,
): ProductsConfig {
  const e = parseEnv(env, source);
  return {
    ...(base ?? loadPlatformConfig('products', source)),
    viewWindowMinutes: e.PRODUCT_VIEW_WINDOW_MINUTES,
  };
}
