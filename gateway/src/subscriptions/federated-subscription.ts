import { Errors } from '@vitrine/platform';
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult } from '../graphql.js';
import type { GatewayMetrics } from '../metrics.js';
import type { SupergraphSnapshot } from '../supergraph.js';
import { Channel } from './channel.js';
import {
  resolveEvent,
  subgraphErrors,
  type SubscriptionPlan,
  type SubscriptionRequest,
} from './subscription-plan.js';
import type { UpstreamConnections } from './upstream.js';

export interface FederatedSubscriptionOptions {
  snapshot: SupergraphSnapshot;
  plan: SubscriptionPlan;
  request: SubscriptionRequest;
  upstream: UpstreamConnections;
  metrics: GatewayMetrics;
}

function isCloseEvent(value: unknown): value is { code: number; reason: string } {
  return typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;
}

/**
 * Why the owning subgraph's subscription failed, for the client. A graphql-ws `error` message
 * carries GraphQL errors; a 4403 close is the subgraph refusing the credentials (an access token
 * that expired since the client connected); anything else is a lost subgraph, which the client's
 * formatError masks as an internal error and the gateway logs in full.
 */
function upstreamFailure(error: unknown, subgraph: string): GraphQLError[] {
  if (Array.isArray(error)) {
    return subgraphErrors(error as FormattedExecutionResult['errors'], subgraph);
  }
  if (isCloseEvent(error) && error.code === 4403) {
    return [Errors.unauthenticated('The access token was refused', 'TOKEN_INVALID')];
  }
  return [new GraphQLError(`Subscription to subgraph "${subgraph}" failed: ${describe(error)}`)];
}

function describe(error: unknown): string {
  if (isCloseEvent(error)) return `socket closed ${error.code} ${error.reason}`;
  if (Array.isArray(error))
    return (error as { message: string }[]).map((e) => e.message).join('; ');
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one client subscription across the supergraph: the primary part on the owning subgraph over
 * graphql-ws, and for each of its events, in order, the rest of the plan. The client's
 * `return()` (unsubscribe, disconnect) ends the subgraph's subscription at once; the subgraph
 * completing or failing completes the client's, after the events already received.
 */
export function runFederatedSubscription({
  snapshot,
  plan,
  request,
  upstream,
  metrics,
}: FederatedSubscriptionOptions): AsyncGenerator<ExecutionResult, undefined, undefined> {
  const { primary } = plan;
  const subgraph = snapshot.subgraphs.find((s) => s.name === primary.serviceName);
  if (!subgraph) throw new GraphQLError(`Unknown subgraph "${primary.serviceName}"`);
  const logger = request.context.logger.child({ subgraph: subgraph.name });

  const stopped = metrics.subscriptionStarted(subgraph.name);
  let unsubscribe = () => {};
  const channel = new Channel<ExecutionResult>(() => {
    unsubscribe();
    stopped();
  });

  // Events are resolved one after the other, so that the client sees them in the order they came.
  let queue = Promise.resolve();
  const enqueue = (work: () => Promise<ExecutionResult | undefined>, last = false) => {
    queue = queue
      .then(async () => {
        if (channel.closed) return;
        const result = await work();
        if (result) {
          metrics.subscriptionEvent(request.operationName, result.errors ? 'error' : 'success');
          channel.push(result);
        }
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'subscription event failed');
        channel.push({ errors: [Errors.internal()] });
      })
      .finally(() => {
        if (last) channel.end();
      });
  };

  const variables = Object.fromEntries(
    (primary.variableUsages ?? [])
      .filter((name) => name in request.variables)
      .map((name) => [name, request.variables[name]]),
  );
  unsubscribe = upstream.subscribe(
    subgraph,
    { query: primary.operation, operationName: primary.operationName, variables },
    {
      next: (event: FormattedExecutionResult) =>
        enqueue(() => resolveEvent(snapshot, plan, event, request)),
      error: (error: unknown) => {
        logger.warn({ failure: describe(error) }, 'subgraph subscription failed');
        enqueue(() => Promise.resolve({ errors: upstreamFailure(error, subgraph.name) }), true);
      },
      complete: () => enqueue(() => Promise.resolve(undefined), true),
    },
  );
  return channel;
}
