import { GraphQLError, type ASTNode } from '../graphql.js';

/**
 * The stable code of every operation limit. Clients tell "simplify your operation" apart from a
 * schema validation failure with it; `extensions.limit` names the limit, `measured` and `max`
 * say by how much it was exceeded.
 */
export const OPERATION_LIMIT_EXCEEDED = 'OPERATION_LIMIT_EXCEEDED';

export type LimitName = 'depth' | 'aliases' | 'directives' | 'cost' | 'tokens';

const DESCRIPTIONS: Record<LimitName, string> = {
  depth: 'is nested too deeply',
  aliases: 'uses too many aliases',
  directives: 'uses too many directives',
  cost: 'is too expensive',
  tokens: 'is too long',
};

export function limitExceeded(
  limit: LimitName,
  measured: number | undefined,
  max: number,
  node?: ASTNode,
): GraphQLError {
  const detail = measured === undefined ? `more than ${max}` : `${measured}, max ${max}`;
  return new GraphQLError(`Operation ${DESCRIPTIONS[limit]} (${limit}: ${detail})`, {
    nodes: node,
    extensions: { code: OPERATION_LIMIT_EXCEEDED, limit, measured, max },
  });
}

const TOKEN_LIMIT_MESSAGE = /Document contains more tha[nt] (\d+) tokens/;

/**
 * graphql's parser enforces `maxTokens` and stops counting there; its syntax error is turned into
 * the same limit error as the others (without `measured`, which the parser never learns).
 */
export function asTokenLimitError(error: { message: string }): GraphQLError | undefined {
  const match = TOKEN_LIMIT_MESSAGE.exec(error.message);
  return match ? limitExceeded('tokens', undefined, Number(match[1])) : undefined;
}
