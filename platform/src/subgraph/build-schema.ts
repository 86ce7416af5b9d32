import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { gql } from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { authChecker } from '../auth/access.js';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@interfaceObject"])';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReferenceResolvers = Record<
  string,
  { __resolveReference: (reference: any, context: any) => unknown }
>;

export interface FederatedSchemaOptions extends Omit<
  BuildSchemaOptions,
  'skipCheck' | 'authChecker'
> {
  /** `__resolveReference` per owned entity, from the subgraph's `*.reference.ts` files. */
  references?: ReferenceResolvers;
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
    validate: { forbidUnknownValues: false },
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
