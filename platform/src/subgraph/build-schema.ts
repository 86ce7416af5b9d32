import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { gql } from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { validate } from 'class-validator';
import { authChecker } from '../auth/access.js';
import { Errors, firstViolation } from '../errors.js';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@interfaceObject"])';

/** `never` parameters accept any resolver's own reference and context types. */
export type ReferenceResolvers = Record<
  string,
  { __resolveReference: (reference: never, context: never) => unknown }
>;

export interface FederatedSchemaOptions extends Omit<
  BuildSchemaOptions,
  'skipCheck' | 'authChecker'
> {
  /** `__resolveReference` per owned entity, from the subgraph's `*.reference.ts` files. */
  references?: ReferenceResolvers;
}

/** Set keys of an object, in a stable order. */
function keysOf(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k)
    .sort()
    .join(',');
}

/**
 * Which argument a converted value came from. type-graphql hands validation the class instance it
 * built from the raw argument, so the argument is found by its keys; undefined for `@Args()`
 * classes, whose fields are the arguments themselves.
 */
function argumentName(value: unknown, args: Record<string, unknown>): string | undefined {
  const keys = keysOf(value);
  if (keys === keysOf(args)) return undefined;
  return Object.entries(args).find(
    ([, raw]) => raw === value || (keys && keysOf(raw) === keys),
  )?.[0];
}

/**
 * Validates an argument with its class-validator rules and reports the first violation as
 * BAD_USER_INPUT whose `field` is the path from the argument (`input.country`, `first`), the same
 * paths that services use for their own checks.
 */
async function validateArgument(
  value: unknown,
  _type: unknown,
  { args }: { args: Record<string, unknown> },
): Promise<void> {
  const items = Array.isArray(value)
    ? value.map((item, i) => [i, item] as const)
    : [[null, value] as const];
  const name = argumentName(value, args);
  for (const [index, item] of items) {
    if (!item || typeof item !== 'object') continue;
    const errors = await validate(item as object, {
      forbidUnknownValues: false,
      skipMissingProperties: true,
    });
    const prefix = [name, index].filter((part) => part !== undefined && part !== null).join('.');
    const violation = errors.length ? firstViolation(errors, prefix) : undefined;
    if (violation) throw Errors.badUserInput(violation.field, violation.message);
  }
}

/**
 * The one helper that turns type-graphql classes into a Federation 2 subgraph schema: type-graphql
 * builds the schema (with `@key` and friends from `@Directive`), its SDL is re-read by
 * `@apollo/subgraph` to add `_service` and `_entities`, and the resolvers move across with each
 * entity's reference resolver added.
 */
export async function buildFederatedSchema({
  references = {},
  ...options
}: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    authChecker,
    skipCheck: true,
    validateFn: validateArgument,
  });
  const resolvers = createResolversMap(schema) as Record<string, object>;
  for (const [typeName, reference] of Object.entries(references)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  return buildSubgraphSchema({
    typeDefs: gql`
      ${FEDERATION_LINK}
      ${printSchemaWithDirectives(schema)}
    `,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment
    resolvers: resolvers as any,
  });
}
