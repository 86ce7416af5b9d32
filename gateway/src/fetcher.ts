import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import nodeFetch from 'node-fetch';

export type Fetcher = RemoteGraphQLDataSource['fetcher'];

export interface KeepAliveFetcher {
  fetch: Fetcher;
  /** Closes the pooled sockets, so that a stopped gateway leaves nothing open. */
  destroy(): void;
}

/**
 * The fetcher of every subgraph call: node-fetch over agents that keep connections open between
 * requests, so that a busy gateway does not pay a TCP handshake (and TIME_WAIT socket) for each
 * of the many small requests a query plan makes. Node's agent honours the subgraphs' `Keep-Alive:
 * timeout` and drops an idle socket before the server does.
 */
export function createKeepAliveFetcher(): KeepAliveFetcher {
  const options = { keepAlive: true, maxFreeSockets: 64, scheduling: 'lifo' as const };
  const http = new HttpAgent(options);
  const https = new HttpsAgent(options);
  const fetch = ((url, init) =>
    nodeFetch(url, {
      ...init,
      agent: (parsed: URL) => (parsed.protocol === 'https:' ? https : http),
    })) as Fetcher;
  return {
    fetch,
    destroy() {
      http.destroy();
      https.destroy();
    },
  };
}
