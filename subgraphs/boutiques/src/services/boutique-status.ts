import { registerEnumType } from 'type-graphql';

export enum BoutiqueStatus {
  PENDING = 'pending',
  APPROVED = 'approved',
  REJECTED = 'rejected',
  SUSPENDED = 'suspended',
}

registerEnumType(BoutiqueStatus, {
  name: 'BoutiqueStatus',
  description: 'Where a boutique stands in its approval lifecycle; only APPROVED ones are public.',
});

export type BoutiqueAction = 'approve' | 'reject' | 'suspend' | 'reinstate' | 'resubmit';

/**
 * The boutique lifecycle: pending → approved | rejected; approved → suspended; suspended →
 * approved (reinstate); rejected → pending when the owner re-applies (resubmit).
 */
export const BOUTIQUE_TRANSITIONS: Record<
  BoutiqueAction,
  { from: BoutiqueStatus; to: BoutiqueStatus }
> = {
  approve: { from: BoutiqueStatus.PENDING, to: BoutiqueStatus.APPROVED },
  reject: { from: BoutiqueStatus.PENDING, to: BoutiqueStatus.REJECTED },
  suspend: { from: BoutiqueStatus.APPROVED, to: BoutiqueStatus.SUSPENDED },
  reinstate: { from: BoutiqueStatus.SUSPENDED, to: BoutiqueStatus.APPROVED },
  resubmit: { from: BoutiqueStatus.REJECTED, to: BoutiqueStatus.PENDING },
};

/** The status an action leads to from `current`, or null when the lifecycle does not allow it. */
export function nextStatus(action: BoutiqueAction, current: BoutiqueStatus): BoutiqueStatus | null {
  const transition = BOUTIQUE_TRANSITIONS[action];
  return transition.from === current ? transition.to : null;
}
