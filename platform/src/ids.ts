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

/** The valid ids among `ids` as ObjectIds, for an `$in` query (an id that cannot exist is dropped). */
export function objectIdsOf(ids: readonly string[]): Types.ObjectId[] {
  return ids.map(tryObjectId).filter((id) => id !== null);
}

/**
 * What a DataLoader batch function returns: the items found by one `$in` query, put in the order
 * of the requested ids, with null where nothing was found.
 */
export function inOrderOf<T>(
  ids: readonly string[],
  found: readonly T[],
  keyOf: (item: T) => string,
): (T | null)[] {
  const byKey = new Map(found.map((item) => [keyOf(item), item]));
  return ids.map((id) => byKey.get(id) ?? null);
}
