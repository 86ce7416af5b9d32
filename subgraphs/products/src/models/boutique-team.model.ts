import {
  getModelForClass,
  modelOptions,
  prop,
  type DocumentType,
  type ReturnModelType,
} from '@typegoose/typegoose';
import type { Connection, Types } from 'mongoose';

export type BoutiqueStatus = 'pending' | 'approved' | 'rejected' | 'suspended';

/**
 * What this subgraph knows of a boutique (read model fed by the boutiques subgraph's events):
 * who may write its products, and whether its products may be public.
 */
@modelOptions({ schemaOptions: { collection: 'boutique_teams', timestamps: true } })
export class BoutiqueTeam {
  /** The boutique's id. */
  _id!: Types.ObjectId;

  @prop({ required: true })
  ownerId!: string;

  @prop({ type: () => [String], default: [] })
  staffIds!: string[];

  @prop({ required: true, type: () => String })
  status!: BoutiqueStatus;

  /** The last applied event ids (notYetApplied/markApplied). */
  @prop({ type: () => [String], default: [] })
  appliedEvents!: string[];
}

export type BoutiqueTeamDocument = DocumentType<BoutiqueTeam>;
export type BoutiqueTeamModel = ReturnModelType<typeof BoutiqueTeam>;

export function createBoutiqueTeamModel(connection: Connection): BoutiqueTeamModel {
  return getModelForClass(BoutiqueTeam, { existingConnection: connection });
}
