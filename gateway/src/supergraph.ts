import { readFileSync } from 'node:fs';
import { IntrospectAndCompose, type SupergraphManager } from '@apollo/gateway';
import { Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import type { GraphQLSchema } from './graphql.js';
import type { SubgraphEndpoint, SupergraphSource } from './config.js';
import type { DataSourceRegistry, SubgraphDataSource } from './data-source.js';

/**
 * The `supergraphSdl` option of ApolloGateway: the composed file as it is, or the listed subgraphs
 * introspected (through the gateway's own data sources) and composed, re-polled when asked to.
 */
export function supergraphSdlOption(
  source: SupergraphSource,
  resolveUrl: (name: string, url: string) => string,
): string | SupergraphManager {
  if (source.kind === 'file') return readFileSync(source.path, 'utf8');
  return new IntrospectAndCompose({
    subgraphs: source.subgraphs.map(({ name, url }) => ({ name, url: resolveUrl(name, url) })),
    pollIntervalInMs: source.pollIntervalMs > 0 ? source.pollIntervalMs : undefined,
  });
}

/** Everything derived from one version of the supergraph. */
export interface SupergraphSnapshot {
  /** The API schema clients validate against (the gateway's own, as Apollo Server serves it). */
  apiSchema: GraphQLSchema;
  /** The same API schema in federation's model, which the planner and executor work on. */
  federatedApiSchema: Schema;
  supergraphSchema: GraphQLSchema;
  planner: QueryPlanner;
  subgraphs: SubgraphEndpoint[];
  dataSources: Record<string, SubgraphDataSource>;
}

/**
 * Responsible for the supergraph the gateway currently serves, as the subscriptions and the
 * readiness check need it. It follows `gateway.onSchemaLoadOrUpdate`, so a new composition
 * (polling in development) reaches new subscriptions at the same time as queries; subscriptions
 * already running keep the snapshot they were planned with.
 */
export class SupergraphState {
  private snapshot?: SupergraphSnapshot;

  constructor(private readonly dataSources: DataSourceRegistry) {}

  get current(): SupergraphSnapshot | undefined {
    return this.snapshot;
  }

  update({
    apiSchema,
    coreSupergraphSdl,
  }: {
    apiSchema: GraphQLSchema;
    coreSupergraphSdl: string;
  }) {
    // The gateway validated this supergraph before notifying; building it again is only parsing.
    const supergraph = Supergraph.build(coreSupergraphSdl, { validateSupergraph: false });
    const dataSources: Record<string, SubgraphDataSource> = {};
    const subgraphs = supergraph.subgraphsMetadata().map((definition) => {
      const source = this.dataSources.get(definition);
      dataSources[definition.name] = source;
      return { name: definition.name, url: source.url };
    });
    this.snapshot = {
      apiSchema,
      federatedApiSchema: supergraph.apiSchema(),
      supergraphSchema: supergraph.schema.toGraphQLJSSchema(),
      planner: new QueryPlanner(supergraph),
      subgraphs,
      dataSources,
    };
  }
}
