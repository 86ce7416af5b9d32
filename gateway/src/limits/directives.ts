import { Kind, type ValidationRule } from '../graphql.js';
import { limitExceeded } from './limit-error.js';
import { countOverOperation } from './selections.js';

/**
 * Rejects operations with more than `max` directives (on the operation, its variables, fields and
 * fragments), which otherwise cost parsing and validation time for nothing ("directive overloading").
 */
export function maxDirectivesRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const measured = countOverOperation(context, operation, (node) => {
        const own = node.directives?.length ?? 0;
        if (node.kind !== Kind.OPERATION_DEFINITION) return own;
        const onVariables = node.variableDefinitions ?? [];
        return own + onVariables.reduce((n, v) => n + (v.directives?.length ?? 0), 0);
      });
      if (measured > max) {
        context.reportError(limitExceeded('directives', measured, max, operation));
      }
    },
  });
}
