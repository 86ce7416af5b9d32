import type { Model } from 'mongoose';
import type { AnyModel } from '../db/connection.js';
import type { Logger } from '../logger.js';
import type { CloudEvent } from './envelope.js';
import type { Aggregate } from './outbox.js';
import type { EventPublisher } from './publisher.js';

export interface OutboxRelayOptions {
  publisher: EventPublisher;
  logger: Logger;
  /** How often to look for waiting events when nobody calls `notify()`. */
  pollIntervalMs?: number;
  /** How long a claim on a document lasts; a crashed instance's claims expire after it. */
  leaseMs?: number;
  /** The longest wait between attempts while Kafka is unreachable. */
  maxBackoffMs?: number;
}

type AggregateModel = Model<Aggregate>;

/**
 * Responsible for moving events from aggregate outboxes to Kafka, at least once and in order per
 * aggregate. It claims one document at a time with a lease, publishes its events, then removes
 * exactly those events, so that events appended meanwhile wait for the next round. While Kafka is
 * down, events stay in their documents and the relay backs off; nothing is lost by a crash at any
 * point (at worst an event is published twice, which consumers' inboxes absorb).
 */
export class OutboxRelay {
  private readonly models: AggregateModel[] = [];
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly maxBackoffMs: number;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private pending = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
  }

  register(model: AnyModel): this {
    this.models.push(model as AggregateModel);
    return this;
  }

  /** Services call this after a write with events, so they leave at once instead of at the next poll. */
  notify(): void {
    this.pending = true;
    this.wake?.();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Publishes everything that is waiting now; returns how many events left. */
  async drain(): Promise<number> {
    let published = 0;
    for (const model of this.models) {
      for (;;) {
        const count = await this.relayOne(model);
        if (count === null) break;
        published += count;
      }
    }
    return published;
  }

  private async run(): Promise<void> {
    let backoff = 0;
    while (this.running) {
      this.pending = false;
      try {
        await this.drain();
        backoff = 0;
      } catch (err) {
        backoff = Math.min(this.maxBackoffMs, backoff ? backoff * 2 : 250);
        this.options.logger.warn(
          { err, retryInMs: backoff },
          'outbox relay could not publish; will retry',
        );
      }
      if (!this.running) break;
      if (this.pending && backoff === 0) continue;
      await this.sleep(backoff || this.pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** Claims, publishes and clears one document; null when none is waiting. */
  private async relayOne(model: AggregateModel): Promise<number | null> {
    const now = new Date();
    const claimed = await model
      .findOneAndUpdate(
        {
          outboxAt: { $ne: null },
          $or: [{ outboxLease: null }, { outboxLease: { $lt: now } }],
        },
        { $set: { outboxLease: new Date(now.getTime() + this.leaseMs) } },
        // No projection: FerretDB's findAndModify does not support one.
        { sort: { outboxAt: 1 }, returnDocument: 'after' },
      )
      .lean()
      .exec();
    if (!claimed) return null;
    const entries = claimed.outbox ?? [];
    try {
      await this.options.publisher.publish(entries.map((e) => e.envelope as CloudEvent));
    } catch (err) {
      await model.updateOne({ _id: claimed._id }, { $set: { outboxLease: null } }).exec();
      throw err;
    }
    await this.removePublished(model, claimed._id, entries.length);
    return entries.length;
  }

  /**
   * Removes the first `count` entries, which were just published, and releases the claim. Writers
   * only ever append and only the claim holder removes, so a compare-and-swap on the array's size
   * is exact; it also runs on FerretDB, whose `$pull` cannot match embedded documents by a field.
   */
  private async removePublished(model: AggregateModel, id: unknown, count: number): Promise<void> {
    let seen: unknown[] | null = null; // the outbox as last read, once appends have been noticed
    for (;;) {
      const rest = seen?.slice(count) ?? [];
      const result = await model
        .updateOne(
          { _id: id, outbox: { $size: seen?.length ?? count } },
          { $set: { outbox: rest, outboxLease: null, ...(rest.length ? {} : { outboxAt: null }) } },
        )
        .exec();
      if (result.matchedCount === 1) return;
      const current = await model.findById(id, { outbox: 1 }).lean().exec();
      if (!current) return;
      seen = current.outbox;
    }
  }
}
