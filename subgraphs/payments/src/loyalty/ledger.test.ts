import { describe, expect, it } from 'vitest';
import {
  applyChange,
  balanceOf,
  expiriesDue,
  LedgerKind,
  lotsOf,
  type LedgerEntry,
} from './ledger.js';

const DAY = 86_400_000;
const t0 = new Date('2026-01-01T00:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);

function run(changes: [Parameters<typeof applyChange>[1], Date][]): LedgerEntry[] {
  let entries: LedgerEntry[] = [];
  for (const [change, now] of changes) {
    const outcome = applyChange(entries, change, now);
    if (outcome.kind === 'applied') entries = outcome.entries;
  }
  return entries;
}

const earn = (key: string, points: number) => ({
  key,
  kind: LedgerKind.EARNED as const,
  points,
  paymentId: key,
  lifetimeMs: 30 * DAY,
});

describe('loyalty ledger', () => {
  it('refuses a spend beyond the balance, and changes nothing', () => {
    const entries = run([[earn('a', 100), at(0)]]);
    const outcome = applyChange(
      entries,
      { key: 's', kind: LedgerKind.SPENT, points: 101, paymentId: 'p' },
      at(1),
    );
    expect(outcome).toEqual({ kind: 'insufficient', balance: 100 });
  });

  it('applies an entry once, whatever the number of times it is given', () => {
    const once = run([[earn('a', 100), at(0)]]);
    expect(applyChange(once, earn('a', 100), at(0))).toEqual({ kind: 'already_applied' });
    expect(balanceOf(once)).toBe(100);
  });

  it('cuts a reversal to the balance, which never goes negative', () => {
    const entries = run([
      [earn('a', 100), at(0)],
      [{ key: 's', kind: LedgerKind.SPENT, points: 80, paymentId: 'p' }, at(1)],
      [{ key: 'r', kind: LedgerKind.REVERSED, points: 100, paymentId: 'a' }, at(2)],
    ]);
    expect(balanceOf(entries)).toBe(0);
    expect(entries.at(-1)!.points).toBe(-20);
  });

  it('spends the lots that expire soonest first, and expires what is left of a lot', () => {
    const entries = run([
      [earn('old', 100), at(0)],
      [earn('new', 50), at(20)],
      [{ key: 's', kind: LedgerKind.SPENT, points: 60, paymentId: 'p' }, at(21)],
    ]);
    expect(lotsOf(entries).map((l) => [l.key, l.remaining])).toEqual([
      ['old', 40],
      ['new', 50],
    ]);
    expect(expiriesDue(entries, at(29))).toEqual([]);
    const due = expiriesDue(entries, at(31));
    expect(due.map((e) => [e.lot, e.points])).toEqual([['old', -40]]);
    expect(balanceOf([...entries, ...due])).toBe(50);
  });

  it('expires due lots before a spend, so expired points cannot be spent', () => {
    const entries = run([[earn('a', 100), at(0)]]);
    const outcome = applyChange(
      entries,
      { key: 's', kind: LedgerKind.SPENT, points: 10, paymentId: 'p' },
      at(31),
    );
    expect(outcome).toEqual({ kind: 'insufficient', balance: 0 });
  });
});
