import {
  Errors,
  isDuplicateKeyError,
  requireOwnerOr,
  Role,
  type AuthContext,
  type Logger,
} from '@vitrine/platform';
import type { PaymentsConfig } from '../config.js';
import { minorPerMajor } from '../services/money.js';
import {
  applyChange,
  balanceOf,
  LedgerKind,
  lotsOf,
  expiriesDue,
  type LedgerChange,
  type LedgerEntry,
} from './ledger.js';
import type { LoyaltyAccountModel } from './loyalty-account.model.js';

export interface LoyaltyView {
  customerId: string;
  balance: number;
  entries: LedgerEntry[];
  nextExpiry: { points: number; at: Date } | null;
}

const MAX_ATTEMPTS = 20;

/** The signed sum of a payment's entries of one kind. */
function pointsOf(entries: readonly LedgerEntry[], paymentId: string, kind: LedgerKind): number {
  return entries
    .filter((e) => e.paymentId === paymentId && e.kind === kind)
    .reduce((sum, e) => sum + e.points, 0);
}
const SWEEP_BATCH = 100;

/**
 * Responsible for loyalty points: earned on completed payments at the configured rate, spent at
 * checkout as a discount, given back when a payment fails or is refunded, taken back pro rata
 * when what earned them is refunded, and expired. Each change is keyed (`earn:<paymentId>`...),
 * so a redelivered event changes nothing, and written with a compare-and-swap on the account's
 * version, so concurrent changes never lose one another or overdraw the balance.
 */
export class LoyaltyService {
  constructor(
    private readonly accounts: LoyaltyAccountModel,
    private readonly settings: PaymentsConfig['loyalty'],
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async account(ctx: AuthContext, customerId: string): Promise<LoyaltyView> {
    requireOwnerOr(ctx, customerId, Role.ADMIN);
    const account = await this.accounts.findById(customerId).lean().exec();
    const entries = (account?.entries ?? []) as LedgerEntry[];
    const now = this.clock();
    const current = [...entries, ...expiriesDue(entries, now)];
    const next = lotsOf(current)[0];
    return {
      customerId,
      balance: balanceOf(current),
      entries: current,
      nextExpiry: next ? { points: next.remaining, at: next.expiresAt } : null,
    };
  }

  /** Points earned by paying `amount` (whole points, rounded down). */
  pointsEarnedFor(amount: number, currency: string): number {
    return Math.floor((amount * this.settings.pointsPerUnit) / minorPerMajor(currency));
  }

  /** The discount that `points` are worth, in minor units of `currency` (rounded down). */
  discountFor(points: number, currency: string): number {
    return Math.floor((points * minorPerMajor(currency)) / this.settings.pointsPerUnitOfDiscount);
  }

  /** The largest share of `amount` that points may pay. */
  maxDiscountOf(amount: number): number {
    return Math.floor((amount * this.settings.maxRedeemBps) / 10_000);
  }

  async earn(customerId: string, paymentId: string, amount: number, currency: string) {
    const points = this.pointsEarnedFor(amount, currency);
    if (points === 0) return;
    await this.change(customerId, {
      key: `earn:${paymentId}`,
      kind: LedgerKind.EARNED,
      points,
      paymentId,
      lifetimeMs: this.settings.expiryMs,
    });
  }

  /** Spends points for a payment; BAD_USER_INPUT (field `input.loyaltyPoints`) beyond the balance. */
  async spend(customerId: string, paymentId: string, points: number): Promise<void> {
    const outcome = await this.change(customerId, {
      key: `spend:${paymentId}`,
      kind: LedgerKind.SPENT,
      points,
      paymentId,
    });
    if (outcome === 'insufficient') {
      throw Errors.badUserInput('input.loyaltyPoints', 'You do not have that many loyalty points');
    }
  }

  /**
   * Gives back what a payment spent (all of it, or the refunded `share`), never more in all than
   * it spent: a payment that failed, then succeeded and was refunded, restores once.
   */
  async restoreSpent(customerId: string, paymentId: string, key: string, share = 1) {
    await this.change(customerId, (entries) => {
      const spent = -pointsOf(entries, paymentId, LedgerKind.SPENT);
      const left = spent - pointsOf(entries, paymentId, LedgerKind.RESTORED);
      const points = Math.min(Math.floor(spent * share), left);
      if (points <= 0) return null;
      return {
        key: `restore:${key}`,
        kind: LedgerKind.RESTORED,
        points,
        paymentId,
        lifetimeMs: this.settings.expiryMs,
      };
    });
  }

  /** Takes back the refunded share of what a payment earned, as far as the balance allows. */
  async reverseEarned(customerId: string, paymentId: string, key: string, share: number) {
    await this.change(customerId, (entries) => {
      const earned = pointsOf(entries, paymentId, LedgerKind.EARNED);
      const left = earned + pointsOf(entries, paymentId, LedgerKind.REVERSED);
      const points = Math.min(Math.floor(earned * share), left);
      if (points <= 0) return null;
      return { key: `reverse:${key}`, kind: LedgerKind.REVERSED, points, paymentId };
    });
  }

  /** Writes EXPIRED entries for the lots whose time has come; returns how many accounts. */
  async expireDue(): Promise<number> {
    const now = this.clock();
    const due = await this.accounts
      .find({ nextExpiryAt: { $lte: now } }, { _id: 1 })
      .limit(SWEEP_BATCH)
      .lean()
      .exec();
    for (const { _id } of due) await this.write(_id, (entries) => expiriesDue(entries, now));
    return due.length;
  }

  /**
   * Applies the change `decide` makes of the current ledger (null: none), with its checks, as
   * one compare-and-swap.
   */
  private async change(
    customerId: string,
    decide: LedgerChange | ((entries: LedgerEntry[]) => LedgerChange | null),
  ): Promise<'applied' | 'already_applied' | 'insufficient'> {
    let result: 'applied' | 'already_applied' | 'insufficient' = 'applied';
    await this.write(customerId, (entries) => {
      const change = typeof decide === 'function' ? decide(entries) : decide;
      if (!change) return [];
      const outcome = applyChange(entries, change, this.clock());
      result = outcome.kind;
      return outcome.kind === 'applied' ? outcome.entries.slice(entries.length) : [];
    });
    return result;
  }

  /**
   * Appends what `plan` returns for the current ledger, as one compare-and-swap on the version
   * (an insert for a first entry); on a lost race, reads again and plans again.
   */
  private async write(
    customerId: string,
    plan: (entries: LedgerEntry[]) => LedgerEntry[],
  ): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const account = await this.accounts.findById(customerId).lean().exec();
      const entries = (account?.entries ?? []) as LedgerEntry[];
      const added = plan(entries);
      if (added.length === 0) return;
      const next = [...entries, ...added];
      const balance = balanceOf(next);
      if (balance < 0) throw new Error('a loyalty balance would go negative');
      const $set = { balance, nextExpiryAt: lotsOf(next)[0]?.expiresAt ?? null };
      try {
        if (!account) {
          await this.accounts.create({ _id: customerId, entries: next, ...$set, version: 1 });
          return;
        }
        const swapped = await this.accounts
          .updateOne(
            { _id: customerId, version: account.version },
            { $set, $push: { entries: { $each: added } }, $inc: { version: 1 } },
          )
          .exec();
        if (swapped.modifiedCount === 1) return;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
    this.logger.error({ customerId }, 'loyalty account too contended');
    throw Errors.conflict('Your loyalty points are being updated; try again');
  }
}
