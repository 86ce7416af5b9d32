import {
  Errors,
  inOrderOf,
  objectIdsOf,
  paginate,
  requireOwnerOr,
  requireRole,
  requireViewer,
  Role,
  toObjectId,
  updateWithEvents,
  type AuthContext,
  type ConnectionResult,
  type OutboxWriter,
  queryTokens,
  searchTokensOf,
} from '@vitrine/platform';
import { Types } from 'mongoose';
import type { Address } from '../models/address.model.js';
import type { UserDocument, UserModel } from '../models/user.model.js';

export interface ProfileChanges {
  firstName?: string | null;
  lastName?: string | null;
  avatarUrl?: string | null;
  phone?: string | null;
}

/** An address as stored: the model's fields without its computed `id`. */
export type AddressData = Omit<Address, 'id'>;
/** What a client gives to add or change an address; validated by the input types. */
export type AddressFields = { [K in keyof Omit<AddressData, '_id'>]?: AddressData[K] | null };

export const MAX_ADDRESSES = 20;
/** Fields an address cannot do without: an update may change them, never clear them. */
const REQUIRED_ADDRESS_FIELDS = [
  'recipientName',
  'line1',
  'city',
  'postalCode',
  'country',
] as const;

/** Trims, upper-cases the country, and refuses to clear a required field. */
function normalizeAddress(fields: AddressFields): AddressFields {
  for (const key of REQUIRED_ADDRESS_FIELDS) {
    if (fields[key] === null) throw Errors.badUserInput(`input.${key}`, `${key} cannot be empty`);
  }
  return { ...fields, ...(fields.country ? { country: fields.country.toUpperCase() } : {}) };
}
const MAX_EDIT_ATTEMPTS = 10;

/**
 * Responsible for accounts as others see and manage them: the viewer's own profile and address
 * book, roles granted and revoked by admins, and the admin directory of users.
 */
export class UserService {
  constructor(
    private readonly users: UserModel,
    private readonly outbox: OutboxWriter,
  ) {}

  async me(ctx: AuthContext): Promise<UserDocument> {
    const viewer = requireViewer(ctx);
    return this.get(viewer.id);
  }

  /** A user by id: their own account, or anyone's for an admin. */
  async user(ctx: AuthContext, id: string): Promise<UserDocument> {
    requireOwnerOr(ctx, id, Role.ADMIN);
    return this.get(id);
  }

  async list(
    ctx: AuthContext,
    filter: { search?: string | null; role?: Role | null },
    page: { first: number; after?: string | null },
  ): Promise<ConnectionResult<UserDocument>> {
    requireRole(ctx, Role.ADMIN);
    const tokens = filter.search ? queryTokens(filter.search) : [];
    const query = {
      ...(tokens.length ? { searchTokens: { $all: tokens } } : {}),
      ...(filter.role ? { roles: filter.role } : {}),
    };
    return paginate(this.users, query, page) as Promise<ConnectionResult<UserDocument>>;
  }

  async updateProfile(ctx: AuthContext, changes: ProfileChanges): Promise<UserDocument> {
    const viewer = requireViewer(ctx);
    const user = await this.get(viewer.id);
    const $set: Record<string, unknown> = {};
    const changed: string[] = [];
    for (const key of ['firstName', 'lastName', 'avatarUrl'] as const) {
      if (changes[key] === undefined) continue;
      const value = changes[key]?.trim() || null;
      if (value !== user.profile[key]) {
        $set[`profile.${key}`] = value;
        changed.push(key);
      }
    }
    if (changes.phone !== undefined && (changes.phone || null) !== user.phone) {
      $set.phone = changes.phone || null;
      changed.push('phone');
    }
    if (changed.length === 0) return user;
    $set.searchTokens = searchTokensOf(
      user.email,
      ($set['profile.firstName'] as string | null | undefined) ?? user.profile.firstName,
      ($set['profile.lastName'] as string | null | undefined) ?? user.profile.lastName,
    );
    return (await this.write(user, { $set }, changed)) ?? this.get(viewer.id);
  }

  async addAddress(ctx: AuthContext, input: AddressFields): Promise<Address> {
    const viewer = requireViewer(ctx);
    const fields = normalizeAddress(input);
    const id = new Types.ObjectId();
    const user = await this.editAddresses(viewer.id, (book) => {
      if (book.length >= MAX_ADDRESSES) {
        throw Errors.badUserInput(
          'input',
          `An address book holds at most ${MAX_ADDRESSES} addresses`,
        );
      }
      const isDefault = book.length === 0 || !!fields.isDefault;
      const next = book.map((a) => ({ ...a, isDefault: isDefault ? false : a.isDefault }));
      return [...next, { ...(fields as AddressData), _id: id, isDefault }];
    });
    return user.addresses.find((a) => a._id.equals(id))!;
  }

  async updateAddress(ctx: AuthContext, addressId: string, input: AddressFields): Promise<Address> {
    const viewer = requireViewer(ctx);
    const id = toObjectId(addressId, 'id');
    const fields = normalizeAddress(input);
    const user = await this.editAddresses(viewer.id, (book) => {
      const target = book.find((a) => a._id.equals(id));
      if (!target) throw Errors.notFound('Address', addressId);
      const makeDefault = fields.isDefault === true;
      return book.map((a) => {
        if (a._id.equals(id)) {
          const defined = Object.fromEntries(
            Object.entries(fields).filter(([k, v]) => v !== undefined && k !== 'isDefault'),
          );
          return { ...a, ...defined, isDefault: makeDefault || a.isDefault };
        }
        return makeDefault ? { ...a, isDefault: false } : a;
      });
    });
    return user.addresses.find((a) => a._id.equals(id))!;
  }

  async setDefaultAddress(ctx: AuthContext, addressId: string): Promise<Address> {
    return this.updateAddress(ctx, addressId, { isDefault: true });
  }

  async removeAddress(ctx: AuthContext, addressId: string): Promise<boolean> {
    const viewer = requireViewer(ctx);
    const id = toObjectId(addressId, 'id');
    await this.editAddresses(viewer.id, (book) => {
      const removed = book.find((a) => a._id.equals(id));
      if (!removed) throw Errors.notFound('Address', addressId);
      const rest = book.filter((a) => !a._id.equals(id));
      // The book keeps exactly one default while it is not empty.
      if (removed.isDefault && rest[0]) rest[0] = { ...rest[0], isDefault: true };
      return rest;
    });
    return true;
  }

  async grantRole(ctx: AuthContext, userId: string, role: Role): Promise<UserDocument> {
    const admin = requireRole(ctx, Role.ADMIN);
    await this.addRole(toObjectId(userId, 'userId'), role, admin.id);
    return this.get(userId);
  }

  /**
   * Grants a role because another domain decided it (an approved boutique's owner becomes a
   * BOUTIQUE_OWNER). Idempotent: holding the role already changes nothing and emits nothing.
   */
  async grantRoleFromEvent(userId: string, role: Role, actorId: string | null): Promise<boolean> {
    return this.addRole(toObjectId(userId, 'userId'), role, actorId);
  }

  private async addRole(_id: Types.ObjectId, role: Role, actorId: string | null): Promise<boolean> {
    const userId = _id.toHexString();
    const event = this.outbox.event('user.role_granted', userId, { userId, role, actorId });
    const result = await this.users
      .updateOne({ _id, roles: { $ne: role } }, updateWithEvents({ $push: { roles: role } }, event))
      .exec();
    if (result.modifiedCount) this.outbox.written();
    return result.modifiedCount === 1;
  }

  async revokeRole(ctx: AuthContext, userId: string, role: Role): Promise<UserDocument> {
    const admin = requireRole(ctx, Role.ADMIN);
    if (admin.id === userId && role === Role.ADMIN) {
      throw Errors.badUserInput('role', 'Admins cannot revoke their own ADMIN role');
    }
    const _id = toObjectId(userId, 'userId');
    const event = this.outbox.event('user.role_revoked', userId, {
      userId,
      role,
      actorId: admin.id,
    });
    const result = await this.users
      .updateOne({ _id, roles: role }, { $pull: { roles: role }, ...updateWithEvents({}, event) })
      .exec();
    if (result.modifiedCount) this.outbox.written();
    return this.get(userId);
  }

  async get(id: string): Promise<UserDocument> {
    const user = await this.users.findById(toObjectId(id)).exec();
    if (!user) throw Errors.notFound('User', id);
    return user;
  }

  /** Loads many users in one query, in the order of `ids` (null where there is none). */
  async byIds(ids: readonly string[]): Promise<(UserDocument | null)[]> {
    const found = await this.users.find({ _id: { $in: objectIdsOf(ids) } }).exec();
    return inOrderOf(ids, found, (u) => u.id);
  }

  /**
   * Read, change, write back the address book, guarded by a revision number so that concurrent
   * edits cannot overwrite each other: the loser re-reads and applies its change again.
   */
  private async editAddresses(
    userId: string,
    edit: (book: AddressData[]) => AddressData[],
  ): Promise<UserDocument> {
    for (let attempt = 0; attempt < MAX_EDIT_ATTEMPTS; attempt++) {
      const user = await this.get(userId);
      const book = user.addresses.map((a) =>
        (a as unknown as { toObject(): AddressData }).toObject(),
      );
      const written = await this.write(
        user,
        { $set: { addresses: edit(book) }, $inc: { addressRevision: 1 } },
        ['addresses'],
        // Accounts created before the revision existed have none: that counts as revision 0.
        { addressRevision: user.addressRevision === 0 ? { $in: [0, null] } : user.addressRevision },
      );
      if (written) return written;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * (attempt + 1)));
    }
    throw Errors.conflict('The address book changed during the update; try again');
  }

  private async write(
    user: UserDocument,
    update: { $set: Record<string, unknown>; $inc?: Record<string, number> },
    changed: string[],
    guard: { addressRevision?: number | { $in: (number | null)[] } } = {},
  ): Promise<UserDocument | null> {
    const event = this.outbox.event('user.updated', user.id, { userId: user.id, changed });
    const updated = await this.users
      .findOneAndUpdate({ _id: user._id, ...guard }, updateWithEvents(update, event), {
        returnDocument: 'after',
      })
      .exec();
    if (updated) this.outbox.written();
    return updated;
  }
}
