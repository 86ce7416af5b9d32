import {
  Errors,
  initialOutbox,
  isDuplicateKeyError,
  newId,
  Role,
  toObjectId,
  updateWithEvents,
  withEvents,
  type BaseContext,
  type OutboxWriter,
  type Viewer,
  searchTokensOf,
} from '@vitrine/platform';
import type { UserDocument, UserModel } from '../models/user.model.js';
import type { UsersConfig } from '../config.js';
import {
  assertStrongPassword,
  normalizeEmail,
  randomToken,
  sameHash,
  sha256,
  type PasswordHasher,
} from './credentials.js';
import type { LoginThrottle } from './login-throttle.service.js';
import type { RefreshToken, SessionService } from './session.service.js';
import type { AccessToken, TokenService } from './token.service.js';

export interface AuthResult {
  user: UserDocument;
  viewer: Viewer;
  access: AccessToken;
  refresh: RefreshToken;
}

export interface RegisterInput {
  email: string;
  password: string;
  firstName?: string | null;
  lastName?: string | null;
}

const invalidCredentials = () =>
  Errors.unauthenticated('Invalid email or password', 'INVALID_CREDENTIALS');
const invalidResetToken = () =>
  Errors.badUserInput('token', 'Reset token is invalid or has expired');

/**
 * Responsible for credentials and sessions: registration, login with per-account locking and
 * per-address throttling, refresh-token rotation with reuse detection, logout, password change
 * and reset. Every state change and the event it causes are written together.
 */
export class AuthService {
  constructor(
    private readonly users: UserModel,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly outbox: OutboxWriter,
    private readonly config: Pick<UsersConfig, 'throttle' | 'passwordResetTtlMinutes'>,
  ) {}

  async register(
    ctx: BaseContext,
    input: RegisterInput,
    roles: Role[] = [Role.CUSTOMER],
  ): Promise<AuthResult> {
    const email = normalizeEmail(input.email, 'input.email');
    assertStrongPassword(input.password, email, 'input.password');
    const duplicate = () =>
      Errors.conflict('An account with this email already exists', 'input.email');
    if (await this.users.exists({ email }).exec()) throw duplicate();
    const _id = newId();
    const firstName = input.firstName?.trim() || null;
    const lastName = input.lastName?.trim() || null;
    const event = this.outbox.event('user.registered', _id.toHexString(), {
      userId: _id.toHexString(),
      email,
      firstName,
      lastName,
      roles,
    });
    let user: UserDocument;
    try {
      user = await this.users.create({
        _id,
        email,
        passwordHash: await this.hasher.hash(input.password),
        roles,
        profile: { firstName, lastName },
        searchTokens: searchTokensOf(email, firstName, lastName),
        ...initialOutbox(event),
      });
    } catch (err) {
      if (isDuplicateKeyError(err)) throw duplicate(); // lost a race with the same email
      throw err;
    }
    this.outbox.written();
    return this.startSession(user, ctx.ip);
  }

  async login(ctx: BaseContext, input: { email: string; password: string }): Promise<AuthResult> {
    const email = normalizeEmail(input.email, 'input.email');
    await this.throttle.assertAllowed(ctx.ip);
    const user = await this.users.findOne({ email }).exec();
    if (user?.lockedUntil && user.lockedUntil > new Date()) {
      const retryAfter = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000);
      throw Errors.rateLimited(
        'This account is temporarily locked after too many failed logins',
        retryAfter,
      );
    }
    if (!(await this.hasher.verify(user?.passwordHash ?? null, input.password))) {
      await this.throttle.recordFailure(ctx.ip);
      if (user) await this.recordFailedLogin(user, ctx.ip);
      throw invalidCredentials();
    }
    if (user!.failedLogins > 0 || user!.lockedUntil) {
      await this.users
        .updateOne({ _id: user!._id }, { $set: { failedLogins: 0, lockedUntil: null } })
        .exec();
    }
    return this.startSession(user!, ctx.ip);
  }

  /** Counts a failure on the account, and locks it when the failures reach the limit. */
  private async recordFailedLogin(user: UserDocument, ip: string | null): Promise<void> {
    const { accountMaxFailures, accountLockMinutes } = this.config.throttle;
    const userId = user.id;
    const failedAttempts = user.failedLogins + 1;
    const failed = this.outbox.event('user.login_failed', userId, { userId, ip, failedAttempts });
    if (failedAttempts < accountMaxFailures) {
      await this.users
        .updateOne({ _id: user._id }, { $inc: { failedLogins: 1 }, ...withEvents(failed) })
        .exec();
    } else {
      const lockedUntil = new Date(Date.now() + accountLockMinutes * 60_000);
      const locked = this.outbox.event('user.account_locked', userId, {
        userId,
        ip,
        lockedUntil: lockedUntil.toISOString(),
      });
      await this.users
        .updateOne(
          { _id: user._id },
          updateWithEvents({ $set: { failedLogins: 0, lockedUntil } }, failed, locked),
        )
        .exec();
    }
    this.outbox.written();
  }

  async refresh(ctx: BaseContext, refreshToken: string): Promise<AuthResult> {
    const result = await this.sessions.rotate(refreshToken);
    if (result.kind === 'reused') {
      const userId = result.userId.toHexString();
      const event = this.outbox.event('user.token_reuse_detected', userId, {
        userId,
        sessionId: result.sessionId,
        ip: ctx.ip,
      });
      await this.sessions.revoke(result.sessionId, 'refresh token reuse', event);
      this.outbox.written();
      throw Errors.unauthenticated(
        'Refresh token was already used; the session has been revoked',
        'REFRESH_TOKEN_REUSED',
      );
    }
    const user = await this.users.findById(result.userId).exec();
    if (!user)
      throw Errors.unauthenticated(
        'Refresh token is invalid or has expired',
        'REFRESH_TOKEN_INVALID',
      );
    return this.tokensFor(user, result.refresh);
  }

  async logout(viewer: Viewer, everywhere: boolean): Promise<void> {
    if (everywhere) await this.sessions.revokeAll(toObjectId(viewer.id), 'logout everywhere');
    else await this.sessions.revoke(viewer.sessionId, 'logout');
  }

  async changePassword(
    viewer: Viewer,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await this.users.findById(viewer.id).exec();
    if (!user) throw Errors.notFound('User', viewer.id);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw Errors.badUserInput('currentPassword', 'Current password is incorrect');
    }
    assertStrongPassword(newPassword, user.email, 'newPassword');
    if (currentPassword === newPassword) {
      throw Errors.badUserInput('newPassword', 'New password must differ from the current one');
    }
    await this.setPassword(user, newPassword, 'change', {});
    await this.sessions.revokeAll(user._id, 'password changed', viewer.sessionId);
  }

  /** Always succeeds, whether or not the email has an account, so that it reveals nothing. */
  async requestPasswordReset(_ctx: BaseContext, rawEmail: string): Promise<void> {
    const email = normalizeEmail(rawEmail, 'email');
    const user = await this.users.findOne({ email }, { _id: 1, email: 1 }).exec();
    if (!user) return;
    const resetToken = `${user.id}.${randomToken()}`;
    const expiresAt = new Date(Date.now() + this.config.passwordResetTtlMinutes * 60_000);
    const event = this.outbox.event('user.password_reset_requested', user.id, {
      userId: user.id,
      email: user.email,
      resetToken,
      expiresAt: expiresAt.toISOString(),
    });
    await this.users
      .updateOne(
        { _id: user._id },
        updateWithEvents(
          { $set: { passwordReset: { tokenHash: sha256(resetToken), expiresAt } } },
          event,
        ),
      )
      .exec();
    this.outbox.written();
  }

  async resetPassword(_ctx: BaseContext, token: string, newPassword: string): Promise<void> {
    const userId = token.split('.')[0] ?? '';
    const user = /^[0-9a-f]{24}$/.test(userId) ? await this.users.findById(userId).exec() : null;
    const reset = user?.passwordReset;
    if (
      !user ||
      !reset ||
      reset.expiresAt < new Date() ||
      !sameHash(reset.tokenHash, sha256(token))
    ) {
      throw invalidResetToken();
    }
    assertStrongPassword(newPassword, user.email, 'newPassword');
    const changed = await this.setPassword(user, newPassword, 'reset', {
      'passwordReset.tokenHash': reset.tokenHash,
    });
    if (!changed) throw invalidResetToken(); // used concurrently
    await this.sessions.revokeAll(user._id, 'password reset');
  }

  private async setPassword(
    user: UserDocument,
    password: string,
    via: 'change' | 'reset',
    guard: Record<string, unknown>,
  ): Promise<boolean> {
    const event = this.outbox.event('user.password_changed', user.id, { userId: user.id, via });
    const $set = {
      passwordHash: await this.hasher.hash(password),
      passwordChangedAt: new Date(),
      passwordReset: null,
      failedLogins: 0,
      lockedUntil: null,
    };
    const result = await this.users
      .updateOne({ _id: user._id, ...guard }, updateWithEvents({ $set }, event))
      .exec();
    this.outbox.written();
    return result.modifiedCount === 1;
  }

  private async startSession(user: UserDocument, ip: string | null): Promise<AuthResult> {
    return this.tokensFor(user, await this.sessions.open(user._id, ip));
  }

  private async tokensFor(user: UserDocument, refresh: RefreshToken): Promise<AuthResult> {
    const access = await this.tokens.issueAccessToken(user, refresh.sessionId);
    const viewer = { id: user.id, roles: [...user.roles], sessionId: refresh.sessionId };
    return { user, viewer, access, refresh };
  }
}
