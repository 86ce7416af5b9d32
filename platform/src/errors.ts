import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * The stable error codes of Vitrine's API. Clients switch on `extensions.code`, never on messages,
 * so a code once published never changes meaning.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  /** The gateway refused an operation before execution: too deep, too costly, too long. */
  OPERATION_LIMIT_EXCEEDED: 'OPERATION_LIMIT_EXCEEDED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes that GraphQL servers themselves produce for malformed requests; safe to show as they are. */
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
const PUBLIC_CODES = new Set<string>([...Object.values(ErrorCode), ...PROTOCOL_CODES]);

function error(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** Factories for every expected failure. Each returns a GraphQLError to `throw`. */
export const Errors = {
  unauthenticated: (message = 'Authentication required', reason?: string) =>
    error(ErrorCode.UNAUTHENTICATED, message, reason ? { reason } : {}),
  forbidden: (message = 'You are not allowed to do this') => error(ErrorCode.FORBIDDEN, message),
  /** `field` names the offending argument or input field, as a dotted path (`input.email`). */
  badUserInput: (field: string, message: string) =>
    error(ErrorCode.BAD_USER_INPUT, message, { field }),
  notFound: (entity: string, id?: string) =>
    error(ErrorCode.NOT_FOUND, id ? `${entity} ${id} not found` : `${entity} not found`, {
      entity,
    }),
  conflict: (message: string, field?: string) =>
    error(ErrorCode.CONFLICT, message, field ? { field } : {}),
  rateLimited: (message: string, retryAfterSeconds: number) =>
    error(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds }),
  internal: () => error(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error'),
};

export function errorCode(err: unknown): string | undefined {
  if (err instanceof GraphQLError) return err.extensions?.code as string | undefined;
  return undefined;
}

export interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/** Flattens class-validator errors into the first offending dotted path and its message. */
export function firstViolation(
  errors: ValidationErrorLike[],
  prefix = '',
): { field: string; message: string } | undefined {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const message = e.constraints && Object.values(e.constraints)[0];
    if (message) return { field: path, message };
    const nested = e.children && firstViolation(e.children, path);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * Apollo Server `formatError`: keeps expected errors as they are, turns argument validation
 * failures into BAD_USER_INPUT with the offending field, and masks everything else so that no
 * stack trace, driver message or internal detail ever reaches a client.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  original: unknown,
): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  const validationErrors = formatted.extensions?.validationErrors as
    ValidationErrorLike[] | undefined;
  if (code === ErrorCode.BAD_USER_INPUT && validationErrors) {
    const violation = firstViolation(validationErrors);
    return {
      message: violation?.message ?? formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, field: violation?.field },
    };
  }
  if (code === 'UNAUTHORIZED') {
    // type-graphql's AuthorizationError: our API says FORBIDDEN.
    return { ...formatted, extensions: { code: ErrorCode.FORBIDDEN } };
  }
  if (code && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  void original;
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
