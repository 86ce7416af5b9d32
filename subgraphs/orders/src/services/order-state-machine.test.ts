import { describe, expect, it } from 'vitest';
import { ActorKind, OrderStatus } from '../models/order.model.js';
import { checkTransition, TRANSITIONS } from './order-state-machine.js';

const { CUSTOMER, BOUTIQUE_TEAM, DRIVER, ADMIN, SYSTEM } = ActorKind;
const S = OrderStatus;

describe('order state machine', () => {
  it.each([
    [S.PENDING_PAYMENT, S.PAID, [SYSTEM]],
    [S.PENDING_PAYMENT, S.CANCELLED, [CUSTOMER, ADMIN, SYSTEM]],
    [S.PAID, S.ACCEPTED, [BOUTIQUE_TEAM, ADMIN]],
    [S.ACCEPTED, S.PREPARING, [BOUTIQUE_TEAM, ADMIN]],
    [S.PREPARING, S.READY_FOR_PICKUP, [BOUTIQUE_TEAM, ADMIN]],
    [S.PAID, S.CANCELLED, [BOUTIQUE_TEAM, ADMIN, SYSTEM]],
    [S.ACCEPTED, S.CANCELLED, [BOUTIQUE_TEAM, ADMIN, SYSTEM]],
    [S.READY_FOR_PICKUP, S.PICKED_UP, [DRIVER, ADMIN]],
    [S.PICKED_UP, S.DELIVERED, [DRIVER, ADMIN]],
    [S.DELIVERED, S.REFUNDED, [ADMIN, SYSTEM]],
  ])('%s → %s is made by %j and nobody else', (from, to, allowed) => {
    for (const actor of [CUSTOMER, BOUTIQUE_TEAM, DRIVER, ADMIN, SYSTEM]) {
      expect(checkTransition([actor], from, to, true).ok).toBe(allowed.includes(actor));
    }
  });

  it('has exactly the transitions of docs/COMMERCE.md', () => {
    expect(TRANSITIONS.map((t) => `${t.from}>${t.to}`).sort()).toEqual(
      [
        'pending_payment>paid',
        'pending_payment>cancelled',
        'paid>accepted',
        'accepted>preparing',
        'preparing>ready_for_pickup',
        'paid>cancelled',
        'accepted>cancelled',
        'ready_for_pickup>picked_up',
        'picked_up>delivered',
        'delivered>refunded',
        'cancelled>refunded',
      ].sort(),
    );
  });

  it('refunds a cancelled order only if it had been paid', () => {
    expect(checkTransition([ADMIN], S.CANCELLED, S.REFUNDED, true).ok).toBe(true);
    expect(checkTransition([ADMIN], S.CANCELLED, S.REFUNDED, false)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('tells a move that is never yours (forbidden) from one that is not possible now (invalid)', () => {
    expect(checkTransition([CUSTOMER], S.PAID, S.ACCEPTED)).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(checkTransition([CUSTOMER], S.PAID, S.CANCELLED)).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(checkTransition([BOUTIQUE_TEAM], S.PENDING_PAYMENT, S.ACCEPTED)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(checkTransition([BOUTIQUE_TEAM], S.DELIVERED, S.PREPARING)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('acts in the first capacity that the rule allows', () => {
    const check = checkTransition([CUSTOMER, ADMIN], S.PAID, S.ACCEPTED);
    expect(check).toMatchObject({ ok: true, actor: ADMIN });
  });
});
