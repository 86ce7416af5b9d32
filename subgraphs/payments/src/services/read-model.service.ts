import {
  upsertOnce,
  type BoutiqueTeam,
  type BoutiqueTeams,
  type EventPayload,
} from '@vitrine/platform';
import type { ProductCategoriesModel } from '../models/catalog.model.js';

type Snapshot = EventPayload<'product.created'>['snapshot'];

/**
 * Responsible for what payments knows of other domains: boutique teams (who may refund a
 * boutique's orders, create its coupons, manage its subscription) and products' categories (what
 * a category coupon matches). Every apply is one document write made idempotent by its event id.
 */
export class ReadModelService {
  constructor(
    private readonly teams: BoutiqueTeams,
    private readonly categories: ProductCategoriesModel,
  ) {}

  async applyProduct(eventId: string, productId: string, snapshot: Snapshot): Promise<void> {
    await upsertOnce(this.categories, productId, eventId, {
      $set: { categoryIds: [...snapshot.categoryIds] },
    });
  }

  team(boutiqueId: string): Promise<BoutiqueTeam | null> {
    return this.teams.get(boutiqueId);
  }

  teamsByIds(ids: readonly string[]): Promise<(BoutiqueTeam | null)[]> {
    return this.teams.byIds(ids);
  }

  /** The categories of each product (none for a product payments has not heard of). */
  async categoriesOf(productIds: string[]): Promise<Map<string, string[]>> {
    const found = await this.categories
      .find({ _id: { $in: productIds } })
      .lean()
      .exec();
    return new Map(found.map((p) => [p._id, p.categoryIds ?? []]));
  }
}
