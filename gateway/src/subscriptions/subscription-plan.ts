import {
  buildOperationContext,
  executeQueryPlan,
  type GraphQLDataSource,
  type ServiceMap,
} from '@apollo/gateway';
import { operationFromDocument } from '@apollo/federation-internals';
import type { FetchNode, QueryPlan } from '@apollo/query-planner';
import {
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type FormattedExecutionResult,
} from '../graphql.js';
import type { GatewayContext } from '../context.js';
import type { SupergraphSnapshot } from '../supergraph.js';

type RequestContext = Parameters<typeof executeQueryPlan>[2];

/**
 * A subscription as the federation query planner splits it: `primary`, the part the owning
 * subgraph serves over graphql-ws, and `eventPlan`, what the gateway runs for every event.
 */
export interface SubscriptionPlan {
  primary: FetchNode;
  /**
   * The primary fetch followed by the plan's `rest` (entity fetches to the other subgraphs). Its
   * primary fetch is answered with the event itself, so @apollo/gateway's own executor runs the
   * rest, merges and shapes the result exactly as it does for a query.
   */
  eventPlan: QueryPlan;
}

export function planSubscription(
  snapshot: SupergraphSnapshot,
  document: DocumentNode,
  operationName: string | undefined,
): SubscriptionPlan {
  const operation = operationFromDocument(snapshot.federatedApiSchema, document, {
    operationName,
  });
  const plan = snapshot.planner.buildQueryPlan(operation);
  if (plan.node?.kind !== 'Subscription') {
    throw new GraphQLError('Only subscription operations are planned here');
  }
  const { primary, rest } = plan.node;
  return {
    primary,
    eventPlan: {
      kind: 'QueryPlan',
      node: rest ? { kind: 'Sequence', nodes: [primary, rest] } : primary,
    },
  };
}

/** The subgraph's errors as the gateway reports any subgraph error: its codes, and whose it was. */
export function subgraphErrors(
  errors: FormattedExecutionResult['errors'],
  serviceName: string,
): GraphQLError[] {
  return (errors ?? []).map(
    (error) =>
      new GraphQLError(error.message, {
        path: error.path,
        extensions: { ...error.extensions, serviceName },
      }),
  );
}

export interface SubscriptionRequest {
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  context: GatewayContext;
}

/**
 * Turns one event of the primary subscription into the client's result: the `rest` of the plan
 * fetches the fields other subgraphs own, and the result is shaped to the client's selection set
 * (only what it asked for, under its aliases). An event without data is a failure of the
 * subscription itself (a refused viewer, say): its errors are the result.
 */
export async function resolveEvent(
  snapshot: SupergraphSnapshot,
  plan: SubscriptionPlan,
  event: FormattedExecutionResult,
  request: SubscriptionRequest,
): Promise<ExecutionResult> {
  const owner = plan.primary.serviceName;
  if (!event.data) return { errors: subgraphErrors(event.errors, owner) };

  const replay: GraphQLDataSource = {
    process: (options) =>
      options.request.query === plan.primary.operation
        ? Promise.resolve({ data: event.data, errors: event.errors })
        : snapshot.dataSources[owner].process(options),
  };
  const serviceMap: ServiceMap = { ...snapshot.dataSources, [owner]: replay };
  // executeQueryPlan reads the variables, the context for the data sources, the logger and the
  // metrics of a request context; the rest of Apollo Server's request context has no meaning here.
  const requestContext = {
    request: { operationName: request.operationName, variables: request.variables },
    context: request.context,
    logger: request.context.logger,
    metrics: {},
  } as unknown as RequestContext;
  const operationContext = buildOperationContext({
    schema: snapshot.apiSchema,
    operationDocument: request.document,
    operationName: request.operationName,
  });
  return executeQueryPlan(
    plan.eventPlan,
    serviceMap,
    requestContext,
    operationContext,
    snapshot.supergraphSchema,
    snapshot.federatedApiSchema,
  );
}
