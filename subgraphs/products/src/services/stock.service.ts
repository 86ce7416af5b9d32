import {
  Errors,
  isDuplicateKeyError,
  updateWithEvents,
  withEvents,
  type CloudEvent,
  type OutboxWriter,
} from '@vitrine/platform';
import type { Types } from 'mongoose';
import type { StockDocument, StockModel } from '../models/stock.model.js';
import { applyStockOp, incrementOf, stockSignals, type StockOp } from './stock-math.js';

/** How often a compare-and-swap is retried; each failure means another change won. */
const MAX_ATTEMPTS = 200;

export interface NewStock {
  variantId: Types.ObjectId;
  sku: string;
  available: number;
}

/** `stock` is the variant's stock as read before the change: for its identity, not its counters. */
export type StockOutcome =
  | { ok: true; stock: StockDocument }
  | { ok: false; reason: 'missing' | 'insufficient'; available: number };

/** Which order an operation is for: its hold on the stock makes the operation apply once. */
export interface ForOrder {
  orderId: string;
}

/**
 * Responsible for variants' stock: every change is one conditional update of the variant's own
 * document, and carries its stock events (stock_changed, out_of_stock, back_in_stock) in the same
 * write. The filter pins the `available` that was read (so the events say exactly what it became,
 * and a reservation can only take units that are there: `available >= quantity` was checked on
 * that very value); a lost race reads again and retries.
 */
export class StockService {
  constructor(
    private readonly stocks: StockModel,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Creates the stock documents of new variants. A SKU already used in the boutique is CONFLICT on
   * `skuField(index)`, and nothing is left behind.
   */
  async create(
    productId: string,
    boutiqueId: string,
    items: NewStock[],
    skuField: (index: number) => string,
  ): Promise<void> {
    const created: Types.ObjectId[] = [];
    try {
      for (const item of items) {
        await this.stocks.create({
          _id: item.variantId,
          productId,
          boutiqueId,
          sku: item.sku,
          skuKey: item.sku,
          available: item.available,
          reserved: 0,
          sold: 0,
        });
        created.push(item.variantId);
      }
    } catch (err) {
      await this.stocks.deleteMany({ _id: { $in: created } }).exec();
      if (isDuplicateKeyError(err)) {
        throw Errors.conflict(
          'Another variant of this boutique has this SKU',
          skuField(created.length),
        );
      }
      throw err;
    }
  }

  /** Undoes `create` when the product write that should follow it failed. */
  async discard(variantIds: Types.ObjectId[]): Promise<void> {
    await this.stocks.deleteMany({ _id: { $in: variantIds } }).exec();
  }

  async rename(variantId: string, sku: string, field: string): Promise<void> {
    try {
      await this.stocks.updateOne({ _id: variantId }, { $set: { sku, skuKey: sku } }).exec();
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        throw Errors.conflict('Another variant of this boutique has this SKU', field);
      }
      throw err;
    }
  }

  byIds(ids: readonly string[]): Promise<StockDocument[]> {
    return this.stocks.find({ _id: { $in: [...ids] } }).exec();
  }

  /** Reserves units for an order (once per order and variant). */
  reserve(variantId: string, quantity: number, { orderId }: ForOrder): Promise<StockOutcome> {
    return this.change(variantId, { kind: 'reserve', quantity }, orderId);
  }

  /** Gives an order's units back to sale; nothing when the order holds none here. */
  release(variantId: string, quantity: number, { orderId }: ForOrder): Promise<StockOutcome> {
    return this.change(variantId, { kind: 'release', quantity }, orderId);
  }

  /** Turns an order's held units into sold ones; nothing when the order holds none here. */
  commit(variantId: string, quantity: number, { orderId }: ForOrder): Promise<StockOutcome> {
    return this.change(variantId, { kind: 'commit', quantity }, orderId);
  }

  /** Puts the units a paid order bought back on sale (it was cancelled); once per order. */
  restore(variantId: string, quantity: number, { orderId }: ForOrder): Promise<StockOutcome> {
    return this.change(variantId, { kind: 'restore', quantity }, orderId);
  }

  /** Restocking or a stock count: `available` moves by `delta`, never below zero. */
  adjust(variantId: string, delta: number): Promise<StockOutcome> {
    return this.change(variantId, { kind: 'adjust', delta }, null);
  }

  /**
   * Takes a removed variant off sale: no reservation takes its units any more, and search counts it
   * out of stock (out_of_stock when it had units). Held units can still be released or sold.
   */
  async retire(variantId: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stock = await this.stocks.findById(variantId).exec();
      if (!stock || stock.removed) return;
      const events = stock.available > 0 ? [this.signal('product.out_of_stock', stock, 0)] : [];
      const $set = { removed: true, skuKey: `removed:${variantId}` };
      const result = await this.stocks
        .updateOne(
          { _id: stock._id, available: stock.available, removed: false },
          events.length ? updateWithEvents({ $set }, ...events) : { $set },
        )
        .exec();
      if (result.modifiedCount) {
        if (events.length) this.outbox.written();
        return;
      }
    }
    throw new Error(`stock of ${variantId}: too many concurrent changes`);
  }

  private async change(
    variantId: string,
    op: StockOp,
    orderId: string | null,
  ): Promise<StockOutcome> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stock = await this.stocks.findById(variantId).exec();
      if (!stock) return { ok: false, reason: 'missing', available: 0 };
      const held = orderId !== null && stock.holds.includes(orderId);
      // Already applied for this order (a redelivery): the outcome is the same as the first time.
      if (op.kind === 'reserve' && held) return { ok: true, stock };
      if ((op.kind === 'release' || op.kind === 'commit') && !held) return { ok: true, stock };
      if (op.kind === 'restore' && (stock.restored ?? []).includes(orderId!)) {
        return { ok: true, stock };
      }
      if ((op.kind === 'reserve' || op.kind === 'adjust') && stock.removed) {
        return { ok: false, reason: 'missing', available: 0 };
      }
      const next = applyStockOp(stock, op);
      if (!next) return { ok: false, reason: 'insufficient', available: stock.available };
      const events = stock.removed
        ? []
        : stockSignals(stock.available, next.available).map((type) =>
            this.signal(type, stock, next.available),
          );
      const filter: Record<string, unknown> = { _id: stock._id, available: stock.available };
      const update: Record<string, unknown> = { $inc: incrementOf(op) };
      const outbox = events.length ? withEvents(...events) : null;
      if (op.kind === 'reserve') {
        filter.holds = { $ne: orderId };
        update.$push = { holds: orderId, ...outbox?.$push };
      } else if (op.kind === 'restore') {
        filter.restored = { $ne: orderId };
        update.$push = { restored: { $each: [orderId], $slice: -200 }, ...outbox?.$push };
      } else {
        if (orderId !== null) {
          filter.holds = orderId;
          update.$pull = { holds: orderId };
        }
        if (outbox) update.$push = outbox.$push;
      }
      if (outbox) update.$set = outbox.$set;
      const result = await this.stocks.updateOne(filter, update).exec();
      if (result.modifiedCount) {
        if (events.length) this.outbox.written();
        return { ok: true, stock };
      }
    }
    throw new Error(`stock of ${variantId}: too many concurrent changes`);
  }

  private signal(
    type: 'product.stock_changed' | 'product.out_of_stock' | 'product.back_in_stock',
    stock: StockDocument,
    available: number,
  ): CloudEvent {
    const ids = {
      productId: stock.productId,
      variantId: stock._id.toHexString(),
      sku: stock.sku,
    };
    switch (type) {
      case 'product.stock_changed':
        return this.outbox.event(type, stock.productId, { ...ids, available });
      case 'product.out_of_stock':
        return this.outbox.event(type, stock.productId, ids);
      case 'product.back_in_stock':
        return this.outbox.event(type, stock.productId, { ...ids, available });
    }
  }
}
