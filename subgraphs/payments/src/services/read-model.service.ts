import { inOrderOf, upsertOnce, type EventPayload } from '@vitrine/platform';
import type {
  BoutiqueStatus,
  BoutiqueTeam,
  BoutiqueTeamModel,
} from '../models/boutique-team.model.js';
import type { ProductCategoriesModel } from '../models/catalog.model.js';

type Snapshot = EventPayload<'product.created'>['snapshot'];

/**
 * Responsible for what payments knows of other domains: boutique teams (who may refund a
 * boutique's orders, create its coupons, manage its subscription) and products' categories (what
 * a category coupon matches). Every apply is one document write made idempotent by its event id.
 */
export class ReadModelService {
  constructor(
    private readonly teams: BoutiqueTeamModel,
    private readonly categories: ProductCategoriesModel,
  ) {}

  async applyTeam(
    eventId: string,
    boutiqueId: string,
    set: { ownerId: string; staffIds?: string[]; status?: BoutiqueStatus },
  ): Promise<void> {
    const $set: Record<string, unknown> = { ownerId: set.ownerId };
    if (set.staffIds) $set.staffIds = [...set.staffIds];
    if (set.status) $set.status = set.status;
    await upsertOnce(this.teams, boutiqueId, eventId, { $set });
  }

  async applyProduct(eventId: string, productId: string, snapshot: Snapshot): Promise<void> {
    await upsertOnce(this.categories, productId, eventId, {
      $set: { categoryIds: [...snapshot.categoryIds] },
    });
  }

  async team(boutiqueId: string): Promise<BoutiqueTeam | null> {
    const team = await this.teams.findById(boutiqueId).lean().exec();
    return team
      ? { ...team, staffIds: team.staffIds ?? [], status: team.status ?? 'pending' }
      : null;
  }

  async teamsByIds(ids: readonly string[]): Promise<(BoutiqueTeam | null)[]> {
    const found = await this.teams
      .find({ _id: { $in: [...ids] } })
      .lean()
      .exec();
    return inOrderOf(
      ids,
      found.map((t) => ({ ...t, staffIds: t.staffIds ?? [], status: t.status ?? 'pending' })),
      (t) => t._id,
    );
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
