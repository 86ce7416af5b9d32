import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
} from '../graphql.js';
import type { SubscribePayload } from 'graphql-ws';
import { asTokenLimitError, checkOperationLimits, type OperationLimits } from '../limits/index.js';
import type { SupergraphSnapshot } from '../supergraph.js';
import { planSubscription, type SubscriptionPlan } from './subscription-plan.js';

export interface PreparedSubscription {
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  plan: SubscriptionPlan;
}

export interface PrepareOptions {
  limits: OperationLimits;
  /** No introspection and no "Did you mean" suggestions, as over HTTP in production. */
  production: boolean;
}

function withCode(error: GraphQLError, code: string, message = error.message): GraphQLError {
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

/**
 * What Apollo Server does for an HTTP operation before the gateway plans it, for a subscription
 * arriving over graphql-ws: parse (with the token limit), validate against the API schema the
 * gateway serves, coerce the variables, enforce the operation limits; then plan it. Errors come
 * with the codes HTTP clients get for the same mistakes.
 */
export function prepareSubscription(
  snapshot: SupergraphSnapshot,
  payload: SubscribePayload,
  { limits, production }: PrepareOptions,
): PreparedSubscription | { errors: readonly GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: limits.maxTokens });
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    return { errors: [asTokenLimitError(err) ?? withCode(err, 'GRAPHQL_PARSE_FAILED')] };
  }

  const rules = production ? [...specifiedRules, NoSchemaIntrospectionCustomRule] : specifiedRules;
  const invalid = validate(snapshot.apiSchema, document, rules);
  if (invalid.length > 0) {
    const errors = invalid.map((error) =>
      withCode(
        error,
        'GRAPHQL_VALIDATION_FAILED',
        // The same rewrite as Apollo Server's hideSchemaDetailsFromClientErrors.
        production ? error.message.replace(/ ?Did you mean(.+?)\?$/, '') : error.message,
      ),
    );
    return { errors };
  }

  const operationName = payload.operationName ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    const message = operationName
      ? `Unknown operation named "${operationName}"`
      : 'Must provide an operation';
    return {
      errors: [new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })],
    };
  }
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
    const message = 'Only subscriptions are served over WebSocket; send this over HTTP POST';
    return { errors: [new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } })] };
  }

  const variables = payload.variables ?? {};
  const coercion = getVariableValues(
    snapshot.apiSchema,
    operation.variableDefinitions ?? [],
    variables,
  );
  if (coercion.errors) {
    return { errors: coercion.errors.map((error) => withCode(error, 'BAD_USER_INPUT')) };
  }

  const overLimits = checkOperationLimits(
    snapshot.apiSchema,
    document,
    operation,
    limits,
    variables,
  );
  if (overLimits.length > 0) return { errors: overLimits };

  return {
    document,
    operationName,
    variables,
    plan: planSubscription(snapshot, document, operationName),
  };
}
