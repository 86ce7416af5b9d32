import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import { REQUEST_ID_HEADER, type Logger, type Viewer } from '@vitrine/platform';

/**
 * What the gateway knows about one request (HTTP) or one client connection (WebSocket). The data
 * sources forward `authorization`, `requestId` and `clientIp` to every subgraph call it causes.
 */
export interface GatewayContext {
  viewer: Viewer | null;
  /** The verified `Bearer <jwt>`, forwarded as it came: subgraphs verify it again. */
  authorization?: string;
  requestId: string;
  clientIp: string | null;
  logger: Logger;
}

/** The caller's request id if it sent a sane one, else a new one. */
export function requestIdFrom(value: unknown): string {
  return typeof value === 'string' && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client's address. X-Forwarded-For is only believed behind a trusted proxy (which overwrites
 * what clients send); otherwise anyone could claim any address to the subgraphs' throttling.
 */
export function clientAddress(
  headers: IncomingHttpHeaders,
  socketAddress: string | undefined,
  trustProxy: boolean,
): string | null {
  const forwarded = trustProxy
    ? first(headers['x-forwarded-for'])?.split(',')[0]?.trim()
    : undefined;
  return forwarded || socketAddress || null;
}

export { REQUEST_ID_HEADER };
