import type { ModuleDeps, PaymentsModule } from '../module.js';
import { createCouponModels } from './coupon.model.js';
import { BoutiqueCouponsResolver, CouponResolver } from './coupon.resolver.js';
import { CouponService } from './coupon.service.js';

export {
  CouponService,
  normalizeCode,
  type CouponQuote,
  type DiscountLine,
} from './coupon.service.js';

export const couponResolvers = [CouponResolver, BoutiqueCouponsResolver] as const;

/** Coupons: created by admins and boutique owners, quoted and redeemed by checkout payments. */
export function createCouponsModule(
  deps: ModuleDeps,
  clock?: () => Date,
): PaymentsModule & { service: CouponService } {
  const { coupons, usages } = createCouponModels(deps.db);
  const service = new CouponService(coupons, usages, deps.readModel, clock);
  return {
    service,
    aggregates: [],
    models: [coupons, usages],
    webhooks: {},
    events: [],
    resolvers: [
      [CouponResolver, new CouponResolver(service)],
      [BoutiqueCouponsResolver, new BoutiqueCouponsResolver(service)],
    ],
    tasks: [],
  };
}
