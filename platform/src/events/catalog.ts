import { z } from 'zod';
import type { DomainName } from '../ports.js';

/**
 * The one typed catalog of Vitrine's events. Every event type is declared here once, with the
 * domain that produces it (which fixes its topic) and the schema of its payload. Producers and
 * consumers are type-checked against it, and consumers validate payloads with it.
 *
 * Payloads carry ids and the facts a consumer needs, never secrets other than those an event
 * exists to deliver (a password reset token travels to notifications, and is never logged).
 */
const id = z.string().regex(/^[0-9a-f]{24}$/);
const role = z.enum(['CUSTOMER', 'BOUTIQUE_OWNER', 'DRIVER', 'DELIVERY_MANAGER', 'ADMIN']);
const actor = z.object({ actorId: id.nullable() });

export const eventCatalog = {
  'user.registered': {
    domain: 'users',
    payload: z.object({
      userId: id,
      email: z.email(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      roles: z.array(role),
    }),
  },
  'user.updated': {
    domain: 'users',
    payload: z.object({ userId: id, changed: z.array(z.string()) }),
  },
  'user.role_granted': {
    domain: 'users',
    payload: actor.extend({ userId: id, role }),
  },
  'user.role_revoked': {
    domain: 'users',
    payload: actor.extend({ userId: id, role }),
  },
  'user.password_reset_requested': {
    domain: 'users',
    payload: z.object({
      userId: id,
      email: z.email(),
      resetToken: z.string().min(32),
      expiresAt: z.iso.datetime(),
    }),
  },
  'user.password_changed': {
    domain: 'users',
    payload: z.object({ userId: id, via: z.enum(['change', 'reset']) }),
  },
  'user.login_failed': {
    domain: 'users',
    payload: z.object({
      userId: id,
      ip: z.string().nullable(),
      failedAttempts: z.number().int().positive(),
    }),
  },
  'user.account_locked': {
    domain: 'users',
    payload: z.object({ userId: id, ip: z.string().nullable(), lockedUntil: z.iso.datetime() }),
  },
  'user.token_reuse_detected': {
    domain: 'users',
    payload: z.object({ userId: id, sessionId: z.string(), ip: z.string().nullable() }),
  },
} as const satisfies Record<string, { domain: DomainName; payload: z.ZodType }>;

export type EventCatalog = typeof eventCatalog;
export type EventType = keyof EventCatalog;
export type EventPayload<T extends EventType> = z.infer<EventCatalog[T]['payload']>;

export const TOPIC_PREFIX = 'vitrine.';
/** Poison messages, with headers naming the consumer, the source topic and the failure. */
export const DEAD_LETTER_TOPIC = 'vitrine.dead-letter';

export function topicOf(type: EventType): string {
  return `${TOPIC_PREFIX}${eventCatalog[type].domain}`;
}

export function topicOfDomain(domain: DomainName): string {
  return `${TOPIC_PREFIX}${domain}`;
}

export function isEventType(type: unknown): type is EventType {
  return typeof type === 'string' && Object.hasOwn(eventCatalog, type);
}
