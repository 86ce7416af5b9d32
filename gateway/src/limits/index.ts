import {
  getVariableValues,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from '../graphql.js';
import { maxAliasesRule } from './aliases.js';
import { maxCostRule } from './cost.js';
import { maxDepthRule } from './depth.js';
import { maxDirectivesRule } from './directives.js';

export { asTokenLimitError, limitExceeded, OPERATION_LIMIT_EXCEEDED } from './limit-error.js';
export type { LimitName } from './limit-error.js';

/** What one operation may ask of the supergraph; see the gateway README for the defaults. */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  /** Enforced by the parser itself (`parseOptions.maxTokens`), before any rule runs. */
  maxTokens: number;
  defaultPageSize: number;
  maxPageSize: number;
}

function operationLimitRules(
  limits: OperationLimits,
  variables?: Record<string, unknown>,
): ValidationRule[] {
  return [
    maxDepthRule(limits.maxDepth),
    maxAliasesRule(limits.maxAliases),
    maxDirectivesRule(limits.maxDirectives),
    maxCostRule({
      max: limits.maxCost,
      defaultPageSize: limits.defaultPageSize,
      maxPageSize: limits.maxPageSize,
      variables,
    }),
  ];
}

/**
 * The limit errors of a document that already passed GraphQL validation. Variables are coerced
 * first (defaults applied) so that the cost of `first: $n` is the cost of what `$n` is; variables
 * that do not coerce are left to the executor to report.
 */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined | null,
  limits: OperationLimits,
  rawVariables: Record<string, unknown> = {},
): readonly GraphQLError[] {
  const coerced = operation?.variableDefinitions
    ? getVariableValues(schema, operation.variableDefinitions, rawVariables).coerced
    : undefined;
  return validate(schema, document, operationLimitRules(limits, coerced ?? rawVariables));
}
