import type { ModuleDeps, PaymentsModule } from '../module.js';
import { loyaltyHandlers } from './loyalty.consumer.js';
import { LoyaltyAccountResolver, UserLoyaltyResolver } from './loyalty.resolver.js';
import { createLoyaltyAccountModel } from './loyalty-account.model.js';
import { LoyaltyService } from './loyalty.service.js';

export { LoyaltyService } from './loyalty.service.js';

export const loyaltyResolvers = [UserLoyaltyResolver, LoyaltyAccountResolver] as const;

const HOUR = 3_600_000;

/** Loyalty points: the ledger, `User.loyalty`, earning and reversals from payment events. */
export function createLoyaltyModule(
  deps: ModuleDeps,
  clock?: () => Date,
): PaymentsModule & { service: LoyaltyService } {
  const accounts = createLoyaltyAccountModel(deps.db);
  const service = new LoyaltyService(
    accounts,
    deps.config.loyalty,
    deps.logger.child({ component: 'loyalty' }),
    clock,
  );
  return {
    service,
    aggregates: [],
    models: [accounts],
    webhooks: {},
    events: loyaltyHandlers(service),
    resolvers: [
      [UserLoyaltyResolver, new UserLoyaltyResolver(service)],
      [LoyaltyAccountResolver, new LoyaltyAccountResolver()],
    ],
    tasks: [{ name: 'expire loyalty points', intervalMs: HOUR, run: () => service.expireDue() }],
  };
}
