import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { Errors } from '../errors.js';
import { ALL_ROLES, type Role, type Viewer } from './viewer.js';

export const ACCESS_TOKEN_ALGORITHM = 'ES256';

export interface TokenVerifier {
  /** Resolves to the viewer, or throws UNAUTHENTICATED with a `reason` for the client. */
  verify(token: string): Promise<Viewer>;
}

export interface JwtVerifierOptions {
  issuer: string;
  audience: string;
  /** Where the users subgraph publishes its keys, or a local key resolver for the issuer itself. */
  keys: string | JWTVerifyGetKey;
}

function toViewer(payload: JWTPayload): Viewer {
  const roles = Array.isArray(payload.roles) ? payload.roles : [];
  if (
    typeof payload.sub !== 'string' ||
    typeof payload.sid !== 'string' ||
    !roles.every((r): r is Role => ALL_ROLES.includes(r as Role))
  ) {
    throw Errors.unauthenticated('Access token is malformed', 'TOKEN_INVALID');
  }
  return { id: payload.sub, roles: roles, sessionId: payload.sid };
}

/**
 * Verifies access tokens signed by the users subgraph. Keys come from its JWKS, which jose caches
 * and refetches when a token names an unknown key id (key rotation), at most once per cooldown.
 */
export function createJwtVerifier({ issuer, audience, keys }: JwtVerifierOptions): TokenVerifier {
  const getKey =
    typeof keys === 'string'
      ? createRemoteJWKSet(new URL(keys), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 })
      : keys;
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, getKey, {
          issuer,
          audience,
          algorithms: [ACCESS_TOKEN_ALGORITHM],
          typ: 'at+jwt',
        });
        return toViewer(payload);
      } catch (err) {
        // The key set could not be fetched: our outage, not the client's bad token.
        if (err instanceof joseErrors.JWKSTimeout) throw Errors.internal();
        if (err instanceof joseErrors.JWTExpired) {
          throw Errors.unauthenticated('Access token has expired', 'TOKEN_EXPIRED');
        }
        if (err instanceof joseErrors.JOSEError) {
          throw Errors.unauthenticated('Access token is invalid', 'TOKEN_INVALID');
        }
        throw err;
      }
    },
  };
}

/** The bearer token of an `Authorization` header (HTTP) or `connectionParams` (WebSocket). */
export function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}
