import type { Server } from 'node:http';
import type { Logger, TokenVerifier } from '@vitrine/platform';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { authenticate, isRefusal } from '../auth.js';
import { clientAddress, requestIdFrom, type GatewayContext } from '../context.js';
import { gatewayFormatError, internalError } from '../errors.js';
import type { ExecutionArgs, GraphQLError } from '../graphql.js';
import type { OperationLimits } from '../limits/index.js';
import type { GatewayMetrics } from '../metrics.js';
import type { SupergraphSnapshot, SupergraphState } from '../supergraph.js';
import { runFederatedSubscription } from './federated-subscription.js';
import { prepareSubscription } from './prepare-subscription.js';
import type { SubscriptionPlan, SubscriptionRequest } from './subscription-plan.js';
import { UpstreamConnections } from './upstream.js';

export interface SubscriptionServerOptions {
  httpServer: Server;
  path: string;
  state: SupergraphState;
  verifier: TokenVerifier;
  limits: OperationLimits;
  production: boolean;
  trustProxy: boolean;
  metrics: GatewayMetrics;
  logger: Logger;
}

/** What a client connection holds once its credentials are verified. */
interface Connection {
  context: GatewayContext;
  upstream: UpstreamConnections;
}

/** What `onSubscribe` hands to `subscribe`, through graphql-ws's `contextValue`. */
interface PlannedSubscription {
  snapshot: SupergraphSnapshot;
  plan: SubscriptionPlan;
  request: SubscriptionRequest;
  upstream: UpstreamConnections;
}

/**
 * Serves graphql-ws on the gateway's `/graphql`, which @apollo/gateway cannot: the client's token
 * is verified when it connects (an invalid one closes the socket with 4403), each subscription is
 * validated, limited and planned against the supergraph the gateway serves, and then runs as a
 * federated subscription. Results and errors are formatted as over HTTP.
 */
export function serveSubscriptions(options: SubscriptionServerOptions): {
  dispose(): Promise<void>;
} {
  const { state, verifier, metrics, logger } = options;
  const wsServer = new WebSocketServer({ server: options.httpServer, path: options.path });

  const server = useServer<Record<string, unknown> | undefined, { connection: Connection }>(
    {
      onConnect: async (ctx) => {
        const { request } = ctx.extra;
        try {
          const credentials = await authenticate(verifier, ctx.connectionParams?.authorization);
          const requestId = requestIdFrom(ctx.connectionParams?.requestId);
          const context: GatewayContext = {
            ...credentials,
            requestId,
            clientIp: clientAddress(
              request.headers,
              request.socket.remoteAddress,
              options.trustProxy,
            ),
            logger: logger.child({ requestId, userId: credentials.viewer?.id }),
          };
          ctx.extra.connection = { context, upstream: new UpstreamConnections(context) };
          return true;
        } catch (err) {
          if (!isRefusal(err)) throw err;
          logger.debug({ reason: err.extensions.reason }, 'WebSocket connection refused');
          return false; // graphql-ws closes the socket with 4403 Forbidden
        }
      },

      onSubscribe: (ctx, id, payload): ExecutionArgs | readonly GraphQLError[] => {
        const connection = ctx.extra.connection!;
        // Always set: the server listens only once Apollo Server has loaded the supergraph.
        const snapshot = state.current;
        if (!snapshot) return [internalError()];
        try {
          const prepared = prepareSubscription(snapshot, payload, options);
          if ('errors' in prepared) return prepared.errors;
          const { document, operationName, variables, plan } = prepared;
          connection.context.logger.debug({ id, operationName }, 'subscription started');
          const contextValue: PlannedSubscription = {
            snapshot,
            plan,
            request: { document, operationName, variables, context: connection.context },
            upstream: connection.upstream,
          };
          return {
            schema: snapshot.apiSchema,
            document,
            operationName,
            variableValues: variables,
            contextValue,
          };
        } catch (err) {
          connection.context.logger.error({ err }, 'subscription could not be planned');
          return [internalError()];
        }
      },

      subscribe: (args) =>
        runFederatedSubscription({ ...(args.contextValue as PlannedSubscription), metrics }),

      onNext: (_ctx, _id, _payload, _args, result) => ({
        ...result,
        errors: result.errors?.map((error) => gatewayFormatError(error.toJSON(), error)),
      }),

      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => gatewayFormatError(error.toJSON(), error)),

      onClose: async (ctx) => {
        await ctx.extra.connection?.upstream.dispose();
      },
    },
    wsServer,
  );

  return {
    async dispose() {
      await server.dispose();
    },
  };
}
