import { ApolloGateway } from '@apollo/gateway';
import { createJwtVerifier, createLogger, type Logger } from '@vitrine/platform';
import { routingUrl, type GatewayConfig } from './config.js';
import { DataSourceRegistry } from './data-source.js';
import { createKeepAliveFetcher } from './fetcher.js';
import { GatewayMetrics } from './metrics.js';
import { serveGateway } from './server.js';
import { SupergraphState, supergraphSdlOption } from './supergraph.js';

export {
  DEFAULT_LIMITS,
  DEFAULT_SUPERGRAPH_CONFIG,
  loadGatewayConfig,
  type GatewayConfig,
  type SubgraphEndpoint,
  type SupergraphSource,
} from './config.js';
export type { GatewayContext } from './context.js';
export { OPERATION_LIMIT_EXCEEDED, type LimitName, type OperationLimits } from './limits/index.js';

export interface RunningGateway {
  /** `http://host:port/graphql`; the same URL serves graphql-ws (`ws://host:port/graphql`). */
  url: string;
  port: number;
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * Starts the gateway: it loads the supergraph (the composed file, or the live subgraphs it
 * composes itself), then serves it over HTTP and WebSocket. Resolves once it listens.
 */
export async function createGateway(config: GatewayConfig): Promise<RunningGateway> {
  const logger = createLogger({ service: 'gateway', level: config.logLevel });
  const verifier = createJwtVerifier({
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    keys: config.auth.jwksUrl,
  });
  const metrics = new GatewayMetrics();
  const fetcher = createKeepAliveFetcher();
  const resolveUrl = (name: string, url: string) => routingUrl(config, name, url);
  const dataSources = new DataSourceRegistry(fetcher.fetch, metrics, resolveUrl);

  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSdlOption(config.supergraph, resolveUrl),
    buildService: (definition) => dataSources.get(definition),
    logger,
  });
  const state = new SupergraphState(dataSources);
  gateway.onSchemaLoadOrUpdate((schemaContext) => state.update(schemaContext));

  let http;
  try {
    http = await serveGateway({ config, gateway, state, verifier, metrics, logger });
  } catch (err) {
    fetcher.destroy();
    throw err;
  }
  return {
    url: http.url,
    port: http.port,
    logger,
    async stop() {
      await http.close();
      fetcher.destroy();
      logger.info('stopped');
    },
  };
}
