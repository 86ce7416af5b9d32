/**
 * The loyalty ledger as pure functions: an append-only list of entries per customer whose sum is
 * the balance. Earned (and restored) points are lots that expire; spending, reversals and expiry
 * consume lots, the soonest to expire first. Nothing here lets the balance go below zero: a spend
 * beyond it is refused, a reversal beyond it is cut to it.
 */
export enum LedgerKind {
  EARNED = 'EARNED',
  SPENT = 'SPENT',
  /** Spent points given back (the payment failed, or its order was refunded). */
  RESTORED = 'RESTORED',
  /** Earned points taken back (what earned them was refunded). */
  REVERSED = 'REVERSED',
  EXPIRED = 'EXPIRED',
}

export interface LedgerEntry {
  /** Unique in the ledger: applying an entry whose key is there already does nothing. */
  key: string;
  kind: LedgerKind;
  /** Signed: positive for EARNED and RESTORED, negative otherwise. */
  points: number;
  paymentId: string | null;
  at: Date;
  /** For lots (EARNED, RESTORED): when what is left of them expires. */
  expiresAt: Date | null;
  /** For EXPIRED: the key of the lot that expired. */
  lot: string | null;
}

export interface Lot {
  key: string;
  remaining: number;
  expiresAt: Date;
}

export function balanceOf(entries: readonly LedgerEntry[]): number {
  return entries.reduce((sum, e) => sum + e.points, 0);
}

/** What is left of each lot after every entry, the soonest to expire first. */
export function lotsOf(entries: readonly LedgerEntry[]): Lot[] {
  const lots: Lot[] = [];
  for (const entry of entries) {
    if (entry.points > 0) {
      lots.push({ key: entry.key, remaining: entry.points, expiresAt: entry.expiresAt! });
      lots.sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
      continue;
    }
    let owed = -entry.points;
    const targeted = entry.lot ? lots.filter((l) => l.key === entry.lot) : lots;
    for (const lot of targeted) {
      const taken = Math.min(lot.remaining, owed);
      lot.remaining -= taken;
      owed -= taken;
      if (owed === 0) break;
    }
  }
  return lots.filter((l) => l.remaining > 0);
}

/** EXPIRED entries for what is left of the lots whose time has come. */
export function expiriesDue(entries: readonly LedgerEntry[], now: Date): LedgerEntry[] {
  return lotsOf(entries)
    .filter((lot) => lot.expiresAt.getTime() <= now.getTime())
    .map((lot) => ({
      key: `expire:${lot.key}`,
      kind: LedgerKind.EXPIRED,
      points: -lot.remaining,
      paymentId: null,
      at: now,
      expiresAt: null,
      lot: lot.key,
    }));
}

export interface LedgerChange {
  key: string;
  kind: Exclude<LedgerKind, LedgerKind.EXPIRED>;
  /** Unsigned: the sign follows the kind. */
  points: number;
  paymentId: string | null;
  /** Lifetime of a lot (EARNED, RESTORED). */
  lifetimeMs?: number;
}

export type LedgerOutcome =
  | { kind: 'applied'; entries: LedgerEntry[]; entry: LedgerEntry }
  | { kind: 'already_applied' }
  | { kind: 'insufficient'; balance: number };

/**
 * The ledger after a change: due expiries first, then the change. A spend beyond the balance is
 * `insufficient`; a reversal beyond it takes what is there (the balance never goes negative).
 */
export function applyChange(
  entries: readonly LedgerEntry[],
  change: LedgerChange,
  now: Date,
): LedgerOutcome {
  if (entries.some((e) => e.key === change.key)) return { kind: 'already_applied' };
  if (!Number.isSafeInteger(change.points) || change.points < 0) {
    throw new RangeError('points must be a non-negative integer');
  }
  const next = [...entries, ...expiriesDue(entries, now)];
  const balance = balanceOf(next);
  let points: number;
  switch (change.kind) {
    case LedgerKind.EARNED:
    case LedgerKind.RESTORED:
      points = change.points;
      break;
    case LedgerKind.SPENT:
      if (change.points > balance) return { kind: 'insufficient', balance };
      points = -change.points;
      break;
    case LedgerKind.REVERSED:
      points = -Math.min(change.points, balance);
      break;
  }
  const entry: LedgerEntry = {
    key: change.key,
    kind: change.kind,
    points,
    paymentId: change.paymentId,
    at: now,
    expiresAt: points > 0 ? new Date(now.getTime() + (change.lifetimeMs ?? 0)) : null,
    lot: null,
  };
  next.push(entry);
  return { kind: 'applied', entries: next, entry };
}
