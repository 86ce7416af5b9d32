import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { formatError } from '../errors.js';
import type { Logger } from '../logger.js';
import { clientIp, createBaseContext, REQUEST_ID_HEADER, type BaseContext } from './context.js';

export interface ServeOptions<TContext extends BaseContext> {
  name: string;
  host: string;
  port: number;
  production: boolean;
  logger: Logger;
  schema: GraphQLSchema;
  verifier: TokenVerifier;
  /** Adds the subgraph's per-request parts (DataLoaders) to the base context. */
  context: (base: BaseContext) => TContext;
  /** Extra HTTP routes (JWKS, webhooks), mounted before the GraphQL endpoint. */
  routes?: (app: Express) => void;
  /** Dependencies that must answer for `/ready`. */
  readiness: () => Promise<Record<string, boolean>>;
}

export interface HttpHandle {
  url: string;
  port: number;
  server: Server;
  /** Stops accepting, closes WebSockets, drains in-flight HTTP requests. */
  close(): Promise<void>;
}

/** A request whose token is refused gets HTTP 401 (Apollo Server would answer 500). */
function refuseWith401(err: unknown): never {
  if (err instanceof GraphQLError && err.extensions.code === 'UNAUTHENTICATED') {
    throw new GraphQLError(err.message, {
      extensions: { ...err.extensions, http: { status: 401 } },
    });
  }
  throw err;
}

/** Logs every operation that failed; masked internal errors are logged here in full. */
function errorLogPlugin(logger: Logger): ApolloServerPlugin<BaseContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didEncounterErrors: ({ errors, contextValue, operationName }) => {
          for (const err of errors) {
            const code = err.extensions?.code as string | undefined;
            const internal = !code || code === 'INTERNAL_SERVER_ERROR';
            const log = contextValue?.logger ?? logger;
            if (internal)
              log.error({ err: err.originalError ?? err, operationName }, 'operation failed');
            else log.debug({ code, message: err.message, operationName }, 'operation rejected');
          }
          return Promise.resolve();
        },
      }),
  };
}

/**
 * Serves a subgraph: Apollo Server over HTTP and graphql-ws on the same `/graphql`, `/health`
 * (alive) and `/ready` (dependencies answer), with graceful shutdown of both transports.
 */
export async function serveSubgraph<TContext extends BaseContext>(
  options: ServeOptions<TContext>,
): Promise<HttpHandle> {
  const { logger, schema, verifier } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });

  const wsCleanup = useServer<Record<string, unknown>, { base?: BaseContext }>(
    {
      schema,
      onConnect: async (ctx) => {
        try {
          ctx.extra.base = await createBaseContext(verifier, logger, {
            authorization: ctx.connectionParams?.authorization,
            requestId:
              typeof ctx.connectionParams?.requestId === 'string'
                ? ctx.connectionParams.requestId
                : undefined,
            ip: clientIp(ctx.extra.request.headers, ctx.extra.request.socket.remoteAddress),
          });
          return true;
        } catch (err) {
          if (err instanceof GraphQLError) return false; // closes with 4403 Forbidden
          throw err;
        }
      },
      context: (ctx) => options.context(ctx.extra.base!),
      onError: (_ctx, _id, _payload, errors) => {
        logger.debug({ errors: errors.map((e) => e.message) }, 'subscription rejected');
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<TContext>({
    schema,
    // Apollo's own messages (inline tracing for Studio, ...) go through our logger, not stdout.
    logger: {
      debug: (message: string) => logger.debug(message),
      info: (message: string) => logger.debug(message),
      warn: (message: string) => logger.warn(message),
      error: (message: string) => logger.error(message),
    },
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true, // the gateway composes by introspection in development; subgraphs are not public
    csrfPrevention: true,
    // runMain owns SIGTERM/SIGINT: Apollo's own handler would re-raise the signal and kill the
    // process before consumers leave their groups and the last events leave the outbox.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        serverWillStart: () =>
          Promise.resolve({
            drainServer: async () => {
              await wsCleanup.dispose();
            },
          }),
      },
      errorLogPlugin(logger),
      options.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false, embed: true }),
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/ready', async (_req, res) => {
    const checks = await options.readiness();
    const ready = Object.values(checks).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks });
  });
  options.routes?.(app);
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const base = await createBaseContext(verifier, logger, {
          authorization: req.headers.authorization,
          requestId: req.header(REQUEST_ID_HEADER),
          ip: clientIp(req.headers, req.socket.remoteAddress),
        }).catch(refuseWith401);
        res.setHeader(REQUEST_ID_HEADER, base.requestId);
        return options.context(base);
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host}:${port}/graphql`;
  logger.info({ url }, `${options.name} subgraph listening`);
  return {
    url,
    port,
    server: httpServer,
    close: () => apollo.stop(),
  };
}
