import {
  getModelForClass,
  modelOptions,
  prop,
  type DocumentType,
  type ReturnModelType,
} from '@typegoose/typegoose';
import type { Connection } from 'mongoose';

export type BoutiqueStatus = 'pending' | 'approved' | 'rejected' | 'suspended';

/**
 * Read model of a boutique's team, from the boutiques subgraph's events: who may move its orders,
 * and whether it is open for sales. `_id` is the boutique's id.
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

  @prop({ type: () => [String], default: [] })
  appliedEvents!: string[];
}

export type BoutiqueTeamDocument = DocumentType<BoutiqueTeam>;
export type BoutiqueTeamModel = ReturnModelType<typeof BoutiqueTeam>;

export function createBoutiqueTeamModel(connection: Connection): BoutiqueTeamModel {
  return getModelForClass(BoutiqueTeam, { existingConnection: connection });
}

/** The owner or a staff member of the boutique. */
export function isTeamMember(
  team: Pick<BoutiqueTeam, 'ownerId' | 'staffIds'> | null,
  userId: string,
) {
  return !!team && (team.ownerId === userId || team.staffIds.includes(userId));
}
