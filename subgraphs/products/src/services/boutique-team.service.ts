import { GraphQLError } from 'graphql';
import {
  ErrorCode,
  Errors,
  hasRole,
  inOrderOf,
  isTeamMember,
  upsertOnce,
  objectIdsOf,
  requireViewer,
  Role,
  tryObjectId,
  type AuthContext,
  type Viewer,
} from '@vitrine/platform';
import type {
  BoutiqueStatus,
  BoutiqueTeamDocument,
  BoutiqueTeamModel,
} from '../models/boutique-team.model.js';
import type { ProductModel } from '../models/product.model.js';

export interface TeamChange {
  ownerId: string;
  staffIds?: string[];
  status?: BoutiqueStatus;
}

/** True when the viewer is the boutique's owner or one of its staff. */
function isMember(viewer: Viewer | null, team: BoutiqueTeamDocument | null): boolean {
  return !!viewer && isTeamMember(team, viewer.id);
}

/**
 * Responsible for the boutique teams read model (from the boutiques subgraph's events) and for
 * the rule built on it: only the owner and staff of an approved boutique, and admins, write its
 * products. It also keeps products' `boutiqueVisible` in step with the boutique's approval.
 */
export class BoutiqueTeamService {
  constructor(
    private readonly teams: BoutiqueTeamModel,
    private readonly products: ProductModel,
  ) {}

  /** Applies one boutique event to the read model, once (a redelivery changes nothing). */
  async apply(boutiqueId: string, eventId: string, change: TeamChange): Promise<void> {
    const $set: Record<string, unknown> = { ownerId: change.ownerId };
    if (change.staffIds) $set.staffIds = [...change.staffIds];
    if (change.status) $set.status = change.status;
    const $setOnInsert: Record<string, unknown> = {};
    if (!change.staffIds) $setOnInsert.staffIds = [];
    if (!change.status) $setOnInsert.status = 'pending';
    await upsertOnce(this.teams, tryObjectId(boutiqueId), eventId, { $set, $setOnInsert });
    if (change.status) {
      const team = await this.get(boutiqueId);
      await this.products
        .updateMany({ boutiqueId }, { $set: { boutiqueVisible: team?.status === 'approved' } })
        .exec();
    }
  }

  get(boutiqueId: string): Promise<BoutiqueTeamDocument | null> {
    const _id = tryObjectId(boutiqueId);
    return _id ? this.teams.findById(_id).exec() : Promise.resolve(null);
  }

  async byIds(ids: readonly string[]): Promise<(BoutiqueTeamDocument | null)[]> {
    const found = await this.teams.find({ _id: { $in: objectIdsOf(ids) } }).exec();
    return inOrderOf(ids, found, (t) => t._id.toHexString());
  }

  /**
   * The viewer, if they may write the boutique's products: UNAUTHENTICATED when anonymous,
   * NOT_FOUND when the catalog does not know the boutique, FORBIDDEN for anyone outside its team
   * and, for its team, while the boutique is not approved (reason BOUTIQUE_NOT_APPROVED).
   */
  requireWriter(ctx: AuthContext, team: BoutiqueTeamDocument | null, boutiqueId: string): Viewer {
    const viewer = requireViewer(ctx);
    if (!team) throw Errors.notFound('Boutique', boutiqueId);
    if (hasRole(viewer, Role.ADMIN)) return viewer;
    if (!isMember(viewer, team)) {
      throw Errors.forbidden("Only the boutique's owner and staff may manage its products");
    }
    if (team.status !== 'approved') {
      throw new GraphQLError(
        `The boutique is ${team.status}: its products can be managed once it is approved`,
        { extensions: { code: ErrorCode.FORBIDDEN, reason: 'BOUTIQUE_NOT_APPROVED' } },
      );
    }
    return viewer;
  }

  /** Whether the viewer may see the boutique's unpublished products (team or admin). */
  canSeeUnpublished(viewer: Viewer | null, team: BoutiqueTeamDocument | null): boolean {
    return !!viewer && (hasRole(viewer, Role.ADMIN) || isMember(viewer, team));
  }
}
