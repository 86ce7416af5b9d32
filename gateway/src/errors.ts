import { ErrorCode, formatError } from '@vitrine/platform';
import { GraphQLError, type GraphQLFormattedError } from './graphql.js';
import { asTokenLimitError, OPERATION_LIMIT_EXCEEDED } from './limits/index.js';

/**
 * The platform's `formatError` (stable codes, internals masked, no stack traces), plus the
 * gateway's own OPERATION_LIMIT_EXCEEDED, which the platform does not know and would mask. The
 * parser's token-limit syntax error is reported as that same limit error.
 */
export function gatewayFormatError(
  formatted: GraphQLFormattedError,
  original: unknown,
): GraphQLFormattedError {
  const tokenLimit =
    formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED'
      ? asTokenLimitError(formatted)
      : undefined;
  const limitError = tokenLimit
    ? { ...tokenLimit.toJSON(), locations: formatted.locations }
    : formatted;
  if (limitError.extensions?.code === OPERATION_LIMIT_EXCEEDED) {
    const { stacktrace: _stack, ...extensions } = limitError.extensions;
    return { ...limitError, extensions };
  }
  return formatError(formatted, original);
}

/** An internal error for graphql-ws, which wants its own graphql's GraphQLError instances. */
export function internalError(): GraphQLError {
  return new GraphQLError('Internal server error', {
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  });
}
