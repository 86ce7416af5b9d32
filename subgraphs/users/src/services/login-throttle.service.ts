import { Errors } from '@vitrine/platform';
import type { LoginAttemptModel } from '../models/login-attempt.model.js';

/**
 * Counts failed logins per client address in fixed windows, to slow down credential stuffing
 * across many accounts. (Per-account locking lives on the user document.)
 */
export class LoginThrottle {
  constructor(
    private readonly attempts: LoginAttemptModel,
    private readonly maxFailures: number,
    private readonly windowMinutes: number,
  ) {}

  private window(ip: string) {
    const size = this.windowMinutes * 60_000;
    const start = Math.floor(Date.now() / size) * size;
    return { key: `${ip}|${start}`, endsAt: new Date(start + size) };
  }

  /** Throws RATE_LIMITED when the address has used up its failures for this window. */
  async assertAllowed(ip: string | null): Promise<void> {
    if (!ip) return;
    const { key, endsAt } = this.window(ip);
    const current = await this.attempts.findById(key).lean().exec();
    if (current && current.failures >= this.maxFailures) {
      const retryAfter = Math.max(1, Math.ceil((endsAt.getTime() - Date.now()) / 1000));
      throw Errors.rateLimited(
        'Too many failed logins from this address; try again later',
        retryAfter,
      );
    }
  }

  async recordFailure(ip: string | null): Promise<void> {
    if (!ip) return;
    const { key, endsAt } = this.window(ip);
    await this.attempts
      .updateOne(
        { _id: key },
        // $set, not $setOnInsert (which FerretDB ignores): the same value every time anyway.
        { $inc: { failures: 1 }, $set: { windowEndsAt: endsAt } },
        { upsert: true },
      )
      .exec();
  }

  async sweep(): Promise<number> {
    const result = await this.attempts.deleteMany({ windowEndsAt: { $lt: new Date() } }).exec();
    return result.deletedCount;
  }
}
