import type { Money } from '@vitrine/platform';
import type { PlanInterval } from './plans.js';

/** Stripe's subscription statuses, as stored (Stripe's own lowercase strings). */
export enum SubscriptionStatus {
  INCOMPLETE = 'incomplete',
  INCOMPLETE_EXPIRED = 'incomplete_expired',
  TRIALING = 'trialing',
  ACTIVE = 'active',
  PAST_DUE = 'past_due',
  UNPAID = 'unpaid',
  PAUSED = 'paused',
  CANCELED = 'canceled',
}

const KNOWN = new Set<string>(Object.values(SubscriptionStatus));

/** Stripe's status string, or null for a status this code does not know (a newer API). */
export function toStatus(value: string | null | undefined): SubscriptionStatus | null {
  return value && KNOWN.has(value) ? (value as SubscriptionStatus) : null;
}

/** Active or trialing: the boutique is paid up. */
export function isGoodStanding(status: SubscriptionStatus | null): boolean {
  return status === SubscriptionStatus.ACTIVE || status === SubscriptionStatus.TRIALING;
}

/** A subscription that is over: the boutique may start a new one. */
export function isTerminal(status: SubscriptionStatus | null): boolean {
  return (
    status === null ||
    status === SubscriptionStatus.CANCELED ||
    status === SubscriptionStatus.INCOMPLETE_EXPIRED
  );
}

/** What Stripe says about one subscription, mapped from its object (or a mutation's answer). */
export interface SubscriptionFacts {
  subscriptionId: string;
  /** When Stripe created the subscription (seconds): the newer of two subscriptions wins. */
  subscriptionCreated: number | null;
  customerId: string | null;
  itemId: string | null;
  priceId: string | null;
  plan: string;
  interval: PlanInterval;
  price: Money;
  status: SubscriptionStatus;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: Date | null;
}

/** The stored state the machine moves. */
export interface StoredSubscription {
  stripeSubscriptionId: string | null;
  subscriptionCreated: number | null;
  status: SubscriptionStatus | null;
  graceUntil: Date | null;
  /** The Stripe `created` (seconds) of the last event applied: older ones are stale. */
  stripeEventAt: number;
}

export type SubscriptionEventType =
  'subscription.activated' | 'subscription.past_due' | 'subscription.cancelled';

/**
 * Whether facts about a subscription, as of `at` (Stripe seconds), may be applied to the stored
 * state: `stale` when a newer event about it was applied already, `other` when they are about
 * another subscription of the boutique than its current one and may not replace it. Another
 * subscription replaces the current one when it is newer (Stripe's `created`), or when the
 * current one is over and the other is not.
 */
export function admit(
  stored: StoredSubscription | null,
  facts: {
    subscriptionId: string;
    subscriptionCreated: number | null;
    status: SubscriptionStatus;
  },
  at: number,
): 'apply' | 'stale' | 'other' {
  if (!stored?.stripeSubscriptionId) return 'apply';
  if (stored.stripeSubscriptionId === facts.subscriptionId) {
    return at < stored.stripeEventAt ? 'stale' : 'apply';
  }
  const newer =
    facts.subscriptionCreated !== null &&
    stored.subscriptionCreated !== null &&
    facts.subscriptionCreated > stored.subscriptionCreated;
  const replaces = isTerminal(stored.status) && !isTerminal(facts.status);
  return newer || replaces ? 'apply' : 'other';
}

/**
 * A move of the status: the grace period it leaves and the events it emits. Each event is emitted
 * on the transition only, so that a status delivered again (or a plan change) emits nothing:
 * - `subscription.activated` on reaching active or trialing from any other status;
 * - `subscription.past_due` on reaching past_due, which starts the grace period once (repeats do
 *   not extend it); getting back to active or trialing ends it;
 * - `subscription.cancelled` on reaching canceled.
 */
export function transition(
  from: SubscriptionStatus | null,
  to: SubscriptionStatus,
  graceUntil: Date | null,
  now: Date,
  graceMs: number,
): { graceUntil: Date | null; events: SubscriptionEventType[] } {
  const events: SubscriptionEventType[] = [];
  if (isGoodStanding(to) && !isGoodStanding(from)) events.push('subscription.activated');
  if (to === SubscriptionStatus.PAST_DUE && from !== SubscriptionStatus.PAST_DUE) {
    events.push('subscription.past_due');
  }
  if (to === SubscriptionStatus.CANCELED && from !== SubscriptionStatus.CANCELED) {
    events.push('subscription.cancelled');
  }
  let grace = graceUntil;
  if (to === SubscriptionStatus.PAST_DUE) {
    grace ??= new Date(now.getTime() + graceMs);
  } else if (to !== SubscriptionStatus.UNPAID) {
    // Unpaid follows past_due when Stripe's retries are exhausted: the grace already given stays
    // recorded (it has no effect, as an unpaid boutique cannot sell) and is not restarted.
    grace = null;
  }
  return { graceUntil: grace, events };
}

/**
 * Whether the boutique may sell: paid up (active, trialing), or past due within its grace period.
 */
export function canSell(
  state: { status: SubscriptionStatus | null; graceUntil: Date | null },
  now: Date,
): boolean {
  if (isGoodStanding(state.status)) return true;
  return (
    state.status === SubscriptionStatus.PAST_DUE &&
    state.graceUntil !== null &&
    now.getTime() < state.graceUntil.getTime()
  );
}

/**
 * The status an invoice implies (Stripe also sends `customer.subscription.updated`; whichever
 * arrives first moves the status, the other changes nothing): a paid invoice brings a past-due,
 * unpaid or incomplete subscription back to active; a failed renewal makes an active one past due.
 * A failed first invoice leaves the subscription incomplete. Null: no move.
 */
export function statusFromInvoice(
  kind: 'paid' | 'payment_failed',
  current: SubscriptionStatus | null,
  billingReason: string | null,
): SubscriptionStatus | null {
  if (kind === 'paid') {
    return current === SubscriptionStatus.PAST_DUE ||
      current === SubscriptionStatus.UNPAID ||
      current === SubscriptionStatus.INCOMPLETE
      ? SubscriptionStatus.ACTIVE
      : null;
  }
  if (billingReason === 'subscription_create') return null;
  return isGoodStanding(current) ? SubscriptionStatus.PAST_DUE : null;
}
