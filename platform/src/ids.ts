import { Types } from 'mongoose';
import { Errors } from './errors.js';

/**
 * The one place where public ids become database ids. API ids are the 24-hex string form of a
 * MongoDB ObjectId; anything else is the client's mistake and says which field was wrong.
 */
export function toObjectId(id: string, field = 'id'): Types.ObjectId {
  if (typeof id !== 'string' || !/^[0-9a-f]{24}$/i.test(id)) {
    throw Errors.badUserInput(field, `${field} is not a valid id`);
  }
  return new Types.ObjectId(id);
}

/** Like toObjectId, but for lookups: an id that cannot exist simply finds nothing. */
export function tryObjectId(id: string): Types.ObjectId | null {
  return typeof id === 'string' && /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : null;
}

export function newId(): Types.ObjectId {
  return new Types.ObjectId();
}

export function idOf(value: { _id: Types.ObjectId } | Types.ObjectId | string): string {
  if (typeof value === 'string') return value;
  if (value instanceof Types.ObjectId) return value.toHexString();
  return value._id.toHexString();
}
