import {
  getModelForClass,
  index,
  modelOptions,
  prop,
  type ReturnModelType,
} from '@typegoose/typegoose';
import type { Connection } from 'mongoose';

/** Failed logins from one address in one fixed time window (`<ip>|<window start ms>`). */
@index({ windowEndsAt: 1 })
@modelOptions({ schemaOptions: { collection: 'login_attempts' } })
export class LoginAttemptWindow {
  @prop({ required: true })
  _id!: string;

  @prop({ required: true, default: 0 })
  failures!: number;

  /** Swept after this time (FerretDB has no TTL indexes). */
  @prop({ required: true })
  windowEndsAt!: Date;
}

export type LoginAttemptModel = ReturnModelType<typeof LoginAttemptWindow>;

export function createLoginAttemptModel(connection: Connection): LoginAttemptModel {
  return getModelForClass(LoginAttemptWindow, { existingConnection: connection });
}
