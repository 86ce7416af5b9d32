import { z } from 'zod';
import type { DomainName } from '../ports.js';

/**
 * The one typed catalog of Vitrine's events. Every event type is declared here once, with the
 * domain that produces it (which fixes its topic) and the schema of its payload. Producers and
 * consumers are type-checked against it, and consumers validate payloads with it.
 *
 * Payloads carry ids and the facts a consumer needs, never secrets other than those an event
 * exists to deliver (a password reset token travels to notifications, and is never logged).
 *
 * Payloads evolve compatibly: topics keep the events written before a change, and consumers
 * replay them, so a field added later has a default, and none is removed or retyped.
 */
const id = z.string().regex(/^[0-9a-f]{24}$/);
const role = z.enum(['CUSTOMER', 'BOUTIQUE_OWNER', 'DRIVER', 'DELIVERY_MANAGER', 'ADMIN']);
const actor = z.object({ actorId: id.nullable() });
/** Money is integer minor units and an ISO 4217 code, never a float. */
const money = z.object({ amount: z.number().int(), currency: z.string().regex(/^[A-Z]{3}$/) });
const orderStatus = z.enum([
  'pending_payment',
  'paid',
  'accepted',
  'preparing',
  'ready_for_pickup',
  'picked_up',
  'delivered',
  'cancelled',
  'refunded',
]);
const boutiqueStatus = z.enum(['pending', 'approved', 'rejected', 'suspended']);
const productStatus = z.enum(['draft', 'active', 'archived']);
/** What other domains keep of a product (read models): enough to price and show it. */
const productSnapshot = z.object({
  boutiqueId: id,
  title: z.string(),
  /** The product's category and its ancestors (coupons scoped to a category match any). */
  categoryIds: z.array(id).default([]),
  status: productStatus,
  variants: z.array(
    z.object({
      variantId: id,
      sku: z.string(),
      size: z.string().nullable(),
      colour: z.string().nullable(),
      price: money,
      compareAtPrice: money.nullable(),
      available: z.number().int().min(0),
    }),
  ),
});
const orderItem = z.object({
  productId: id,
  variantId: id,
  sku: z.string(),
  quantity: z.number().int().positive(),
  unitPrice: money,
});

/** A boutique's subscription to a plan, as Stripe last told it. */
const subscriptionState = z.object({
  subscriptionId: z.string(),
  boutiqueId: id,
  plan: z.string(),
  interval: z.enum(['month', 'year']),
  status: z.string(),
  currentPeriodEnd: z.iso.datetime().nullable(),
  /** Until when a past-due boutique keeps selling. */
  graceUntil: z.iso.datetime().nullable(),
});

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

  // boutiques
  'boutique.created': {
    domain: 'boutiques',
    payload: z.object({
      boutiqueId: id,
      ownerId: id,
      name: z.string(),
      slug: z.string(),
      status: boutiqueStatus,
    }),
  },
  'boutique.updated': {
    domain: 'boutiques',
    payload: z.object({ boutiqueId: id, changed: z.array(z.string()) }),
  },
  'boutique.approved': {
    domain: 'boutiques',
    payload: actor.extend({ boutiqueId: id, ownerId: id }),
  },
  'boutique.rejected': {
    domain: 'boutiques',
    payload: actor.extend({ boutiqueId: id, ownerId: id, reason: z.string() }),
  },
  'boutique.suspended': {
    domain: 'boutiques',
    payload: actor.extend({ boutiqueId: id, ownerId: id, reason: z.string() }),
  },
  'boutique.reinstated': {
    domain: 'boutiques',
    payload: actor.extend({ boutiqueId: id, ownerId: id }),
  },
  /** The whole team after a change, so that read models replace rather than patch. */
  'boutique.staff_changed': {
    domain: 'boutiques',
    payload: z.object({ boutiqueId: id, ownerId: id, staffIds: z.array(id) }),
  },

  // products
  'product.created': {
    domain: 'products',
    payload: z.object({ productId: id, snapshot: productSnapshot }),
  },
  'product.updated': {
    domain: 'products',
    payload: z.object({ productId: id, changed: z.array(z.string()), snapshot: productSnapshot }),
  },
  'product.price_changed': {
    domain: 'products',
    payload: z.object({
      productId: id,
      variantId: id,
      sku: z.string(),
      oldPrice: money,
      newPrice: money,
    }),
  },
  'product.stock_changed': {
    domain: 'products',
    payload: z.object({
      productId: id,
      variantId: id,
      sku: z.string(),
      available: z.number().int().min(0),
    }),
  },
  'product.out_of_stock': {
    domain: 'products',
    payload: z.object({ productId: id, variantId: id, sku: z.string() }),
  },
  'product.back_in_stock': {
    domain: 'products',
    payload: z.object({
      productId: id,
      variantId: id,
      sku: z.string(),
      available: z.number().int().positive(),
    }),
  },
  'product.viewed': {
    domain: 'products',
    payload: z.object({ productId: id, boutiqueId: id, viewerId: id.nullable() }),
  },
  /** Stock of every item of an order is held for it (answer to order.created). */
  'stock.reserved': {
    domain: 'products',
    payload: z.object({ orderId: id, items: z.array(orderItem) }),
  },
  /** Nothing was held: one item could not be reserved (answer to order.created). */
  'stock.reservation_failed': {
    domain: 'products',
    payload: z.object({
      orderId: id,
      variantId: id,
      sku: z.string(),
      requested: z.number().int(),
      available: z.number().int(),
    }),
  },

  // orders
  'order.created': {
    domain: 'orders',
    payload: z.object({
      orderId: id,
      checkoutId: z.string(),
      /**
       * Every order of the checkout (one per boutique), so a consumer knows when it has all.
       * Empty in events written before it existed (a field added later is defaulted: topics keep
       * older events, which must stay valid).
       */
      checkoutOrderIds: z.array(id).default([]),
      customerId: id,
      boutiqueId: id,
      items: z.array(orderItem).min(1),
      subtotal: money,
      tax: money,
      deliveryFee: money,
      total: money,
    }),
  },
  'order.status_updated': {
    domain: 'orders',
    payload: actor.extend({
      orderId: id,
      checkoutId: z.string(),
      customerId: id,
      boutiqueId: id,
      from: orderStatus,
      to: orderStatus,
    }),
  },
  'order.cancelled': {
    domain: 'orders',
    payload: actor.extend({
      orderId: id,
      customerId: id,
      boutiqueId: id,
      reason: z.string(),
      items: z.array(orderItem),
    }),
  },

  // payments
  /** The customer's money was captured for these orders (the amount after discounts). */
  'payment.completed': {
    domain: 'payments',
    payload: z.object({
      paymentId: z.string(),
      checkoutId: z.string(),
      orderIds: z.array(id),
      customerId: id,
      amount: money,
    }),
  },
  /** The payment failed: its orders are cancelled and its coupon and points given back. */
  'payment.failed': {
    domain: 'payments',
    payload: z.object({
      paymentId: z.string(),
      checkoutId: z.string(),
      orderIds: z.array(id),
      customerId: id,
      reason: z.string(),
    }),
  },
  /** Stripe confirmed a refund of (part of) one order's share of a payment. */
  'payment.refunded': {
    domain: 'payments',
    payload: z.object({
      paymentId: z.string(),
      refundId: z.string(),
      checkoutId: z.string(),
      orderId: id,
      boutiqueId: id,
      customerId: id,
      amount: money,
      /** What was captured for the order, and all that is refunded of it now. */
      orderCaptured: money,
      orderRefunded: money,
      /** Of the whole payment: for reversing what was earned on it pro rata. */
      paymentCaptured: money,
      reason: z.string(),
    }),
  },
  'subscription.activated': {
    domain: 'payments',
    payload: subscriptionState,
  },
  'subscription.past_due': {
    domain: 'payments',
    payload: subscriptionState,
  },
  'subscription.cancelled': {
    domain: 'payments',
    payload: subscriptionState,
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
