import {
  bearerToken,
  ErrorCode,
  errorCode,
  Errors,
  type TokenVerifier,
  type Viewer,
} from '@vitrine/platform';
import { GraphQLError } from './graphql.js';

export interface Credentials {
  viewer: Viewer | null;
  authorization?: string;
}

/**
 * Verifies the credentials of a request at the edge: none is an anonymous caller (subgraphs decide
 * what anonymous callers may do); anything else must be a valid `Bearer` access token, or the
 * request is refused with UNAUTHENTICATED before any planning or subgraph call.
 */
export async function authenticate(verifier: TokenVerifier, header: unknown): Promise<Credentials> {
  if (header === undefined || header === null || header === '') return { viewer: null };
  const token = bearerToken(header);
  if (!token) {
    throw Errors.unauthenticated('Authorization must be a Bearer access token', 'TOKEN_INVALID');
  }
  const viewer = await verifier.verify(token);
  return { viewer, authorization: `Bearer ${token}` };
}

/** Whether `authenticate` refused the credentials (anything else is a failure of the gateway). */
export function isRefusal(error: unknown): error is GraphQLError {
  return errorCode(error) === ErrorCode.UNAUTHENTICATED;
}

/** The refusal for HTTP: status 401 with the challenge RFC 6750 asks for. */
export function asHttpUnauthenticated(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: {
      ...error.extensions,
      http: {
        status: 401,
        headers: new Map([['www-authenticate', 'Bearer error="invalid_token"']]),
      },
    },
  });
}
