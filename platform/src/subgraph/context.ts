import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AuthContext } from '../auth/access.js';
import { bearerToken, type TokenVerifier } from '../auth/token-verifier.js';
import type { Logger } from '../logger.js';

/** What every request carries, over HTTP or WebSocket, before the subgraph adds its own parts. */
export interface BaseContext extends AuthContext {
  requestId: string;
  logger: Logger;
  /** The client's address as the gateway saw it, for throttling and security events. */
  ip: string | null;
}

export const REQUEST_ID_HEADER = 'x-request-id';

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The client address: the first hop of X-Forwarded-For (set by the gateway), or the socket's. */
export function clientIp(headers: IncomingHttpHeaders, socketAddress?: string): string | null {
  const forwarded = first(headers['x-forwarded-for'])?.split(',')[0]?.trim();
  return forwarded || socketAddress || null;
}

/**
 * Builds the base context of a request: a request id (the gateway's, or a new one), a logger that
 * carries it, and the viewer from a verified bearer token. A token that is present but invalid is
 * an error (UNAUTHENTICATED), never silently treated as anonymous.
 */
export async function createBaseContext(
  verifier: TokenVerifier,
  logger: Logger,
  input: { authorization?: unknown; requestId?: string; ip: string | null },
): Promise<BaseContext> {
  const requestId = input.requestId || randomUUID();
  const token = bearerToken(input.authorization);
  const viewer = token ? await verifier.verify(token) : null;
  return {
    requestId,
    ip: input.ip,
    viewer,
    logger: logger.child({ requestId, userId: viewer?.id }),
  };
}
