import {
  getModelForClass,
  modelOptions,
  prop,
  Severity,
  type ReturnModelType,
} from '@typegoose/typegoose';
import type { Connection } from 'mongoose';

/** A key pair that signs access tokens; public halves are published as the JWKS. */
@modelOptions({
  options: { allowMixed: Severity.ALLOW },
  schemaOptions: { collection: 'signing_keys', timestamps: true },
})
export class SigningKey {
  /** The key id (`kid`). */
  @prop({ required: true })
  _id!: string;

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
