import {
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
  type ServiceEndpointDefinition,
} from '@apollo/gateway';
import { REQUEST_ID_HEADER, type GatewayContext } from './context.js';
import { GraphQLError } from './graphql.js';
import type { Fetcher } from './fetcher.js';
import type { GatewayMetrics } from './metrics.js';

/**
 * Calls one subgraph over HTTP on behalf of a client: forwards the client's credentials, request
 * id and address (subgraphs verify the token again and log with the same request id), and times
 * each call. Schema loading calls carry no client context and forward nothing.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<Partial<GatewayContext>> {
  constructor(
    readonly subgraph: string,
    url: string,
    fetcher: Fetcher,
    private readonly metrics: GatewayMetrics,
  ) {
    super({ url, fetcher });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<Partial<GatewayContext>>) {
    const headers = options.request.http?.headers;
    const context = options.context as Partial<GatewayContext>;
    if (!headers) return;
    if (context.authorization) headers.set('authorization', context.authorization);
    if (context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.clientIp) headers.set('x-forwarded-for', context.clientIp);
  }

  /**
   * A subgraph refuses a request outright (HTTP 4xx) when the token it verifies again is no
   * longer good, e.g. a session revoked since the token was issued. The client must see that
   * refusal with its code, not a masked internal error.
   */
  override async errorFromResponse(
    response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0],
  ): Promise<GraphQLError> {
    if (response.status >= 400 && response.status < 500) {
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as {
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      } | null;
      const refusal = body?.errors?.[0];
      const code = refusal?.extensions?.code;
      if (refusal && typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
        return new GraphQLError(refusal.message, {
          extensions: { ...refusal.extensions, serviceName: this.subgraph },
        });
      }
    }
    return super.errorFromResponse(response);
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<Partial<GatewayContext>>,
  ): ReturnType<RemoteGraphQLDataSource['process']> {
    const done = this.metrics.timeSubgraphFetch(this.subgraph);
    try {
      const response = await super.process(options);
      done(response.errors?.length ? 'error' : 'success');
      return response;
    } catch (err) {
      done('failure');
      throw err;
    }
  }
}

/**
 * One data source per subgraph and routing URL, shared by the gateway's query execution and the
 * subscriptions' entity fetches, so that both reach subgraphs the same way.
 */
export class DataSourceRegistry {
  private readonly sources = new Map<string, SubgraphDataSource>();

  constructor(
    private readonly fetcher: Fetcher,
    private readonly metrics: GatewayMetrics,
    /** Applies the `<NAME>_URL` overrides. */
    private readonly resolveUrl: (name: string, url: string) => string,
  ) {}

  get({ name, url = '' }: ServiceEndpointDefinition): SubgraphDataSource {
    const routed = this.resolveUrl(name, url);
    const key = `${name} ${routed}`;
    let source = this.sources.get(key);
    if (!source) {
      source = new SubgraphDataSource(name, routed, this.fetcher, this.metrics);
      this.sources.set(key, source);
    }
    return source;
  }
}
