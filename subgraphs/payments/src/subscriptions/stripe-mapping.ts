import type { Stripe } from '../stripe/stripe-client.js';
import { findPlan, isPlanInterval, parseLookupKey, planPrice, type PlanInterval } from './plans.js';
import { toStatus, type SubscriptionFacts } from './subscription-state.js';

export interface KnownPlan {
  plan: string;
  interval: PlanInterval;
}

const BOUTIQUE_ID = /^[0-9a-f]{24}$/;

/** The boutique a Stripe object names in its metadata (we set it on every subscription). */
export function boutiqueIdOf(metadata: Stripe.Metadata | null | undefined): string | null {
  const id = metadata?.boutiqueId;
  return typeof id === 'string' && BOUTIQUE_ID.test(id) ? id : null;
}

/**
 * Maps Stripe's subscription object to what is stored: its status, its first item's price (by
 * lookup key, else by a price id we know, else the plan stored before), and the item's current
 * period (in this API version the period is on the item). Null when the status is one this code
 * does not know: the event is then ignored rather than guessed.
 */
export function factsFromStripe(
  sub: Stripe.Subscription,
  knownPrice: (priceId: string) => KnownPlan | null,
  fallback: KnownPlan | null,
): SubscriptionFacts | null {
  const status = toStatus(sub.status);
  if (!status) return null;
  const item = sub.items?.data?.[0];
  const price = item?.price;
  const recurring = price?.recurring?.interval;
  const known =
    parseLookupKey(price?.lookup_key) ??
    (price?.id ? knownPrice(price.id) : null) ??
    fallback ??
    (price && recurring && isPlanInterval(recurring)
      ? { plan: price.lookup_key ?? price.id, interval: recurring }
      : null);
  if (!known) return null;
  const catalogPlan = findPlan(known.plan);
  const amount =
    price?.unit_amount != null && price.currency
      ? { amount: price.unit_amount, currency: price.currency.toUpperCase() }
      : catalogPlan
        ? planPrice(catalogPlan, known.interval)
        : null;
  if (!amount) return null;
  const customer = sub.customer as string | { id: string } | null | undefined;
  return {
    subscriptionId: sub.id,
    subscriptionCreated: typeof sub.created === 'number' ? sub.created : null,
    customerId: typeof customer === 'string' ? customer : (customer?.id ?? null),
    itemId: item?.id ?? null,
    priceId: price?.id ?? null,
    plan: known.plan,
    interval: known.interval,
    price: amount,
    status,
    cancelAtPeriodEnd: sub.cancel_at_period_end === true,
    currentPeriodEnd:
      typeof item?.current_period_end === 'number'
        ? new Date(item.current_period_end * 1000)
        : null,
  };
}

/** The subscription an invoice is for, and the metadata of that subscription. */
export function invoiceSubscription(
  invoice: Stripe.Invoice,
): { subscriptionId: string; boutiqueId: string | null } | null {
  const details = invoice.parent?.subscription_details;
  const sub = details?.subscription;
  const subscriptionId = typeof sub === 'string' ? sub : sub?.id;
  if (!subscriptionId) return null;
  return { subscriptionId, boutiqueId: boutiqueIdOf(details?.metadata) };
}
