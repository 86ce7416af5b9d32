import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import type { Logger, TokenVerifier } from '@vitrine/platform';
import express from 'express';
import { GraphQLError, OperationTypeNode } from './graphql.js';
import { asHttpUnauthenticated, authenticate, isRefusal } from './auth.js';
import type { GatewayConfig } from './config.js';
import { clientAddress, type GatewayContext } from './context.js';
import { gatewayFormatError } from './errors.js';
import { operationLimitsPlugin } from './limits/limits.plugin.js';
import { errorLogging, requestLogging } from './logging.js';
import type { GatewayMetrics } from './metrics.js';
import { Readiness } from './readiness.js';
import { serveSubscriptions } from './subscriptions/websocket-server.js';
import type { SupergraphState } from './supergraph.js';

const GRAPHQL_PATH = '/graphql';

export interface ServeGatewayOptions {
  config: GatewayConfig;
  gateway: ApolloGateway;
  state: SupergraphState;
  verifier: TokenVerifier;
  metrics: GatewayMetrics;
  logger: Logger;
}

export interface HttpHandle {
  url: string;
  port: number;
  /** Stops accepting, closes WebSockets, drains in-flight requests, stops the gateway. */
  close(): Promise<void>;
}

/** @apollo/gateway cannot execute subscriptions over HTTP; say where they are served instead. */
const subscriptionsOverWebSocket: ApolloServerPlugin<GatewayContext> = {
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ operation }) =>
        operation?.operation === OperationTypeNode.SUBSCRIPTION
          ? Promise.reject(
              new GraphQLError(
                `Subscriptions are served over WebSocket (graphql-ws) at ${GRAPHQL_PATH}`,
                { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
              ),
            )
          : Promise.resolve(),
    }),
};

/**
 * Serves the supergraph: Apollo Server over HTTP and graphql-ws on the same `/graphql`, with the
 * client's token verified at the edge, the operation limits, `/health`, `/ready` and `/metrics`.
 */
export async function serveGateway({
  config,
  gateway,
  state,
  verifier,
  metrics,
  logger,
}: ServeGatewayOptions): Promise<HttpHandle> {
  const production = config.nodeEnv === 'production';
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const subscriptions = serveSubscriptions({
    httpServer,
    path: GRAPHQL_PATH,
    state,
    verifier,
    limits: config.limits,
    production,
    trustProxy: config.trustProxy,
    metrics,
    logger,
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    apollo: config.apollo,
    formatError: gatewayFormatError,
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    parseOptions: { maxTokens: config.limits.maxTokens },
    // main.ts owns the process's signals (Apollo Server would re-raise them after its own stop).
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: () => Promise.resolve({ drainServer: () => subscriptions.dispose() }) },
      operationLimitsPlugin(config.limits),
      subscriptionsOverWebSocket,
      metrics.plugin(),
      errorLogging(logger),
      production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false, embed: true }),
      // A federated graph's schema reaches GraphOS as its subgraphs' schemas (`rover subgraph
      // publish`), from which GraphOS composes the supergraph; the gateway never reports one.
      ApolloServerPluginSchemaReportingDisabled(),
      // Usage reporting only with this gateway's own configuration, never from a stray APOLLO_KEY.
      ...(config.apollo ? [] : [ApolloServerPluginUsageReportingDisabled()]),
    ],
  });
  await apollo.start();

  const readiness = new Readiness(() => state.current?.subgraphs);
  app.use(requestLogging(logger));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/ready', async (_req, res) => {
    const report = await readiness.check();
    res.status(report.ready ? 200 : 503).json({
      status: report.ready ? 'ready' : 'unavailable',
      supergraph: report.supergraph,
      subgraphs: report.subgraphs,
    });
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GatewayContext> => {
        const requestId = res.locals.requestId as string;
        const credentials = await authenticate(verifier, req.headers.authorization).catch(
          (err: unknown) => {
            throw isRefusal(err) ? asHttpUnauthenticated(err) : err;
          },
        );
        return {
          ...credentials,
          requestId,
          clientIp: clientAddress(req.headers, req.socket.remoteAddress, config.trustProxy),
          logger: logger.child({ requestId, userId: credentials.viewer?.id }),
        };
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host}:${port}${GRAPHQL_PATH}`;
  logger.info({ url }, 'gateway listening');
  return { url, port, close: () => apollo.stop() };
}
