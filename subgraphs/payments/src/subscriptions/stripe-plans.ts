import type { Logger } from '@vitrine/platform';
import type { Stripe } from '../stripe/stripe-client.js';
import {
  lookupKey,
  PLAN_CURRENCY,
  productId,
  type PlanDefinition,
  type PlanInterval,
} from './plans.js';
import type { KnownPlan } from './stripe-mapping.js';

/**
 * Responsible for the plan catalog's Stripe side: the Stripe price of a plan and interval, found
 * by its lookup key or created (product and price, with idempotency keys), once per process. The
 * price ids it met are remembered, so that a webhook naming a price without its lookup key still
 * maps to its plan. Works against stripe-mock too, which remembers nothing: a price is taken only
 * when its lookup key, amount, currency and interval are exactly ours.
 */
export class StripePlans {
  private readonly prices = new Map<string, Promise<string>>();
  private readonly plansByPrice = new Map<string, KnownPlan>();

  constructor(
    private readonly stripe: Stripe,
    private readonly logger: Logger,
  ) {}

  /** The Stripe price id of a plan and interval. */
  priceId(plan: PlanDefinition, interval: PlanInterval): Promise<string> {
    const key = lookupKey(plan.code, interval);
    let price = this.prices.get(key);
    if (!price) {
      price = this.resolve(plan, interval).catch((err: unknown) => {
        this.prices.delete(key); // try again on the next call
        throw err;
      });
      this.prices.set(key, price);
    }
    return price;
  }

  /** The plan of a price id met in this process (or of one of our lookup keys). */
  known(priceId: string): KnownPlan | null {
    return this.plansByPrice.get(priceId) ?? null;
  }

  remember(priceId: string, plan: KnownPlan): void {
    this.plansByPrice.set(priceId, plan);
  }

  private async resolve(plan: PlanDefinition, interval: PlanInterval): Promise<string> {
    const key = lookupKey(plan.code, interval);
    const amount = plan.prices[interval];
    const found = await this.stripe.prices.list({ lookup_keys: [key], active: true, limit: 10 });
    const match = found.data.find(
      (p) =>
        p.lookup_key === key &&
        p.active &&
        p.unit_amount === amount &&
        p.currency.toUpperCase() === PLAN_CURRENCY &&
        p.recurring?.interval === interval,
    );
    const id = match?.id ?? (await this.create(plan, interval, key, amount));
    this.remember(id, { plan: plan.code, interval });
    return id;
  }

  private async create(
    plan: PlanDefinition,
    interval: PlanInterval,
    key: string,
    amount: number,
  ): Promise<string> {
    const product = await this.ensureProduct(plan);
    const price = await this.stripe.prices.create(
      {
        product,
        currency: PLAN_CURRENCY.toLowerCase(),
        unit_amount: amount,
        recurring: { interval },
        lookup_key: key,
        // A new amount in the catalog takes the key over from the old price.
        transfer_lookup_key: true,
        nickname: `${plan.name} (${interval}ly)`,
        metadata: { plan: plan.code, interval },
      },
      { idempotencyKey: `vitrine-price-${key}-${amount}` },
    );
    this.logger.info({ lookupKey: key, price: price.id }, 'stripe price created for a plan');
    return price.id;
  }

  /** The plan's product, created with our own id (an existing one is taken as it is). */
  private async ensureProduct(plan: PlanDefinition): Promise<string> {
    const id = productId(plan.code);
    try {
      const product = await this.stripe.products.create(
        {
          id,
          name: `Vitrine ${plan.name}`,
          description: plan.description,
          metadata: { plan: plan.code },
        },
        { idempotencyKey: `vitrine-product-${id}` },
      );
      return product.id;
    } catch (err) {
      if ((err as { code?: string }).code === 'resource_already_exists') return id;
      throw err;
    }
  }
}
