import { describe, expect, it } from 'vitest';
import {
  admit,
  canSell,
  statusFromInvoice,
  SubscriptionStatus as S,
  transition,
  type StoredSubscription,
} from './subscription-state.js';

const NOW = new Date('2031-03-01T10:00:00Z');
const DAY = 86_400_000;

function stored(over: Partial<StoredSubscription> = {}): StoredSubscription {
  return {
    stripeSubscriptionId: 'sub_1',
    subscriptionCreated: 1000,
    status: S.ACTIVE,
    graceUntil: null,
    stripeEventAt: 2000,
    ...over,
  };
}

describe('transition', () => {
  it('emits subscription.activated when a subscription becomes active or trialing', () => {
    expect(transition(null, S.ACTIVE, null, NOW, DAY).events).toEqual(['subscription.activated']);
    expect(transition(S.INCOMPLETE, S.TRIALING, null, NOW, DAY).events).toEqual([
      'subscription.activated',
    ]);
    expect(transition(S.PAST_DUE, S.ACTIVE, null, NOW, DAY).events).toEqual([
      'subscription.activated',
    ]);
  });

  it('emits nothing when the status does not move (a webhook delivered again)', () => {
    for (const status of Object.values(S)) {
      expect(transition(status, status, null, NOW, DAY).events, status).toEqual([]);
    }
    expect(transition(S.TRIALING, S.ACTIVE, null, NOW, DAY).events).toEqual([]);
  });

  it('starts the grace period once when past due, and keeps it on repeats', () => {
    const first = transition(S.ACTIVE, S.PAST_DUE, null, NOW, 7 * DAY);
    expect(first.events).toEqual(['subscription.past_due']);
    expect(first.graceUntil).toEqual(new Date(NOW.getTime() + 7 * DAY));
    const later = new Date(NOW.getTime() + 3 * DAY);
    const again = transition(S.PAST_DUE, S.PAST_DUE, first.graceUntil, later, 7 * DAY);
    expect(again).toEqual({ graceUntil: first.graceUntil, events: [] });
  });

  it('clears the grace period when paid again, and emits cancelled once when canceled', () => {
    const grace = new Date(NOW.getTime() + DAY);
    expect(transition(S.PAST_DUE, S.ACTIVE, grace, NOW, DAY).graceUntil).toBeNull();
    expect(transition(S.PAST_DUE, S.CANCELED, grace, NOW, DAY)).toEqual({
      graceUntil: null,
      events: ['subscription.cancelled'],
    });
    expect(transition(S.CANCELED, S.CANCELED, null, NOW, DAY).events).toEqual([]);
  });

  it('keeps the grace already given when past due turns unpaid', () => {
    const grace = new Date(NOW.getTime() + DAY);
    expect(transition(S.PAST_DUE, S.UNPAID, grace, NOW, DAY)).toEqual({
      graceUntil: grace,
      events: [],
    });
  });
});

describe('canSell', () => {
  it('lets active and trialing boutiques sell', () => {
    expect(canSell({ status: S.ACTIVE, graceUntil: null }, NOW)).toBe(true);
    expect(canSell({ status: S.TRIALING, graceUntil: null }, NOW)).toBe(true);
  });

  it('lets a past-due boutique sell until its grace period ends, not after', () => {
    const graceUntil = new Date(NOW.getTime() + 1000);
    expect(canSell({ status: S.PAST_DUE, graceUntil }, NOW)).toBe(true);
    expect(canSell({ status: S.PAST_DUE, graceUntil }, new Date(NOW.getTime() + 1000))).toBe(false);
  });

  it('refuses every other status', () => {
    for (const status of [S.INCOMPLETE, S.INCOMPLETE_EXPIRED, S.UNPAID, S.PAUSED, S.CANCELED]) {
      const graceUntil = new Date(NOW.getTime() + DAY);
      expect(canSell({ status, graceUntil }, NOW), status).toBe(false);
    }
    expect(canSell({ status: null, graceUntil: null }, NOW)).toBe(false);
  });
});

describe('admit', () => {
  const facts = { subscriptionId: 'sub_1', subscriptionCreated: 1000, status: S.ACTIVE };

  it('applies the first facts, and newer or same-second facts of the current subscription', () => {
    expect(admit(null, facts, 1)).toBe('apply');
    expect(admit(stored({ stripeSubscriptionId: null }), facts, 1)).toBe('apply');
    expect(admit(stored(), facts, 2000)).toBe('apply');
    expect(admit(stored(), facts, 2001)).toBe('apply');
  });

  it('skips an event older than the last one applied', () => {
    expect(admit(stored(), facts, 1999)).toBe('stale');
  });

  it('lets a newer subscription replace the current one, never an older one', () => {
    const newer = { subscriptionId: 'sub_2', subscriptionCreated: 1500, status: S.ACTIVE };
    const older = { subscriptionId: 'sub_0', subscriptionCreated: 500, status: S.CANCELED };
    expect(admit(stored(), newer, 1)).toBe('apply');
    expect(admit(stored(), older, 9999)).toBe('other');
  });

  it('lets a running subscription replace one that is over', () => {
    const over = stored({ status: S.CANCELED, subscriptionCreated: 5000 });
    const next = { subscriptionId: 'sub_2', subscriptionCreated: 5000, status: S.INCOMPLETE };
    expect(admit(over, next, 1)).toBe('apply');
    expect(admit(over, { ...next, status: S.CANCELED }, 1)).toBe('other');
  });
});

describe('statusFromInvoice', () => {
  it('brings a past-due, unpaid or incomplete subscription back to active when paid', () => {
    expect(statusFromInvoice('paid', S.PAST_DUE, 'subscription_cycle')).toBe(S.ACTIVE);
    expect(statusFromInvoice('paid', S.UNPAID, 'subscription_cycle')).toBe(S.ACTIVE);
    expect(statusFromInvoice('paid', S.INCOMPLETE, 'subscription_create')).toBe(S.ACTIVE);
    expect(statusFromInvoice('paid', S.ACTIVE, 'subscription_cycle')).toBeNull();
    expect(statusFromInvoice('paid', S.CANCELED, 'subscription_cycle')).toBeNull();
  });

  it('makes an active subscription past due when a renewal fails, not a first invoice', () => {
    expect(statusFromInvoice('payment_failed', S.ACTIVE, 'subscription_cycle')).toBe(S.PAST_DUE);
    expect(statusFromInvoice('payment_failed', S.PAST_DUE, 'subscription_cycle')).toBeNull();
    expect(statusFromInvoice('payment_failed', S.INCOMPLETE, 'subscription_create')).toBeNull();
    expect(statusFromInvoice('payment_failed', S.CANCELED, 'subscription_cycle')).toBeNull();
  });
});
