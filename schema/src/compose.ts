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

/**
 * Composition hints that mean two subgraphs disagree on a shared type in a way clients would feel:
 * an input or enum merged down to what both sides have silently drops fields or values.
 */
const BLOCKING_HINTS = new Set([
  'INCONSISTENT_INPUT_OBJECT_FIELD',
  'INCONSISTENT_ENUM_VALUE_FOR_INPUT_ENUM',
  'INCONSISTENT_ENUM_VALUE_FOR_OUTPUT_ENUM',
  'INCONSISTENT_ARGUMENT_PRESENCE',
  'INCONSISTENT_NON_REPEATABLE_DIRECTIVE_ARGUMENTS',
]);

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
  const blocking = result.hints.filter((hint) => BLOCKING_HINTS.has(hint.definition.code));
  if (blocking.length) {
    throw new Error(`composition would lose fields:\n${blocking.map((h) => h.message).join('\n')}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}

/** The schema clients see (no federation machinery): what codegen and Explorer users work with. */
export function apiSchema(supergraphSdl: string): string {
  const schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return `${printSchema(schema).trim()}\n`;
}
