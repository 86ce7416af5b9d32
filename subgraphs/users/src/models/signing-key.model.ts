import {
  getModelForClass,
  index,
  modelOptions,
  prop,
  Severity,
  type ReturnModelType,
} from '@typegoose/typegoose';
import type { Connection } from 'mongoose';

/** A key pair that signs access tokens; public halves are published as the JWKS. */
@index({ generation: 1 }, { unique: true })
@modelOptions({
  options: { allowMixed: Severity.ALLOW },
  schemaOptions: { collection: 'signing_keys', timestamps: true },
})
export class SigningKey {
  /** The key id (`kid`). */
  @prop({ required: true })
  _id!: string;

  /** 1 for the first key, +1 per rotation: unique, so concurrent starts create one first key. */
  @prop({ required: true })
  generation!: number;

  @prop({ required: true })
  privateJwk!: object;

  @prop({ required: true })
  publicJwk!: object;

  createdAt!: Date;
}

export type SigningKeyModel = ReturnModelType<typeof SigningKey>;

export function createSigningKeyModel(connection: Connection): SigningKeyModel {
  return getModelForClass(SigningKey, { existingConnection: connection });
}
