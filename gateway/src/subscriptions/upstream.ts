import { createClient, type Client, type Sink, type SubscribePayload } from 'graphql-ws';
import type { FormattedExecutionResult } from '../graphql.js';
import WebSocket from 'ws';
import type { SubgraphEndpoint } from '../config.js';
import { REQUEST_ID_HEADER, type GatewayContext } from '../context.js';

/** `http://host/graphql` → `ws://host/graphql`: subgraphs serve graphql-ws on their `/graphql`. */
function webSocketUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

/**
 * Responsible for one client connection's graphql-ws connections to the subgraphs: at most one per
 * subgraph, opened with the first subscription routed there and closed with the last one (lazy),
 * and all of them closed when the client goes. Each carries the client's credentials in its
 * `connectionParams` (where subgraphs verify them), and the request id and client address in the
 * upgrade request's headers, as HTTP calls do.
 */
export class UpstreamConnections {
  private readonly clients = new Map<string, Client>();
  /** `ws` with this connection's upgrade headers (graphql-ws only calls `new Impl(url, protocol)`). */
  private readonly webSocketImpl: unknown;

  constructor(private readonly context: GatewayContext) {
    const headers: Record<string, string> = { [REQUEST_ID_HEADER]: context.requestId };
    if (context.clientIp) headers['x-forwarded-for'] = context.clientIp;
    this.webSocketImpl = class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    };
  }

  subscribe(
    subgraph: SubgraphEndpoint,
    payload: SubscribePayload,
    sink: Sink<FormattedExecutionResult>,
  ): () => void {
    return this.client(subgraph).subscribe(payload, sink);
  }

  async dispose(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(
      clients.map(async (client) => {
        await client.dispose();
      }),
    );
  }

  private client({ name, url }: SubgraphEndpoint): Client {
    const key = `${name} ${url}`;
    let client = this.clients.get(key);
    if (!client) {
      const { authorization, requestId } = this.context;
      client = createClient({
        url: webSocketUrl(url),
        webSocketImpl: this.webSocketImpl,
        connectionParams: authorization ? { authorization, requestId } : { requestId },
        lazy: true,
        // A lost subgraph ends the client's subscriptions with an error; the client resubscribes.
        // Retrying here would silently skip the events published in between.
        retryAttempts: 0,
      });
      this.clients.set(key, client);
    }
    return client;
  }
}
