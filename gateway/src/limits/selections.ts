import {
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from '../graphql.js';

/**
 * A per-fragment measure, computed once per fragment however often it is spread (so nested
 * spreads cannot make a rule exponential), and `onCycle` for a fragment that spreads itself
 * (NoFragmentCyclesRule reports those; a rule only has to terminate).
 */
export function memoizedFragments<T>(
  context: ValidationContext,
  measure: (fragment: FragmentDefinitionNode) => T,
  onCycle: T,
): (name: string) => T {
  const memo = new Map<string, T>();
  const inProgress = new Set<string>();
  return (name) => {
    const cached = memo.get(name);
    if (cached !== undefined) return cached;
    const fragment = context.getFragment(name);
    if (!fragment || inProgress.has(name)) return onCycle;
    inProgress.add(name);
    const value = measure(fragment);
    inProgress.delete(name);
    memo.set(name, value);
    return value;
  };
}

export type CountedNode =
  | OperationDefinitionNode
  | FieldNode
  | InlineFragmentNode
  | FragmentSpreadNode
  | FragmentDefinitionNode;

/**
 * Sums `count` over every node of an operation as it executes: a fragment's nodes count each time
 * the fragment is spread.
 */
export function countOverOperation(
  context: ValidationContext,
  operation: OperationDefinitionNode,
  count: (node: CountedNode) => number,
): number {
  const ofSet = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      total += count(selection);
      if (selection.kind === Kind.FRAGMENT_SPREAD) total += ofFragment(selection.name.value);
      else if (selection.selectionSet) total += ofSet(selection.selectionSet);
    }
    return total;
  };
  const ofFragment = memoizedFragments(
    context,
    (fragment) => count(fragment) + ofSet(fragment.selectionSet),
    0,
  );
  return count(operation) + ofSet(operation.selectionSet);
}

/** `__schema` and `__type` are served by the gateway itself and gated by the introspection switch. */
export function isIntrospectionRoot(field: FieldNode): boolean {
  return field.name.value === '__schema' || field.name.value === '__type';
}
