import {
  Errors,
  initialOutbox,
  inOrderOf,
  isDuplicateKeyError,
  newId,
  requireViewer,
  type AuthContext,
  type OutboxWriter,
} from '@vitrine/platform';
import type {
  CheckoutDocument,
  CheckoutModel,
  CheckoutRecord,
  PlannedOrder,
} from '../models/checkout.model.js';
import type { Money } from '../models/money.model.js';
import {
  ActorKind,
  OrderStatus,
  StockStatus,
  type OrderDocument,
  type OrderItem,
  type OrderModel,
  type ShippingAddress,
} from '../models/order.model.js';
import type { CartView } from '../models/cart-view.model.js';
import type { AssessedItem } from './cart-line.js';
import type { CartService } from './cart.service.js';
import { checkoutRecordId } from './idempotency-key.js';
import { eventItems } from './order.service.js';
import { lineTotal, priceOrder, sumMoney, type PricingPolicy } from './pricing.js';

export interface CheckoutDone {
  kind: 'checkout';
  id: string;
  orders: OrderDocument[];
  subtotal: Money;
  tax: Money;
  deliveryFee: Money;
  total: Money;
}

export interface CartChangedOutcome {
  kind: 'cart_changed';
  message: string;
  cart: CartView;
}

export type CheckoutOutcome = CheckoutDone | CartChangedOutcome;

export type AddressFields = { [K in keyof ShippingAddress]?: ShippingAddress[K] | null };

/**
 * Responsible for turning a cart into orders, once. The cart is priced from the read model (never
 * from the client); a line whose price or availability changed since the customer saw it stops
 * the checkout with a `CartChanged` result. Otherwise a checkout record holding the whole plan
 * (one order per boutique) is inserted first under `<customerId>|<idempotencyKey>`, the cart is
 * claimed at the revision that was priced, and the planned orders are created with their
 * `order.created` events. Every step is idempotent, so a retry (or a resumed crash) with the same
 * key returns the same checkout and creates nothing twice.
 */
export class CheckoutService {
  constructor(
    private readonly checkouts: CheckoutModel,
    private readonly orders: OrderModel,
    private readonly carts: CartService,
    private readonly outbox: OutboxWriter,
    private readonly pricing: PricingPolicy,
  ) {}

  async checkout(
    ctx: AuthContext,
    idempotencyKey: string,
    address: AddressFields,
  ): Promise<CheckoutOutcome> {
    const viewer = requireViewer(ctx);
    const recordId = checkoutRecordId(viewer.id, idempotencyKey);
    const existing = await this.checkouts.findById(recordId).exec();
    if (existing) return this.complete(existing);

    const cart = await this.carts.stored(viewer.id);
    if (cart.items.length === 0) throw Errors.badUserInput('cart', 'Your cart is empty');
    const assessed = await this.carts.assess(cart.items);
    if (assessed.some((a) => a.priceChanged || a.unavailable)) {
      return {
        kind: 'cart_changed',
        message:
          'Some lines of your cart changed since you added them: accept the new prices or fix the lines, then check out again',
        cart: await this.carts.view(viewer.id, cart),
      };
    }
    const currencies = new Set(assessed.map((a) => a.unitPrice.currency));
    if (currencies.size > 1) {
      throw Errors.badUserInput('cart', 'A checkout is paid in one currency; split your cart');
    }
    const record: CheckoutRecord = {
      _id: recordId,
      checkoutId: newId().toHexString(),
      customerId: viewer.id,
      orders: this.plan(assessed, [...currencies][0]),
      shippingAddress: normalizeAddress(address),
      cartRevision: cart.revision,
      cartClaimed: false,
      completedAt: null,
    };
    try {
      const created = await this.checkouts.create(record);
      return await this.complete(created);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // A concurrent attempt with the same key won the insert: finish (or return) its checkout.
      const first = await this.checkouts.findById(recordId).exec();
      if (!first) throw err;
      return this.complete(first);
    }
  }

  /** One order per boutique, in the order the boutiques first appear in the cart. */
  plan(assessed: AssessedItem[], currency: string): PlannedOrder[] {
    const byBoutique = new Map<string, OrderItem[]>();
    for (const a of assessed) {
      const boutiqueId = a.product!.boutiqueId;
      const variant = a.variant!;
      const items = byBoutique.get(boutiqueId) ?? [];
      items.push({
        productId: a.item.productId,
        variantId: variant.variantId,
        title: a.product!.title,
        sku: variant.sku,
        size: variant.size ?? null,
        colour: variant.colour ?? null,
        quantity: a.item.quantity,
        unitPrice: { ...variant.price },
        lineTotal: lineTotal(variant.price, a.item.quantity),
      });
      byBoutique.set(boutiqueId, items);
    }
    return [...byBoutique].map(([boutiqueId, items]) => ({
      orderId: newId().toHexString(),
      boutiqueId,
      items,
      ...priceOrder(items, this.pricing, currency),
    }));
  }

  /**
   * Finishes a recorded checkout: claims the cart at the priced revision (or finds it already
   * claimed by this record), then creates each planned order that does not exist yet. A cart that
   * changed before the claim voids the record (no order exists yet), so the key can be retried.
   */
  private async complete(record: CheckoutDocument | CheckoutRecord): Promise<CheckoutDone> {
    if (!record.cartClaimed) {
      const claimed = await this.carts.claimForCheckout(
        record.customerId,
        record.cartRevision,
        record._id,
      );
      if (!claimed) {
        await this.checkouts.deleteOne({ _id: record._id, cartClaimed: false }).exec();
        throw Errors.conflict(
          'Your cart changed during checkout; review it and check out again',
          'cart',
        );
      }
      await this.checkouts.updateOne({ _id: record._id }, { $set: { cartClaimed: true } }).exec();
    }
    const ids = record.orders.map((o) => o.orderId);
    const existing = new Set(
      (
        await this.orders
          .find({ _id: { $in: ids } }, { _id: 1 })
          .lean()
          .exec()
      ).map((o) => o._id.toHexString()),
    );
    let created = false;
    for (const planned of record.orders) {
      if (existing.has(planned.orderId)) continue;
      created = (await this.createOrder(record, planned)) || created;
    }
    if (created) this.outbox.written();
    if (!record.completedAt) {
      await this.checkouts
        .updateOne({ _id: record._id, completedAt: null }, { $set: { completedAt: new Date() } })
        .exec();
    }
    const found = await this.orders.find({ _id: { $in: ids } }).exec();
    const orders = inOrderOf(ids, found, (o) => o.id).filter((o) => o !== null);
    const currency = record.orders[0].total.currency;
    return {
      kind: 'checkout',
      id: record.checkoutId,
      orders,
      subtotal: sumMoney(
        record.orders.map((o) => o.subtotal),
        currency,
      ),
      tax: sumMoney(
        record.orders.map((o) => o.tax),
        currency,
      ),
      deliveryFee: sumMoney(
        record.orders.map((o) => o.deliveryFee),
        currency,
      ),
      total: sumMoney(
        record.orders.map((o) => o.total),
        currency,
      ),
    };
  }

  private async createOrder(record: CheckoutRecord, planned: PlannedOrder): Promise<boolean> {
    const plain = toPlain(planned);
    const event = this.outbox.event('order.created', plain.orderId, {
      orderId: plain.orderId,
      checkoutId: record.checkoutId,
      checkoutOrderIds: record.orders.map((o) => o.orderId),
      customerId: record.customerId,
      boutiqueId: plain.boutiqueId,
      items: eventItems(plain),
      subtotal: plain.subtotal,
      tax: plain.tax,
      deliveryFee: plain.deliveryFee,
      total: plain.total,
    });
    try {
      await this.orders.create({
        _id: plain.orderId,
        checkoutId: record.checkoutId,
        customerId: record.customerId,
        boutiqueId: plain.boutiqueId,
        items: plain.items,
        subtotal: plain.subtotal,
        tax: plain.tax,
        deliveryFee: plain.deliveryFee,
        total: plain.total,
        status: OrderStatus.PENDING_PAYMENT,
        stock: StockStatus.PENDING,
        shippingAddress: toPlain(record.shippingAddress),
        history: [
          {
            from: null,
            to: OrderStatus.PENDING_PAYMENT,
            at: new Date(),
            actorId: record.customerId,
            actorKind: ActorKind.CUSTOMER,
            reason: null,
          },
        ],
        ...initialOutbox(event),
      });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false; // created by a concurrent attempt
      throw err;
    }
  }
}

/** Plain data from a mongoose subdocument or a plain object alike. */
function toPlain<T>(value: T): T {
  const maybe = value as { toObject?: () => T };
  return JSON.parse(JSON.stringify(maybe.toObject ? maybe.toObject() : value)) as T;
}

function normalizeAddress(address: AddressFields): ShippingAddress {
  const text = (value: string | null | undefined) => value?.trim() || null;
  return {
    recipientName: address.recipientName!.trim(),
    line1: address.line1!.trim(),
    line2: text(address.line2),
    city: address.city!.trim(),
    postalCode: address.postalCode!.trim(),
    region: text(address.region),
    country: address.country!.toUpperCase(),
    phone: text(address.phone),
  };
}
