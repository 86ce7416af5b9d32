import {
  getModelForClass,
  index,
  modelOptions,
  prop,
  type ReturnModelType,
} from '@typegoose/typegoose';
import type { Connection } from 'mongoose';
import { isDuplicateKeyError, type AnyModel } from '../db/connection.js';

/** The record that a consumer has applied an event. */
@index({ consumer: 1, eventId: 1 }, { unique: true })
@index({ createdAt: 1 })
@modelOptions({
  schemaOptions: { collection: 'inbox', timestamps: { createdAt: true, updatedAt: false } },
})
export class InboxRecord {
  @prop({ required: true })
  consumer!: string;

  @prop({ required: true })
  eventId!: string;

  @prop({ required: true })
  type!: string;

  createdAt!: Date;
}

export type InboxModel = ReturnModelType<typeof InboxRecord>;

export function createInboxModel(connection: Connection): InboxModel {
  return getModelForClass(InboxRecord, { existingConnection: connection });
}

/** Remembers which events each consumer has applied, so that a redelivery changes nothing. */
export interface Inbox {
  has(consumer: string, eventId: string): Promise<boolean>;
  /** Returns false when the event was already recorded (a concurrent duplicate). */
  record(consumer: string, eventId: string, type: string): Promise<boolean>;
}

export class MongoInbox implements Inbox {
  constructor(private readonly model: InboxModel) {}

  async has(consumer: string, eventId: string): Promise<boolean> {
    return (await this.model.exists({ consumer, eventId }).exec()) !== null;
  }

  /**
   * Forgets records older than any redelivery can be (Kafka keeps 7 days by default); FerretDB
   * has no TTL indexes, so a periodic task calls this.
   */
  async sweep(olderThanDays = 14): Promise<number> {
    const cutoff = new Date(Date.now() - olderThanDays * 86_400_000);
    const result = await this.model.deleteMany({ createdAt: { $lt: cutoff } }).exec();
    return result.deletedCount;
  }

  async record(consumer: string, eventId: string, type: string): Promise<boolean> {
    try {
      await this.model.create({ consumer, eventId, type });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }
}

/**
 * For handlers whose effect is one document write: the filter and update that make the write
 * itself idempotent, by keeping the last applied event ids in the document. With them, a crash
 * between the write and the inbox record cannot apply an event twice.
 *
 *   await Model.updateOne({ _id, ...notYetApplied(event.id) }, { $inc: {...}, ...markApplied(event.id) })
 */
export function notYetApplied(eventId: string) {
  return { appliedEvents: { $ne: eventId } };
}

export function markApplied(eventId: string, keep = 50) {
  return { $push: { appliedEvents: { $each: [eventId], $slice: -keep } } };
}

/**
 * Applies an event to one read-model document, creating it if needed, at most once: the document
 * keeps the ids of the events it applied. On a redelivery the filter misses, the upsert's insert
 * hits the existing `_id`, and that duplicate key means "already done".
 * (FerretDB ignores `$setOnInsert`: reads must default what it would have set.)
 */
export async function upsertOnce(
  model: AnyModel,
  _id: unknown,
  eventId: string,
  update: { $push?: Record<string, unknown> } & Record<string, unknown>,
): Promise<void> {
  const $push = { ...update.$push, ...markApplied(eventId).$push };
  try {
    await model
      .updateOne({ _id, ...notYetApplied(eventId) }, { ...update, $push }, { upsert: true })
      .exec();
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
}
