import { randomUUID } from 'node:crypto';
import { Errors, updateWithEvents, type CloudEvent, type TokenVerifier } from '@vitrine/platform';
import type { Types } from 'mongoose';
import type { SessionModel } from '../models/session.model.js';
import { randomToken, sameHash, sha256 } from './credentials.js';

export interface RefreshToken {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

export type RotationResult =
  | { kind: 'rotated'; userId: Types.ObjectId; refresh: RefreshToken }
  | { kind: 'reused'; userId: Types.ObjectId; sessionId: string };

/** Refresh tokens are `<sessionId>.<secret>`; only the secret's hash is stored. */
function split(token: string): { sessionId: string; secret: string } | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot === token.length - 1) return null;
  return { sessionId: token.slice(0, dot), secret: token.slice(dot + 1) };
}

const invalid = () =>
  Errors.unauthenticated('Refresh token is invalid or has expired', 'REFRESH_TOKEN_INVALID');

/**
 * Responsible for login sessions and their rotating refresh tokens: issue, rotate (each token
 * works once), detect reuse of an already rotated token (then revoke the family), revoke.
 */
export class SessionService {
  constructor(
    private readonly sessions: SessionModel,
    private readonly refreshTtlDays: number,
  ) {}

  async open(userId: Types.ObjectId, ip: string | null): Promise<RefreshToken> {
    const sessionId = randomUUID();
    const secret = randomToken();
    const expiresAt = new Date(Date.now() + this.refreshTtlDays * 86_400_000);
    await this.sessions.create({
      _id: sessionId,
      userId,
      currentHash: sha256(secret),
      expiresAt,
      ip,
    });
    return { token: `${sessionId}.${secret}`, sessionId, expiresAt };
  }

  /**
   * Exchanges a refresh token for the next one. The swap is one conditional update on the current
   * hash, so two concurrent refreshes with the same token cannot both succeed: the loser is reuse.
   */
  async rotate(token: string): Promise<RotationResult> {
    const parts = split(token);
    if (!parts) throw invalid();
    const session = await this.sessions.findById(parts.sessionId).lean().exec();
    if (!session || session.revokedAt || session.expiresAt < new Date()) throw invalid();
    const presented = sha256(parts.secret);
    if (!sameHash(presented, session.currentHash)) {
      if (session.usedHashes.includes(presented)) {
        return { kind: 'reused', userId: session.userId, sessionId: session._id };
      }
      throw invalid();
    }
    const secret = randomToken();
    const swapped = await this.sessions
      .updateOne(
        { _id: session._id, currentHash: presented, revokedAt: null },
        {
          $set: { currentHash: sha256(secret) },
          $push: { usedHashes: { $each: [presented], $slice: -50 } },
        },
      )
      .exec();
    if (swapped.modifiedCount !== 1) {
      return { kind: 'reused', userId: session.userId, sessionId: session._id };
    }
    return {
      kind: 'rotated',
      userId: session.userId,
      refresh: {
        token: `${session._id}.${secret}`,
        sessionId: session._id,
        expiresAt: session.expiresAt,
      },
    };
  }

  /** Revokes a live session, with the events that say so in the same write. */
  async revoke(sessionId: string, reason: string, ...events: CloudEvent[]): Promise<boolean> {
    const result = await this.sessions
      .updateOne(
        { _id: sessionId, revokedAt: null },
        updateWithEvents({ $set: { revokedAt: new Date(), revokedReason: reason } }, ...events),
      )
      .exec();
    return result.modifiedCount === 1;
  }

  /** Revokes every live session of a user, except one (the caller's own) if given. */
  async revokeAll(userId: Types.ObjectId, reason: string, except?: string): Promise<number> {
    const filter = { userId, revokedAt: null, ...(except ? { _id: { $ne: except } } : {}) };
    const result = await this.sessions
      .updateMany(filter, { $set: { revokedAt: new Date(), revokedReason: reason } })
      .exec();
    return result.modifiedCount;
  }

  async isLive(sessionId: string): Promise<boolean> {
    const session = await this.sessions
      .findById(sessionId, { revokedAt: 1, expiresAt: 1 })
      .lean()
      .exec();
    return !!session && !session.revokedAt && session.expiresAt > new Date();
  }

  /**
   * The users subgraph also refuses access tokens of revoked sessions at once (logout, reuse,
   * password change), rather than waiting for them to expire.
   */
  liveSessionVerifier(inner: TokenVerifier): TokenVerifier {
    return {
      verify: async (token) => {
        const viewer = await inner.verify(token);
        if (!(await this.isLive(viewer.sessionId))) {
          throw Errors.unauthenticated('Session has been revoked', 'SESSION_REVOKED');
        }
        return viewer;
      },
    };
  }

  /** Deletes sessions that expired long ago (FerretDB has no TTL indexes). */
  async sweep(olderThanDays = 7): Promise<number> {
    const cutoff = new Date(Date.now() - olderThanDays * 86_400_000);
    const result = await this.sessions.deleteMany({ expiresAt: { $lt: cutoff } }).exec();
    return result.deletedCount;
  }
}
