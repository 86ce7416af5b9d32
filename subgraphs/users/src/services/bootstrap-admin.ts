import {
  initialOutbox,
  newId,
  Role,
  type Logger,
  type OutboxWriter,
  isDuplicateKeyError,
  searchTokensOf,
} from '@vitrine/platform';
import type { UserModel } from '../models/user.model.js';
import { assertStrongPassword, normalizeEmail, type PasswordHasher } from './credentials.js';

/**
 * Creates the first administrator from ADMIN_EMAIL and ADMIN_PASSWORD when no account has that
 * email yet. It never changes an existing account, so the variables can stay set across restarts.
 */
export async function ensureBootstrapAdmin(
  users: UserModel,
  hasher: PasswordHasher,
  outbox: OutboxWriter,
  admin: { email: string; password: string },
  logger: Logger,
): Promise<void> {
  const email = normalizeEmail(admin.email, 'ADMIN_EMAIL');
  assertStrongPassword(admin.password, email, 'ADMIN_PASSWORD');
  if (await users.exists({ email }).exec()) return;
  const _id = newId();
  const userId = _id.toHexString();
  const roles = [Role.CUSTOMER, Role.ADMIN];
  const registered = outbox.event('user.registered', userId, {
    userId,
    email,
    firstName: null,
    lastName: null,
    roles,
  });
  const granted = outbox.event('user.role_granted', userId, {
    userId,
    role: Role.ADMIN,
    actorId: null,
  });
  try {
    await users.create({
      _id,
      email,
      passwordHash: await hasher.hash(admin.password),
      roles,
      searchTokens: searchTokensOf(email),
      ...initialOutbox(registered, granted),
    });
    outbox.written();
    logger.info({ userId }, 'bootstrap administrator created');
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err; // another instance created it first
  }
}
