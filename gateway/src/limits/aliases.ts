import { Kind, type ValidationRule } from '../graphql.js';
import { limitExceeded } from './limit-error.js';
import { countOverOperation } from './selections.js';

/**
 * Rejects operations with more than `max` aliased fields, the tool of batching attacks (a thousand
 * aliased `login` fields in one request).
 */
export function maxAliasesRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const measured = countOverOperation(context, operation, (node) =>
        node.kind === Kind.FIELD && node.alias ? 1 : 0,
      );
      if (measured > max) context.reportError(limitExceeded('aliases', measured, max, operation));
    },
  });
}
