import {
  getModelForClass,
  index,
  modelOptions,
  prop,
  type ReturnModelType,
} from '@typegoose/typegoose';
import { Aggregate } from '@vitrine/platform';
import type { Connection, Types } from 'mongoose';

/**
 * A login session: one family of rotating refresh tokens. Only hashes are stored. The current
 * token's hash rotates on every refresh; earlier hashes are kept so that presenting one again is
 * recognised as reuse (a stolen token), which revokes the whole family. The security event of
 * that revocation is written with it (sessions are aggregates with an outbox).
 */
@index({ userId: 1, revokedAt: 1 })
@index({ expiresAt: 1 })
@modelOptions({ schemaOptions: { collection: 'sessions', timestamps: true } })
export class Session extends Aggregate {
  /** The session id: the `sid` claim of its access tokens and the prefix of its refresh tokens. */
  @prop({ required: true })
  _id!: string;

  @prop({ required: true })
  userId!: Types.ObjectId;

  @prop({ required: true })
  currentHash!: string;

  @prop({ type: () => [String], default: [] })
  usedHashes!: string[];

  @prop({ required: true })
  expiresAt!: Date;

  @prop({ type: () => Date, default: null })
  revokedAt!: Date | null;

  @prop({ type: () => String, default: null })
  revokedReason!: string | null;

  @prop({ type: () => String, default: null })
  ip!: string | null;
}

export type SessionModel = ReturnModelType<typeof Session>;

export function createSessionModel(connection: Connection): SessionModel {
  return getModelForClass(Session, { existingConnection: connection });
}
