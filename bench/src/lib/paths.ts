import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from `bench/dist/lib/` (compiled) where this module runs. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Summaries and service logs; gitignored. */
export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

export const GATEWAY_DIR = join(REPO_ROOT, 'gateway');

/** The subgraphs a benchmark starts (from their compiled `dist/main.js`). */
export type SubgraphName = 'users' | 'boutiques' | 'products' | 'payments';

export function subgraphDir(name: SubgraphName): string {
  return join(REPO_ROOT, 'subgraphs', name);
}

/** A subgraph's committed SDL: what deployments compose (schema/subgraphs/<name>.graphql). */
export function subgraphSdl(name: SubgraphName): string {
  return join(REPO_ROOT, 'schema', 'subgraphs', `${name}.graphql`);
}

export const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
export const TSC = join(REPO_ROOT, 'node_modules', '.bin', 'tsc');
