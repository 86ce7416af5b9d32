import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from `bench/dist/lib/` (compiled) where this module runs. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Summaries and service logs; gitignored. */
export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

export const USERS_DIR = join(REPO_ROOT, 'subgraphs', 'users');
export const GATEWAY_DIR = join(REPO_ROOT, 'gateway');

/** What deployments serve (the Dockerfile copies it as SUPERGRAPH_PATH). */
export const USERS_SDL = join(REPO_ROOT, 'schema', 'subgraphs', 'users.graphql');

export const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
export const TSC = join(REPO_ROOT, 'node_modules', '.bin', 'tsc');
