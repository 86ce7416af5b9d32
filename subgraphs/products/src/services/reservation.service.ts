import {
  isDuplicateKeyError,
  tryObjectId,
  updateWithEvents,
  type CloudEvent,
  type Logger,
  type OutboxWriter,
} from '@vitrine/platform';
import { Types } from 'mongoose';
import type { BoutiqueTeamModel } from '../models/boutique-team.model.js';
import type {
  ReservationDocument,
  ReservationItem,
  ReservationModel,
  ReservationStatus,
} from '../models/reservation.model.js';
import type { StockService } from './stock.service.js';

type OrderItems = CloudEvent<'order.created'>['data']['items'];

/** One line per variant: an order that lists a variant twice asks for the sum. */
export function mergeItems(items: OrderItems): ReservationItem[] {
  const byVariant = new Map<string, ReservationItem>();
  for (const item of items) {
    const line = byVariant.get(item.variantId);
    if (line) line.quantity += item.quantity;
    else
      byVariant.set(item.variantId, {
        productId: item.productId,
        variantId: item.variantId,
        sku: item.sku,
        quantity: item.quantity,
      });
  }
  return [...byVariant.values()];
}

/**
 * Responsible for the stock saga (docs/COMMERCE.md): it reserves an order's items when the order
 * is created (all or nothing), releases them when it is cancelled and sells them when it is paid.
 * Each order has a reservation document keyed by its id, whose outbox carries the answer, and each
 * stock operation is applied at most once per order (the order's hold on the variant's stock), so
 * a redelivered or resumed event changes nothing twice.
 */
export class ReservationService {
  constructor(
    private readonly reservations: ReservationModel,
    private readonly teams: BoutiqueTeamModel,
    private readonly stock: StockService,
    private readonly outbox: OutboxWriter,
  ) {}

  async onOrderCreated(event: CloudEvent<'order.created'>, logger?: Logger): Promise<void> {
    const { orderId, boutiqueId } = event.data;
    if (!(await this.teams.exists({ _id: tryObjectId(boutiqueId) }).exec())) {
      // Products of a boutique this catalog does not know cannot be in the order: not ours.
      logger?.warn({ orderId, boutiqueId }, 'order of an unknown boutique; skipped');
      return;
    }
    const reservation = await this.open(orderId, boutiqueId, mergeItems(event.data.items));
    if (reservation.status !== 'pending') return; // answered already (a redelivery)

    let failure: { variantId: string; sku: string; requested: number; available: number } | null =
      null;
    for (const item of reservation.items) {
      const outcome = await this.stock.reserve(item.variantId, item.quantity, { orderId });
      const belongs =
        outcome.ok &&
        outcome.stock.boutiqueId === boutiqueId &&
        outcome.stock.productId === item.productId;
      if (belongs) continue;
      // Not reserved, or reserved but not this order's to take: all is given back below.
      failure = {
        variantId: item.variantId,
        sku: item.sku,
        requested: item.quantity,
        available: outcome.ok ? 0 : outcome.available,
      };
      break;
    }

    if (failure) {
      for (const item of reservation.items) {
        await this.stock.release(item.variantId, item.quantity, { orderId });
      }
      const answer = this.outbox.event('stock.reservation_failed', orderId, {
        orderId,
        ...failure,
      });
      await this.settle(orderId, 'pending', 'failed', answer, { failure });
      return;
    }
    const answer = this.outbox.event('stock.reserved', orderId, {
      orderId,
      items: event.data.items,
    });
    await this.settle(orderId, 'pending', 'reserved', answer);
  }

  /** The order was cancelled: its held units, or the units it bought, go back on sale. */
  async onOrderCancelled(event: CloudEvent<'order.cancelled'>): Promise<void> {
    const { orderId, boutiqueId } = event.data;
    const reservation = await this.reservations.findById(new Types.ObjectId(orderId)).exec();
    if (!reservation) {
      // Cancelled before it was reserved: a tombstone makes a late order.created reserve nothing.
      // An insert, not an upsert with $setOnInsert (which FerretDB ignores).
      await this.reservations
        .create({ _id: new Types.ObjectId(orderId), boutiqueId, items: [], status: 'released' })
        .catch((err: unknown) => {
          if (!isDuplicateKeyError(err)) throw err;
        });
      return;
    }
    if (reservation.status === 'committed') {
      for (const item of reservation.items) {
        await this.stock.restore(item.variantId, item.quantity, { orderId });
      }
      await this.settle(orderId, 'committed', 'restored');
      return;
    }
    if (reservation.status !== 'reserved') return;
    for (const item of reservation.items) {
      await this.stock.release(item.variantId, item.quantity, { orderId });
    }
    await this.settle(orderId, 'reserved', 'released');
  }

  /** The order was paid: its held units are sold. */
  async onOrderStatusUpdated(event: CloudEvent<'order.status_updated'>): Promise<void> {
    if (event.data.to !== 'paid') return;
    const { orderId } = event.data;
    const reservation = await this.reservations.findById(new Types.ObjectId(orderId)).exec();
    if (reservation?.status !== 'reserved') return;
    for (const item of reservation.items) {
      await this.stock.commit(item.variantId, item.quantity, { orderId });
    }
    await this.settle(orderId, 'reserved', 'committed');
  }

  /** The order's reservation: a new pending one, or the one a first delivery created. */
  private async open(
    orderId: string,
    boutiqueId: string,
    items: ReservationItem[],
  ): Promise<ReservationDocument> {
    try {
      return await this.reservations.create({
        _id: new Types.ObjectId(orderId),
        boutiqueId,
        items,
        status: 'pending',
      });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = await this.reservations.findById(new Types.ObjectId(orderId)).exec();
      if (!existing) throw err;
      return existing;
    }
  }

  /** Moves the reservation on from `from` (compare-and-swap), with its answer when there is one. */
  private async settle(
    orderId: string,
    from: ReservationStatus,
    to: ReservationStatus,
    answer?: CloudEvent,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const $set = { status: to, ...extra };
    const result = await this.reservations
      .updateOne(
        { _id: new Types.ObjectId(orderId), status: from },
        answer ? updateWithEvents({ $set }, answer) : { $set },
      )
      .exec();
    if (result.modifiedCount && answer) this.outbox.written();
  }
}
