import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { Supergraph } from '@apollo/federation-internals';
import { parse, printSchema } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { subgraphSchemas } from './subgraphs.js';

export const schemaDir = fileURLToPath(new URL('..', import.meta.url));

interface SupergraphConfig {
  subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
}

export async function readSupergraphConfig(): Promise<SupergraphConfig> {
  return parseYaml(await readFile(`${schemaDir}supergraph.yaml`, 'utf8')) as SupergraphConfig;
}

/** Each subgraph's SDL as `@apollo/subgraph` prints it (with its federation directives). */
export async function emitSubgraphs(): Promise<Map<string, string>> {
  const emitted = new Map<string, string>();
  for (const [name, build] of Object.entries(subgraphSchemas)) {
    emitted.set(name, `${printSubgraphSchema(await build()).trim()}\n`);
  }
  return emitted;
}

/** Composes the supergraph from emitted SDL; throws with every composition error. */
export function compose(config: SupergraphConfig, sdl: Map<string, string>): string {
  const result = composeServices(
    Object.entries(config.subgraphs).map(([name, { routing_url }]) => {
      const typeDefs = sdl.get(name);
      if (!typeDefs) throw new Error(`supergraph.yaml names ${name}, which has no schema builder`);
      return { name, url: routing_url, typeDefs: parse(typeDefs) };
    }),
  );
  if (result.errors)
    throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  return `${result.supergraphSdl.trim()}\n`;
}

/** The schema clients see (no federation machinery): what codegen and Explorer users work with. */
export function apiSchema(supergraphSdl: string): string {
  const schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return `${printSchema(schema).trim()}\n`;
}
