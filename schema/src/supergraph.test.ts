import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiSchema, compose, emitSubgraphs, readSupergraphConfig, schemaDir } from './compose.js';

/**
 * The committed SDL and supergraph must be what the code produces: a stale schema fails the run.
 * `pnpm schema:compose` (SCHEMA_WRITE=1) rewrites them.
 */
const write = process.env.SCHEMA_WRITE === '1';

async function compare(path: string, expected: string) {
  if (write) await writeFile(path, expected);
  const committed = await readFile(path, 'utf8').catch(() => '');
  expect(committed, `${path} is stale: run \`pnpm schema:compose\``).toBe(expected);
}

describe('schema', () => {
  it('has every subgraph SDL emitted, the supergraph composed from them, and its API schema', async () => {
    const config = await readSupergraphConfig();
    const sdl = await emitSubgraphs();
    for (const [name, typeDefs] of sdl)
      await compare(`${schemaDir}subgraphs/${name}.graphql`, typeDefs);
    expect(Object.keys(config.subgraphs).sort()).toEqual([...sdl.keys()].sort());
    const supergraph = compose(config, sdl);
    await compare(`${schemaDir}supergraph.graphql`, supergraph);
    await compare(`${schemaDir}api.graphql`, apiSchema(supergraph));
  });

  it('makes every subgraph own its entities with @key(fields: "id")', async () => {
    const sdl = await emitSubgraphs();
    expect(sdl.get('users')).toMatch(/type User\s+@key\(fields: "id"\)/);
  });
});
