import {
  Errors,
  requireRole,
  Role,
  updateWithEvents,
  type AuthContext,
  type CloudEvent,
  type OutboxWriter,
  type Viewer,
} from '@vitrine/platform';
import type { BoutiqueDocument, BoutiqueModel, StatusChange } from '../models/boutique.model.js';
import { requireTeam } from './boutique-access.js';
import { BOUTIQUE_TRANSITIONS, type BoutiqueAction } from './boutique-status.js';
import type { BoutiqueService } from './boutique.service.js';

const REASON_MAX = 500;

/**
 * Responsible for the boutique lifecycle: admins approve, reject, suspend and reinstate; an owner
 * re-applies after a rejection. Each move is one conditional update on the current status, so
 * that two concurrent moves cannot both apply, recorded with its actor and time, and announced.
 */
export class BoutiqueModerationService {
  constructor(
    private readonly boutiques: BoutiqueModel,
    private readonly service: BoutiqueService,
    private readonly outbox: OutboxWriter,
  ) {}

  approve(ctx: AuthContext, id: string) {
    return this.move(ctx, id, 'approve');
  }

  reject(ctx: AuthContext, id: string, reason: string) {
    return this.move(ctx, id, 'reject', reason);
  }

  suspend(ctx: AuthContext, id: string, reason: string) {
    return this.move(ctx, id, 'suspend', reason);
  }

  reinstate(ctx: AuthContext, id: string) {
    return this.move(ctx, id, 'reinstate');
  }

  /** The owner re-applies after a rejection (admins may do it for them): back to pending. */
  resubmit(ctx: AuthContext, id: string) {
    return this.move(ctx, id, 'resubmit');
  }

  private async move(
    ctx: AuthContext,
    id: string,
    action: BoutiqueAction,
    rawReason?: string,
  ): Promise<BoutiqueDocument> {
    const admin = action === 'resubmit' ? null : requireRole(ctx, Role.ADMIN);
    const reason = rawReason === undefined ? null : rawReason.trim();
    if (reason !== null && (reason.length < 3 || reason.length > REASON_MAX)) {
      throw Errors.badUserInput('reason', `reason must be 3 to ${REASON_MAX} characters`);
    }
    const boutique = await this.service.load(id);
    const actor = admin ?? requireTeam(ctx, boutique, ['owner']);
    const { from, to } = BOUTIQUE_TRANSITIONS[action];
    if (boutique.status !== from) {
      throw Errors.conflict(`A ${boutique.status} boutique cannot be ${pastTense(action)}`);
    }
    const change: StatusChange = { from, to, actorId: actor.id, reason, at: new Date() };
    const update = updateWithEvents(
      {
        $set: { status: to, statusReason: reason },
        $push: { statusHistory: change },
      },
      this.eventOf(action, boutique, actor, reason),
    );
    const moved = await this.boutiques
      .findOneAndUpdate({ _id: boutique._id, status: from }, update, { returnDocument: 'after' })
      .exec();
    if (!moved) throw Errors.conflict('The boutique changed status meanwhile; reload it');
    this.outbox.written();
    return moved;
  }

  private eventOf(
    action: BoutiqueAction,
    boutique: BoutiqueDocument,
    actor: Viewer,
    reason: string | null,
  ): CloudEvent {
    const base = { boutiqueId: boutique.id, ownerId: boutique.ownerId, actorId: actor.id };
    const subject = boutique.id;
    switch (action) {
      case 'approve':
        return this.outbox.event('boutique.approved', subject, base);
      case 'reject':
        return this.outbox.event('boutique.rejected', subject, { ...base, reason: reason ?? '' });
      case 'suspend':
        return this.outbox.event('boutique.suspended', subject, { ...base, reason: reason ?? '' });
      case 'reinstate':
        return this.outbox.event('boutique.reinstated', subject, base);
      case 'resubmit':
        return this.outbox.event('boutique.updated', subject, {
          boutiqueId: boutique.id,
          changed: ['status'],
        });
    }
  }
}

function pastTense(action: BoutiqueAction): string {
  return {
    approve: 'approved',
    reject: 'rejected',
    suspend: 'suspended',
    reinstate: 'reinstated',
    resubmit: 'resubmitted',
  }[action];
}
