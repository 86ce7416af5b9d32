import {
  Errors,
  hasRole,
  inOrderOf,
  objectIdsOf,
  paginate,
  requireOwnerOr,
  requireRole,
  requireViewer,
  Role,
  toObjectId,
  updateWithEvents,
  type AuthContext,
  type CloudEvent,
  type ConnectionResult,
  type EventPayload,
  type Logger,
  type OutboxWriter,
  type Viewer,
  isTeamMember,
  type BoutiqueTeam,
} from '@vitrine/platform';
import type { QueryFilter } from 'mongoose';
import {
  ActorKind,
  OrderStatus,
  StockStatus,
  type Order,
  type OrderDocument,
  type OrderModel,
  type OrderStatusChange,
} from '../models/order.model.js';
import { checkTransition } from './order-state-machine.js';
import type { ReadModelService } from './read-model.service.js';

export interface OrderFilter {
  status?: OrderStatus[] | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
}

export interface Page {
  first: number;
  after?: string | null;
}

interface Actor {
  id: string | null;
  kind: ActorKind;
}

const SYSTEM: Actor = { id: null, kind: ActorKind.SYSTEM };
/** Moves a full refund makes (cancel, then refunded), with retries of lost races. */
const MAX_REFUND_MOVES = 6;
const SWEEP_BATCH = 100;

/** The payload's item shape of order events, from an order's snapshot items. */
export function eventItems(order: Pick<Order, 'items'>) {
  return order.items.map((i) => ({
    productId: i.productId,
    variantId: i.variantId,
    sku: i.sku,
    quantity: i.quantity,
    unitPrice: { amount: i.unitPrice.amount, currency: i.unitPrice.currency },
  }));
}

/**
 * Responsible for orders after checkout: who may see them, their lifecycle (the state machine of
 * docs/COMMERCE.md, each move one conditional update on the current status, recorded in
 * `history` and emitted through the outbox), the answers of products and payments, and the
 * sweep that cancels orders left unpaid.
 */
export class OrderService {
  constructor(
    private readonly orders: OrderModel,
    private readonly readModel: ReadModelService,
    private readonly outbox: OutboxWriter,
    private readonly logger: Logger,
    private readonly paymentTimeoutMs: number,
  ) {}

  /** One order, for its customer, its boutique's team and admins. */
  async order(ctx: AuthContext, id: string): Promise<OrderDocument> {
    const order = await this.get(id, 'id');
    await this.assertCanView(ctx, order);
    return order;
  }

  async assertCanView(ctx: AuthContext, order: Order, team?: BoutiqueTeam | null): Promise<void> {
    const viewer = requireViewer(ctx);
    if (viewer.id === order.customerId || hasRole(viewer, Role.ADMIN)) return;
    const boutiqueTeam = team === undefined ? await this.team(order.boutiqueId) : team;
    if (!isTeamMember(boutiqueTeam, viewer.id)) throw Errors.forbidden('This is not your order');
  }

  /** Live status: only the order's customer and its boutique's owner and staff. */
  async assertCanWatch(ctx: AuthContext, orderId: string): Promise<void> {
    const viewer = requireViewer(ctx);
    const order = await this.get(orderId, 'orderId');
    if (viewer.id === order.customerId) return;
    if (!isTeamMember(await this.team(order.boutiqueId), viewer.id)) {
      throw Errors.forbidden('Only the customer and the boutique team may follow this order');
    }
  }

  async listForCustomer(ctx: AuthContext, customerId: string, filter: OrderFilter, page: Page) {
    requireOwnerOr(ctx, customerId, Role.ADMIN);
    return this.list({ customerId, ...this.query(filter) }, page);
  }

  async listForBoutique(ctx: AuthContext, boutiqueId: string, filter: OrderFilter, page: Page) {
    const viewer = requireViewer(ctx);
    if (!hasRole(viewer, Role.ADMIN) && !isTeamMember(await this.team(boutiqueId), viewer.id)) {
      throw Errors.forbidden("Only the boutique's team and admins see its orders");
    }
    return this.list({ boutiqueId, ...this.query(filter) }, page);
  }

  async listAll(ctx: AuthContext, filter: OrderFilter, page: Page) {
    requireRole(ctx, Role.ADMIN);
    return this.list(this.query(filter), page);
  }

  /**
   * Moves an order for a person: who they are to this order (its customer, its boutique's team,
   * a driver, an admin) decides whether the move is theirs to make (FORBIDDEN otherwise); the
   * current status decides whether it is possible (CONFLICT otherwise, nothing changed).
   */
  async transition(
    ctx: AuthContext,
    orderId: string,
    to: OrderStatus,
    reason: string | null = null,
  ): Promise<OrderDocument> {
    const viewer = requireViewer(ctx);
    const order = await this.get(orderId, 'orderId');
    const actors = this.actorsOf(viewer, order, await this.team(order.boutiqueId));
    if (actors.length === 0) throw Errors.forbidden('This is not your order');
    const check = checkTransition(actors, order.status, to, order.wasPaid);
    if (!check.ok && check.reason === 'forbidden') {
      throw Errors.forbidden(`You may not move an order to ${to}`);
    }
    if (!check.ok) {
      throw Errors.conflict(`An order in status ${order.status} cannot become ${to}`, 'orderId');
    }
    const updated = await this.apply(order, to, { id: viewer.id, kind: check.actor }, reason);
    if (!updated) {
      throw Errors.conflict('The order changed meanwhile; reload it and try again', 'orderId');
    }
    return updated;
  }

  /** `stock.reserved`: products holds the stock. */
  async stockReserved(orderId: string): Promise<void> {
    await this.orders
      .updateOne(
        { _id: toObjectId(orderId), stock: StockStatus.PENDING },
        { $set: { stock: StockStatus.RESERVED } },
      )
      .exec();
  }

  /** `stock.reservation_failed`: nothing is held; the order is cancelled as out of stock. */
  async stockReservationFailed(event: CloudEvent<'stock.reservation_failed'>): Promise<void> {
    const order = await this.orders.findById(toObjectId(event.data.orderId)).exec();
    if (!order || order.stock !== StockStatus.PENDING) return;
    if (order.status === OrderStatus.PENDING_PAYMENT || order.status === OrderStatus.PAID) {
      const done = await this.apply(order, OrderStatus.CANCELLED, SYSTEM, 'out_of_stock', {
        stock: StockStatus.FAILED,
      });
      if (done) return;
    }
    await this.orders
      .updateOne(
        { _id: order._id, stock: StockStatus.PENDING },
        { $set: { stock: StockStatus.FAILED } },
      )
      .exec();
  }

  async paymentCompleted(event: CloudEvent<'payment.completed'>): Promise<void> {
    await this.forEachPaymentOrder(event.data, OrderStatus.PAID, null);
  }

  async paymentFailed(event: CloudEvent<'payment.failed'>): Promise<void> {
    await this.forEachPaymentOrder(
      event.data,
      OrderStatus.CANCELLED,
      `payment_failed: ${event.data.reason}`.slice(0, 200),
    );
  }

  /**
   * An order's captured share is refunded in full: a delivered or cancelled order becomes
   * `refunded`; a paid or accepted one (not prepared yet) is cancelled first, which releases its
   * stock. Partial refunds, and refunds of orders on their way, leave the status as it is.
   */
  async paymentRefunded(event: CloudEvent<'payment.refunded'>): Promise<void> {
    const { data } = event;
    if (data.orderRefunded.amount < data.orderCaptured.amount) return;
    // Each move is conditional on the status read: one that lost a race (the boutique accepted
    // the order meanwhile) reads the order again and decides again.
    for (let attempt = 0; attempt < MAX_REFUND_MOVES; attempt++) {
      const order = await this.orders.findById(toObjectId(data.orderId)).exec();
      if (!order || order.customerId !== data.customerId) {
        this.logger.warn({ orderId: data.orderId }, 'a refund names an unknown order');
        return;
      }
      let moved: OrderDocument | null;
      if (order.status === OrderStatus.PAID || order.status === OrderStatus.ACCEPTED) {
        moved = await this.apply(order, OrderStatus.CANCELLED, SYSTEM, 'refunded');
      } else if (
        (order.status === OrderStatus.DELIVERED || order.status === OrderStatus.CANCELLED) &&
        checkTransition([ActorKind.SYSTEM], order.status, OrderStatus.REFUNDED, order.wasPaid).ok
      ) {
        const reason = `refunded: ${data.reason}`.slice(0, 200);
        moved = await this.apply(order, OrderStatus.REFUNDED, SYSTEM, reason);
        if (moved) return;
      } else {
        if (order.status !== OrderStatus.REFUNDED) {
          this.logger.info(
            { orderId: data.orderId, status: order.status },
            'refunded on its way: status kept',
          );
        }
        return;
      }
      if (!moved) continue; // lost a race: read again
    }
    throw new Error(`order ${data.orderId} kept changing while it was being refunded`);
  }

  /** Cancels `pending_payment` orders older than the payment timeout; returns how many. */
  async cancelUnpaid(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.paymentTimeoutMs);
    let cancelled = 0;
    for (;;) {
      const batch = await this.orders
        .find({ status: OrderStatus.PENDING_PAYMENT, createdAt: { $lt: cutoff } })
        .sort({ createdAt: 1 })
        .limit(SWEEP_BATCH)
        .exec();
      for (const order of batch) {
        if (await this.apply(order, OrderStatus.CANCELLED, SYSTEM, 'payment_timeout')) cancelled++;
      }
      if (batch.length < SWEEP_BATCH) return cancelled;
    }
  }

  /** Loads many orders in one query, in the order of `ids` (null where there is none). */
  async byIds(ids: readonly string[]): Promise<(OrderDocument | null)[]> {
    const found = await this.orders.find({ _id: { $in: objectIdsOf(ids) } }).exec();
    return inOrderOf(ids, found, (o) => o.id);
  }

  private async forEachPaymentOrder(
    data: EventPayload<'payment.completed'> | EventPayload<'payment.failed'>,
    to: OrderStatus,
    reason: string | null,
  ): Promise<void> {
    for (const orderId of data.orderIds) {
      const order = await this.orders.findById(toObjectId(orderId)).exec();
      if (!order || order.customerId !== data.customerId || order.checkoutId !== data.checkoutId) {
        this.logger.warn(
          { orderId, checkoutId: data.checkoutId },
          'payment names an unknown order',
        );
        continue;
      }
      if (order.status !== OrderStatus.PENDING_PAYMENT) {
        if (to === OrderStatus.PAID && order.status === OrderStatus.CANCELLED) {
          this.logger.warn({ orderId }, 'payment completed for a cancelled order: refund needed');
        }
        continue; // already applied, or moved on: nothing to do
      }
      await this.apply(order, to, SYSTEM, reason);
    }
  }

  /**
   * One move as one conditional write: the filter on the current status makes a concurrent move
   * (or a redelivered event) miss, so no move applies twice. Returns null when it missed.
   */
  private async apply(
    order: OrderDocument,
    to: OrderStatus,
    actor: Actor,
    reason: string | null,
    extra: Record<string, unknown> = {},
  ): Promise<OrderDocument | null> {
    const orderId = order.id;
    const change: OrderStatusChange = {
      from: order.status,
      to,
      at: new Date(),
      actorId: actor.id,
      actorKind: actor.kind,
      reason,
    };
    const events: CloudEvent[] = [
      this.outbox.event('order.status_updated', orderId, {
        orderId,
        checkoutId: order.checkoutId,
        customerId: order.customerId,
        boutiqueId: order.boutiqueId,
        from: order.status,
        to,
        actorId: actor.id,
      }),
    ];
    const $set: Record<string, unknown> = { status: to, ...extra };
    if (to === OrderStatus.PAID) $set.wasPaid = true;
    if (to === OrderStatus.CANCELLED) {
      $set.cancellationReason = reason ?? 'cancelled';
      events.push(
        this.outbox.event('order.cancelled', orderId, {
          orderId,
          customerId: order.customerId,
          boutiqueId: order.boutiqueId,
          reason: reason ?? 'cancelled',
          items: eventItems(order),
          actorId: actor.id,
        }),
      );
    }
    const updated = await this.orders
      .findOneAndUpdate(
        { _id: order._id, status: order.status },
        updateWithEvents({ $set, $push: { history: change } }, ...events),
        { returnDocument: 'after' },
      )
      .exec();
    if (updated) this.outbox.written();
    return updated;
  }

  private actorsOf(viewer: Viewer, order: Order, team: BoutiqueTeam | null): ActorKind[] {
    const kinds: ActorKind[] = [];
    if (viewer.id === order.customerId) kinds.push(ActorKind.CUSTOMER);
    if (isTeamMember(team, viewer.id)) kinds.push(ActorKind.BOUTIQUE_TEAM);
    if (hasRole(viewer, Role.DRIVER)) kinds.push(ActorKind.DRIVER);
    if (hasRole(viewer, Role.ADMIN)) kinds.push(ActorKind.ADMIN);
    return kinds;
  }

  private async get(id: string, field: string): Promise<OrderDocument> {
    const order = await this.orders.findById(toObjectId(id, field)).exec();
    if (!order) throw Errors.notFound('Order', id);
    return order;
  }

  private async team(boutiqueId: string): Promise<BoutiqueTeam | null> {
    const [team] = await this.readModel.teamsByIds([boutiqueId]);
    return team ?? null;
  }

  private query(filter: OrderFilter): QueryFilter<Order> {
    const createdAt: Record<string, Date> = {};
    if (filter.createdAfter) createdAt.$gte = filter.createdAfter;
    if (filter.createdBefore) createdAt.$lt = filter.createdBefore;
    return {
      ...(filter.status?.length ? { status: { $in: filter.status } } : {}),
      ...(Object.keys(createdAt).length ? { createdAt } : {}),
    };
  }

  private list(query: QueryFilter<Order>, page: Page): Promise<ConnectionResult<OrderDocument>> {
    return paginate(this.orders, query, page) as Promise<ConnectionResult<OrderDocument>>;
  }
}
