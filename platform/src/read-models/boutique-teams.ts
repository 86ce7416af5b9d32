import { getModelForClass, modelOptions, prop, type ReturnModelType } from '@typegoose/typegoose';
import type { Connection } from 'mongoose';
import { defineHandler, type AnyEventHandler } from '../events/consumer.js';
import { upsertOnce } from '../events/inbox.js';
import { inOrderOf } from '../ids.js';

export type BoutiqueStatus = 'pending' | 'approved' | 'rejected' | 'suspended';

/** Where the boutique's subscription to a plan stands, from payments' `subscription.*` events. */
@modelOptions({ schemaOptions: { _id: false } })
export class TeamSubscription {
  @prop({ required: true, type: () => String })
  state!: 'active' | 'past_due' | 'cancelled';

  /** Until when a past-due boutique keeps selling. */
  @prop({ type: () => Date, default: null })
  graceUntil!: Date | null;
}

/**
 * Read model of a boutique's team, from the boutiques subgraph's events: who may act for the
 * boutique (its owner and staff) and whether it is open for sales. `_id` is the boutique's id.
 * One definition for every subgraph that keeps it (orders, payments), each in its own database.
 */
@modelOptions({ schemaOptions: { collection: 'boutique_teams', timestamps: true } })
export class BoutiqueTeam {
  @prop({ required: true })
  _id!: string;

  @prop({ required: true })
  ownerId!: string;

  @prop({ type: () => [String], default: [] })
  staffIds!: string[];

  @prop({ required: true, type: () => String })
  status!: BoutiqueStatus;

  /** Null while the boutique has never subscribed to a plan. */
  @prop({ type: () => TeamSubscription, _id: false, default: null })
  subscription!: TeamSubscription | null;

  @prop({ type: () => [String], default: [] })
  appliedEvents!: string[];
}

export type BoutiqueTeamModel = ReturnModelType<typeof BoutiqueTeam>;

export function createBoutiqueTeamModel(connection: Connection): BoutiqueTeamModel {
  return getModelForClass(BoutiqueTeam, { existingConnection: connection });
}

/** The owner or a staff member of the boutique. */
export function isTeamMember(
  team: Pick<BoutiqueTeam, 'ownerId' | 'staffIds'> | null | undefined,
  userId: string,
): boolean {
  return !!team && (team.ownerId === userId || team.staffIds.includes(userId));
}

/**
 * Whether the boutique sells now: approved, and its subscription active, or past due within its
 * grace period. A boutique that never subscribed sells (the marketplace decides whether plans are
 * required; nothing gates on them until a subscription exists).
 */
export function canSell(
  team: Pick<BoutiqueTeam, 'status'> & { subscription?: TeamSubscription | null },
  now = new Date(),
): boolean {
  if (team.status !== 'approved') return false;
  const subscription = team.subscription;
  if (!subscription || subscription.state === 'active') return true;
  if (subscription.state === 'cancelled') return false;
  return !!subscription.graceUntil && now.getTime() < new Date(subscription.graceUntil).getTime();
}

/**
 * Responsible for the boutique teams read model: applies the boutiques subgraph's events (each
 * once, by the event id it records) and reads teams with their defaults.
 */
export class BoutiqueTeams {
  constructor(readonly model: BoutiqueTeamModel) {}

  async apply(
    eventId: string,
    boutiqueId: string,
    set: { ownerId: string; staffIds?: string[]; status?: BoutiqueStatus },
  ): Promise<void> {
    const $set: Record<string, unknown> = { ownerId: set.ownerId };
    if (set.staffIds) $set.staffIds = [...set.staffIds];
    if (set.status) $set.status = set.status;
    const $setOnInsert: Record<string, unknown> = {};
    if (!set.staffIds) $setOnInsert.staffIds = [];
    if (!set.status) $setOnInsert.status = 'pending';
    await upsertOnce(this.model, boutiqueId, eventId, { $set, $setOnInsert });
  }

  async applySubscription(
    eventId: string,
    boutiqueId: string,
    subscription: TeamSubscription,
  ): Promise<void> {
    await upsertOnce(this.model, boutiqueId, eventId, {
      $set: { subscription: { ...subscription } },
      $setOnInsert: { staffIds: [], status: 'pending' },
    });
  }

  async get(boutiqueId: string): Promise<BoutiqueTeam | null> {
    const [team] = await this.byIds([boutiqueId]);
    return team;
  }

  /** Many teams in one query, in the order of `ids` (null where there is none). */
  async byIds(ids: readonly string[]): Promise<(BoutiqueTeam | null)[]> {
    const found = await this.model
      .find({ _id: { $in: [...new Set(ids)] } })
      .lean()
      .exec();
    // FerretDB ignores $setOnInsert: a team first written by an upsert may lack its defaults.
    const teams = found.map((t) => ({
      ...t,
      staffIds: t.staffIds ?? [],
      status: t.status ?? 'pending',
      subscription: t.subscription ?? null,
    }));
    return inOrderOf(ids, teams, (t) => t._id);
  }

  /** The consumers that keep the read model. */
  handlers(): AnyEventHandler[] {
    return [
      defineHandler('boutique.created', (e) =>
        this.apply(e.id, e.data.boutiqueId, { ownerId: e.data.ownerId, status: e.data.status }),
      ),
      defineHandler('boutique.staff_changed', (e) =>
        this.apply(e.id, e.data.boutiqueId, { ownerId: e.data.ownerId, staffIds: e.data.staffIds }),
      ),
      defineHandler('boutique.approved', (e) =>
        this.apply(e.id, e.data.boutiqueId, { ownerId: e.data.ownerId, status: 'approved' }),
      ),
      defineHandler('boutique.rejected', (e) =>
        this.apply(e.id, e.data.boutiqueId, { ownerId: e.data.ownerId, status: 'rejected' }),
      ),
      defineHandler('boutique.suspended', (e) =>
        this.apply(e.id, e.data.boutiqueId, { ownerId: e.data.ownerId, status: 'suspended' }),
      ),
      defineHandler('boutique.reinstated', (e) =>
        this.apply(e.id, e.data.boutiqueId, { ownerId: e.data.ownerId, status: 'approved' }),
      ),
      defineHandler('subscription.activated', (e) =>
        this.applySubscription(e.id, e.data.boutiqueId, { state: 'active', graceUntil: null }),
      ),
      defineHandler('subscription.past_due', (e) =>
        this.applySubscription(e.id, e.data.boutiqueId, {
          state: 'past_due',
          graceUntil: e.data.graceUntil ? new Date(e.data.graceUntil) : null,
        }),
      ),
      defineHandler('subscription.cancelled', (e) =>
        this.applySubscription(e.id, e.data.boutiqueId, { state: 'cancelled', graceUntil: null }),
      ),
    ];
  }
}
