import { ActorKind, OrderStatus } from '../models/order.model.js';

const { PENDING_PAYMENT, PAID, ACCEPTED, PREPARING, READY_FOR_PICKUP, PICKED_UP, DELIVERED } =
  OrderStatus;
const { CANCELLED, REFUNDED } = OrderStatus;
const { CUSTOMER, BOUTIQUE_TEAM, DRIVER, ADMIN, SYSTEM } = ActorKind;

export interface TransitionRule {
  from: OrderStatus;
  to: OrderStatus;
  by: readonly ActorKind[];
  /** Only for an order that had been paid (a refund of a cancelled order). */
  onlyIfPaid?: boolean;
}

/** The order lifecycle of docs/COMMERCE.md: every allowed move and who may make it. */
export const TRANSITIONS: readonly TransitionRule[] = [
  { from: PENDING_PAYMENT, to: PAID, by: [SYSTEM] },
  { from: PENDING_PAYMENT, to: CANCELLED, by: [CUSTOMER, ADMIN, SYSTEM] },
  { from: PAID, to: ACCEPTED, by: [BOUTIQUE_TEAM, ADMIN] },
  { from: ACCEPTED, to: PREPARING, by: [BOUTIQUE_TEAM, ADMIN] },
  { from: PREPARING, to: READY_FOR_PICKUP, by: [BOUTIQUE_TEAM, ADMIN] },
  // The system cancels a paid order whose stock could not be reserved (payment came first).
  { from: PAID, to: CANCELLED, by: [BOUTIQUE_TEAM, ADMIN, SYSTEM] },
  // The system cancels an order refunded in full before it was prepared (payments' refund).
  { from: ACCEPTED, to: CANCELLED, by: [BOUTIQUE_TEAM, ADMIN, SYSTEM] },
  { from: READY_FOR_PICKUP, to: PICKED_UP, by: [DRIVER, ADMIN] },
  { from: PICKED_UP, to: DELIVERED, by: [DRIVER, ADMIN] },
  // Payments' `payment.refunded` of the whole captured share moves it (the system), or an admin.
  { from: DELIVERED, to: REFUNDED, by: [ADMIN, SYSTEM] },
  { from: CANCELLED, to: REFUNDED, by: [ADMIN, SYSTEM], onlyIfPaid: true },
];

export function ruleFor(from: OrderStatus, to: OrderStatus): TransitionRule | undefined {
  return TRANSITIONS.find((rule) => rule.from === from && rule.to === to);
}

/** Whether any of the actor's capacities may ever move an order to `to` (from some status). */
export function mayEverMoveTo(actors: readonly ActorKind[], to: OrderStatus): boolean {
  return TRANSITIONS.some((rule) => rule.to === to && rule.by.some((a) => actors.includes(a)));
}

export type TransitionCheck =
  | { ok: true; rule: TransitionRule; actor: ActorKind }
  | { ok: false; reason: 'forbidden' | 'invalid' };

/**
 * Decides a move of an order in `from` to `to` by someone acting in the given capacities (a
 * viewer may be several: the customer and an admin). `forbidden` when none of them may ever make
 * this move; `invalid` when they may, but not from the current status.
 */
export function checkTransition(
  actors: readonly ActorKind[],
  from: OrderStatus,
  to: OrderStatus,
  wasPaid = false,
): TransitionCheck {
  if (!mayEverMoveTo(actors, to)) return { ok: false, reason: 'forbidden' };
  const rule = ruleFor(from, to);
  if (!rule || (rule.onlyIfPaid && !wasPaid)) return { ok: false, reason: 'invalid' };
  const actor = rule.by.find((a) => actors.includes(a));
  if (!actor) return { ok: false, reason: 'forbidden' };
  return { ok: true, rule, actor };
}
