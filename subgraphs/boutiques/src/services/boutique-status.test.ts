import { describe, expect, it } from 'vitest';
import { BoutiqueStatus, nextStatus, type BoutiqueAction } from './boutique-status.js';

const { PENDING, APPROVED, REJECTED, SUSPENDED } = BoutiqueStatus;

describe('boutique lifecycle', () => {
  it('allows exactly the documented transitions', () => {
    const allowed: [BoutiqueAction, BoutiqueStatus, BoutiqueStatus][] = [
      ['approve', PENDING, APPROVED],
      ['reject', PENDING, REJECTED],
      ['suspend', APPROVED, SUSPENDED],
      ['reinstate', SUSPENDED, APPROVED],
      ['resubmit', REJECTED, PENDING],
    ];
    const actions: BoutiqueAction[] = ['approve', 'reject', 'suspend', 'reinstate', 'resubmit'];
    for (const action of actions) {
      for (const from of Object.values(BoutiqueStatus)) {
        const expected = allowed.find(([a, f]) => a === action && f === from)?.[2] ?? null;
        expect(nextStatus(action, from), `${action} from ${from}`).toBe(expected);
      }
    }
  });
});
