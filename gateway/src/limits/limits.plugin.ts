import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from '../graphql.js';
import { checkOperationLimits, type OperationLimits } from './index.js';

/**
 * Enforces the operation limits once the operation is parsed, validated and resolved, before the
 * gateway plans or executes anything. A hook rather than Apollo Server `validationRules`: it sees
 * the variables (for the cost of `first: $n`), and keeps the limit's own error code, which Apollo
 * Server would replace with GRAPHQL_VALIDATION_FAILED.
 */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin<BaseContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ schema, document, operation, request }) => {
          const [error] = checkOperationLimits(
            schema,
            document,
            operation,
            limits,
            request.variables,
          );
          if (!error) return Promise.resolve();
          return Promise.reject(
            new GraphQLError(error.message, {
              nodes: error.nodes,
              extensions: { ...error.extensions, http: { status: 400 } },
            }),
          );
        },
      }),
  };
}
