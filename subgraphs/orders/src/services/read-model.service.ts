import {
  inOrderOf,
  markApplied,
  notYetApplied,
  upsertOnce,
  type BoutiqueTeam,
  type BoutiqueTeams,
  type EventPayload,
} from '@vitrine/platform';
import type {
  CatalogProduct,
  CatalogProductModel,
  CatalogVariant,
} from '../models/catalog-product.model.js';

type Snapshot = EventPayload<'product.created'>['snapshot'];

const MAX_STOCK_ATTEMPTS = 10;

/**
 * Responsible for what orders knows of other domains: boutique teams (who may move a boutique's
 * orders, whether it sells) and products (what carts and checkout price from). Every apply is one
 * document write made idempotent by the event id it records.
 */
export class ReadModelService {
  constructor(
    private readonly teams: BoutiqueTeams,
    private readonly products: CatalogProductModel,
  ) {}

  async applyProductSnapshot(eventId: string, productId: string, snapshot: Snapshot) {
    await upsertOnce(this.products, productId, eventId, {
      $set: {
        boutiqueId: snapshot.boutiqueId,
        title: snapshot.title,
        status: snapshot.status,
        variants: snapshot.variants.map((v) => ({
          variantId: v.variantId,
          sku: v.sku,
          size: v.size,
          colour: v.colour,
          price: { ...v.price },
          available: v.available,
        })),
      },
      $inc: { version: 1 },
    });
  }

  /** A variant's stock: the variants array is rewritten under a version guard (no positional $). */
  async applyStockChanged(
    eventId: string,
    productId: string,
    variantId: string,
    available: number,
  ) {
    for (let attempt = 0; attempt < MAX_STOCK_ATTEMPTS; attempt++) {
      const product = await this.products.findById(productId).lean().exec();
      if (!product || product.appliedEvents.includes(eventId)) return;
      const variants: CatalogVariant[] = product.variants.map((v) =>
        v.variantId === variantId ? { ...v, available } : v,
      );
      const result = await this.products
        .updateOne(
          { _id: productId, version: product.version, ...notYetApplied(eventId) },
          { $set: { variants }, $inc: { version: 1 }, ...markApplied(eventId) },
        )
        .exec();
      if (result.matchedCount) return;
    }
    throw new Error(`stock of product ${productId} kept changing`);
  }

  teamsByIds(ids: readonly string[]): Promise<(BoutiqueTeam | null)[]> {
    return this.teams.byIds(ids);
  }

  async productsByIds(ids: readonly string[]): Promise<(CatalogProduct | null)[]> {
    const found = await this.products
      .find({ _id: { $in: [...new Set(ids)] } })
      .lean()
      .exec();
    return inOrderOf(ids, found, (p) => p._id);
  }
}
