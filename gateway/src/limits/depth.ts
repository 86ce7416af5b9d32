import { Kind, type SelectionSetNode, type ValidationRule } from '../graphql.js';
import { limitExceeded } from './limit-error.js';
import { isIntrospectionRoot, memoizedFragments } from './selections.js';

/**
 * Rejects operations nested deeper than `max` fields (`{ a { b } }` is 2 deep), through fragments.
 * Introspection is not counted: the standard introspection query is deep by design.
 */
export function maxDepthRule(max: number): ValidationRule {
  return (context) => {
    const depthOf = (set: SelectionSetNode): number => {
      let deepest = 0;
      for (const selection of set.selections) {
        let depth: number;
        if (selection.kind === Kind.FIELD) {
          if (isIntrospectionRoot(selection)) continue;
          depth = 1 + (selection.selectionSet ? depthOf(selection.selectionSet) : 0);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          depth = depthOf(selection.selectionSet);
        } else {
          depth = fragmentDepth(selection.name.value);
        }
        deepest = Math.max(deepest, depth);
      }
      return deepest;
    };
    const fragmentDepth = memoizedFragments(context, (f) => depthOf(f.selectionSet), 0);
    return {
      OperationDefinition(operation) {
        const measured = depthOf(operation.selectionSet);
        if (measured > max) context.reportError(limitExceeded('depth', measured, max, operation));
      },
    };
  };
}
