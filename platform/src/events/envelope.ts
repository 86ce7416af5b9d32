import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { eventCatalog, isEventType, type EventPayload, type EventType } from './catalog.js';

/** A CloudEvents 1.0 JSON envelope whose `data` matches the catalog's schema for its `type`. */
export interface CloudEvent<T extends EventType = EventType> {
  specversion: '1.0';
  id: string;
  source: string;
  type: T;
  time: string;
  /** The aggregate's id; it is also the Kafka key, which keeps one aggregate's events in order. */
  subject: string;
  datacontenttype: 'application/json';
  data: EventPayload<T>;
}

export type AnyCloudEvent = { [T in EventType]: CloudEvent<T> }[EventType];

export function createEvent<T extends EventType>(
  source: string,
  type: T,
  subject: string,
  data: EventPayload<T>,
  time: Date = new Date(),
): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source,
    type,
    time: time.toISOString(),
    subject,
    datacontenttype: 'application/json',
    data,
  };
}

const envelope = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string(),
  time: z.string(),
  subject: z.string().min(1),
  datacontenttype: z.literal('application/json').optional(),
  data: z.unknown(),
});

/** A message that can never be handled, however often it is retried: park it, do not retry. */
export class PoisonMessageError extends Error {
  override name = 'PoisonMessageError';
}

export type ParsedMessage = { known: true; event: AnyCloudEvent } | { known: false; type: string };

/**
 * Parses and validates a message from Kafka. A known type gets its payload validated against the
 * catalog; an unknown type (from a newer producer) is reported as such so a consumer can skip it.
 */
export function parseEvent(raw: Buffer | string | null): ParsedMessage {
  let json: unknown;
  try {
    json = JSON.parse(raw?.toString() ?? '');
  } catch {
    throw new PoisonMessageError('message is not JSON');
  }
  const parsed = envelope.safeParse(json);
  if (!parsed.success) throw new PoisonMessageError('message is not a CloudEvents 1.0 envelope');
  const { type } = parsed.data;
  if (!isEventType(type)) return { known: false, type };
  const data = eventCatalog[type].payload.safeParse(parsed.data.data);
  if (!data.success) {
    const issue = data.error.issues[0];
    throw new PoisonMessageError(
      `invalid ${type} payload at ${issue?.path.join('.')}: ${issue?.message}`,
    );
  }
  const event = {
    ...parsed.data,
    datacontenttype: 'application/json',
    type,
    data: data.data,
  } as AnyCloudEvent;
  return { known: true, event };
}
