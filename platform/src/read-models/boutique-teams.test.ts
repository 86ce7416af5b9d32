import { describe, expect, it } from 'vitest';
import { canSell, isTeamMember } from './boutique-teams.js';

const now = new Date('2026-11-24T12:00:00Z');
const later = new Date('2026-11-25T12:00:00Z');
const earlier = new Date('2026-11-23T12:00:00Z');

describe(canSell.name, () => {
  it('sells while approved and subscribed, or past due within the grace period', () => {
    expect(canSell({ status: 'approved', subscription: null }, now)).toBe(true);
    expect(
      canSell({ status: 'approved', subscription: { state: 'active', graceUntil: null } }, now),
    ).toBe(true);
    expect(
      canSell({ status: 'approved', subscription: { state: 'past_due', graceUntil: later } }, now),
    ).toBe(true);
    expect(
      canSell(
        { status: 'approved', subscription: { state: 'past_due', graceUntil: earlier } },
        now,
      ),
    ).toBe(false);
    expect(
      canSell({ status: 'approved', subscription: { state: 'cancelled', graceUntil: null } }, now),
    ).toBe(false);
    expect(canSell({ status: 'suspended', subscription: null }, now)).toBe(false);
  });
});

describe(isTeamMember.name, () => {
  it('is the owner or a staff member', () => {
    const team = { ownerId: 'o', staffIds: ['s'] };
    expect([isTeamMember(team, 'o'), isTeamMember(team, 's'), isTeamMember(team, 'x')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(isTeamMember(null, 'o')).toBe(false);
  });
});
