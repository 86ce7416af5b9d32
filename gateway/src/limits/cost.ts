import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  typeFromAST,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from '../graphql.js';
import { limitExceeded } from './limit-error.js';
import { isIntrospectionRoot, memoizedFragments } from './selections.js';

export interface CostOptions {
  max: number;
  /** The page size assumed for a list or connection whose size the operation does not give. */
  defaultPageSize: number;
  /** Page sizes above this are counted as this (subgraphs refuse larger pages anyway). */
  maxPageSize: number;
  /** The operation's coerced variables, so that `first: $n` is counted as what `$n` is. */
  variables?: Record<string, unknown>;
}

const PAGE_ARGUMENTS = ['first', 'last'];

/**
 * A static estimate of what an operation costs to resolve: every field costs 1, and everything
 * under a field that returns many items is multiplied by how many it returns. A connection
 * (a field taking `first`) returns `first` items, or the argument's schema default, or
 * `defaultPageSize`, capped at `maxPageSize`; its `edges`/`nodes` lists are that same page, so
 * they do not multiply again. Any other list field counts as `defaultPageSize` items.
 */
function estimateCost(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  rootType: GraphQLNamedType,
  options: Omit<CostOptions, 'max'>,
): number {
  const pageSize = (field: GraphQLField<unknown, unknown>, node: FieldNode): number => {
    try {
      const args = getArgumentValues(field, node, options.variables);
      const size: unknown = PAGE_ARGUMENTS.map((name) => args[name]).find(Number.isInteger);
      if (typeof size !== 'number') return options.defaultPageSize;
      return Math.min(Math.max(size, 0), options.maxPageSize);
    } catch {
      return options.defaultPageSize; // an invalid variable: execution reports it, not the estimate
    }
  };

  const costOfField = (node: FieldNode, parent: GraphQLNamedType, pageSized: boolean): number => {
    if (node.name.value === '__typename' || isIntrospectionRoot(node)) return 0;
    const field =
      isObjectType(parent) || isInterfaceType(parent)
        ? parent.getFields()[node.name.value]
        : undefined;
    if (!field || !node.selectionSet) return 1;
    const isConnection = field.args.some((arg) => PAGE_ARGUMENTS.includes(arg.name));
    let items = 1;
    if (isConnection) items = pageSize(field, node);
    else if (isListType(getNullableType(field.type)) && !pageSized) items = options.defaultPageSize;
    return 1 + items * costOfSet(node.selectionSet, getNamedType(field.type), isConnection);
  };

  const costOfSet = (set: SelectionSetNode, parent: GraphQLNamedType, pageSized: boolean) => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += costOfField(selection, parent, pageSized);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition && typeFromAST(schema, selection.typeCondition);
        total += costOfSet(selection.selectionSet, type ?? parent, pageSized);
      } else {
        total += (pageSized ? ofFragmentInPage : ofFragment)(selection.name.value);
      }
    }
    return total;
  };

  const schema = context.getSchema();
  const fragmentCost = (pageSized: boolean) =>
    memoizedFragments(
      context,
      (fragment) => {
        const type = typeFromAST(schema, fragment.typeCondition);
        return type ? costOfSet(fragment.selectionSet, type, pageSized) : 0;
      },
      0,
    );
  const ofFragment = fragmentCost(false);
  const ofFragmentInPage = fragmentCost(true);
  return costOfSet(selectionSet, rootType, false);
}

/** Rejects operations whose estimated cost (see `estimateCost`) is above `options.max`. */
export function maxCostRule(options: CostOptions): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const root = context.getSchema().getRootType(operation.operation);
      if (!root) return;
      const measured = estimateCost(context, operation.selectionSet, root, options);
      if (measured > options.max) {
        context.reportError(limitExceeded('cost', measured, options.max, operation));
      }
    },
  });
}
