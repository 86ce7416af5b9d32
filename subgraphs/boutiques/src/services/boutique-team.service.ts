import {
  Errors,
  toObjectId,
  updateWithEvents,
  type AuthContext,
  type OutboxWriter,
} from '@vitrine/platform';
import type { BoutiqueDocument, BoutiqueModel } from '../models/boutique.model.js';
import { requireTeam } from './boutique-access.js';
import type { BoutiqueService } from './boutique.service.js';

export const MAX_STAFF = 50;
const MAX_EDIT_ATTEMPTS = 10;

/**
 * Responsible for a boutique's team. The owner and admins add and remove staff; a staff member
 * may leave. Every change announces the whole team (`boutique.staff_changed`), so that read
 * models replace it rather than patch it, and is guarded by a revision so that concurrent changes
 * never lose one another.
 */
export class BoutiqueTeamService {
  constructor(
    private readonly boutiques: BoutiqueModel,
    private readonly service: BoutiqueService,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Adds a user (by id) as staff; adding a member again changes nothing. */
  async addStaff(ctx: AuthContext, boutiqueId: string, userId: string): Promise<BoutiqueDocument> {
    toObjectId(userId, 'userId');
    return this.edit(ctx, boutiqueId, (boutique, staff) => {
      if (userId === boutique.ownerId) {
        throw Errors.badUserInput('userId', 'The owner is already part of the team');
      }
      if (staff.includes(userId)) return null;
      if (staff.length >= MAX_STAFF) {
        throw Errors.badUserInput('userId', `A boutique has at most ${MAX_STAFF} staff`);
      }
      return [...staff, userId];
    });
  }

  /** Removes a staff member; staff may remove themselves. Removing a non-member changes nothing. */
  async removeStaff(
    ctx: AuthContext,
    boutiqueId: string,
    userId: string,
  ): Promise<BoutiqueDocument> {
    toObjectId(userId, 'userId');
    const leaving = ctx.viewer?.id === userId;
    return this.edit(
      ctx,
      boutiqueId,
      (_boutique, staff) => (staff.includes(userId) ? staff.filter((s) => s !== userId) : null),
      leaving,
    );
  }

  private async edit(
    ctx: AuthContext,
    boutiqueId: string,
    change: (boutique: BoutiqueDocument, staff: string[]) => string[] | null,
    staffMayDoIt = false,
  ): Promise<BoutiqueDocument> {
    for (let attempt = 0; attempt < MAX_EDIT_ATTEMPTS; attempt++) {
      const boutique = await this.service.load(boutiqueId, 'boutiqueId');
      requireTeam(ctx, boutique, staffMayDoIt ? ['owner', 'staff'] : ['owner']);
      const staffIds = change(boutique, [...boutique.staffIds]);
      if (!staffIds) return boutique;
      const event = this.outbox.event('boutique.staff_changed', boutique.id, {
        boutiqueId: boutique.id,
        ownerId: boutique.ownerId,
        staffIds,
      });
      const updated = await this.boutiques
        .findOneAndUpdate(
          { _id: boutique._id, teamRevision: boutique.teamRevision },
          updateWithEvents({ $set: { staffIds }, $inc: { teamRevision: 1 } }, event),
          { returnDocument: 'after' },
        )
        .exec();
      if (updated) {
        this.outbox.written();
        return updated;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * (attempt + 1)));
    }
    throw Errors.conflict('The team changed during the update; try again');
  }
}
