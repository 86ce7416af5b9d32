import { index, modelOptions, prop, Severity } from '@typegoose/typegoose';
import type { EventPayload, EventType } from './catalog.js';
import type { CloudEvent } from './envelope.js';

/** One event waiting in an aggregate's outbox: the whole CloudEvents envelope. */
@modelOptions({ options: { allowMixed: Severity.ALLOW }, schemaOptions: { _id: false } })
export class OutboxEntry {
  @prop({ required: true })
  id!: string;

  @prop({ required: true })
  type!: string;

  @prop({ required: true })
  envelope!: object;
}

/**
 * Base class of every document that emits events. An event is written in the same single-document
 * update as the state change that causes it, so neither exists without the other, without any
 * multi-document transaction; the OutboxRelay later publishes it to Kafka and removes it.
 *
 * `outboxAt` is set while events wait (indexed, so the relay finds them without a scan) and
 * `outboxLease` keeps two relay instances from publishing the same document at once.
 */
@index({ outboxAt: 1 })
@modelOptions({ options: { allowMixed: Severity.ALLOW } })
export abstract class Aggregate {
  @prop({ type: () => [OutboxEntry], default: [] })
  outbox!: OutboxEntry[];

  @prop({ type: () => Date, default: null })
  outboxAt!: Date | null;

  @prop({ type: () => Date, default: null })
  outboxLease!: Date | null;
}

function entry(event: CloudEvent): OutboxEntry {
  return { id: event.id, type: event.type, envelope: event };
}

/**
 * The update fragment that appends events to an aggregate's outbox; merge it into the same
 * `updateOne`/`findOneAndUpdate` that changes the state:
 *
 *   await Users.updateOne({ _id, version }, { $set: { roles }, ...withEvents(event) })
 */
export function withEvents(...events: CloudEvent[]) {
  return {
    $push: { outbox: { $each: events.map(entry) } },
    $set: { outboxAt: new Date() },
  };
}

/**
 * Merges `withEvents` into an update that has its own `$set`/`$push`, which a plain spread would
 * overwrite.
 */
export function updateWithEvents<U extends { $set?: object; $push?: object }>(
  update: U,
  ...events: CloudEvent[]
): U & ReturnType<typeof withEvents> {
  const outbox = withEvents(...events);
  return {
    ...update,
    $set: { ...update.$set, ...outbox.$set },
    $push: { ...update.$push, ...outbox.$push },
  };
}

/** For a document about to be created with `Model.create` or `new Model().save()`. */
export function initialOutbox(
  ...events: CloudEvent[]
): Pick<Aggregate, 'outbox' | 'outboxAt' | 'outboxLease'> {
  return {
    outbox: events.map(entry),
    outboxAt: events.length ? new Date() : null,
    outboxLease: null,
  };
}

/** What a service needs to emit events: make them, and tell the relay they were written. */
export interface OutboxWriter {
  event<T extends EventType>(type: T, subject: string, data: EventPayload<T>): CloudEvent<T>;
  /** Call after the write that stored the events, so that they leave now rather than at the next poll. */
  written(): void;
}
