import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GATEWAY_DIR, RESULTS_DIR, USERS_DIR, USERS_SDL } from './paths.js';
import { freePort, ServiceProcess } from './processes.js';

/**
 * - `production`: what the Dockerfile runs (NODE_ENV=production; the gateway serves a composed
 *   supergraph file: here the committed users SDL composed alone, routed to our users subgraph).
 * - `development`: what `pnpm dev` (tools/src/stack.ts) runs: the gateway introspects the subgraphs
 *   of schema/supergraph.yaml and composes them itself, re-polling every 10 s.
 */
export type Mode = 'production' | 'development';

export interface ServiceContext {
  mode: Mode;
  /** From `pnpm infra up`: MONGODB_URI, KAFKA_BROKERS, ... */
  infraEnv: Record<string, string>;
  /** The users subgraph's own database, dropped when the benchmark ends. */
  dbName: string;
  logDir: string;
  runId: string;
  /** Extra node flags for both services (`--cpu-prof` writes a profile when they exit). */
  nodeArgs?: string[];
}

/** The stack's local bootstrap admin (stack.ts sets one too: its hash is part of a first start). */
const ADMIN = { ADMIN_EMAIL: 'admin@bench.vitrine.test', ADMIN_PASSWORD: 'Bench-Boutique-2026' };

/**
 * A deliberately small environment: the infrastructure's addresses and our own settings, so that
 * a stray variable of the shell (APOLLO_KEY, SUPERGRAPH_PATH, PORT...) cannot change what runs.
 */
function baseEnv(context: ServiceContext, port: number): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR']
      .filter((key) => process.env[key] !== undefined)
      .map((key) => [key, process.env[key]]),
  );
  return {
    ...inherited,
    ...context.infraEnv,
    NODE_ENV: context.mode,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
  };
}

function logFile(context: ServiceContext, name: string): string {
  return join(context.logDir, `${context.runId}-${name}-${context.mode}.log`);
}

/** The users entry point of the benchmark: main.js with a consumer group of its own. */
const USERS_ENTRY = fileURLToPath(new URL('../services/users.js', import.meta.url));
let launches = 0;

/**
 * Launches the users subgraph (see src/services/users.ts) on a free port; argon2 keeps its
 * default memory cost. Each launch consumes with a group of its own: a previous instance that
 * died without leaving its group would otherwise hold the next start for Kafka's session timeout.
 */
export async function launchUsers(context: ServiceContext): Promise<ServiceProcess> {
  const port = await freePort();
  launches += 1;
  return ServiceProcess.launch({
    name: 'users',
    cwd: USERS_DIR,
    script: USERS_ENTRY,
    nodeArgs: context.nodeArgs,
    port,
    env: {
      ...baseEnv(context, port),
      MONGODB_DB: context.dbName,
      BENCH_CONSUMER_GROUP: `bench-users-${context.runId}-${launches}`,
      ...ADMIN,
    },
    logFile: logFile(context, 'users'),
  });
}

/** The users subgraph's committed SDL composed alone, for a production-mode gateway. */
function usersOnlySupergraph(users: ServiceProcess): string {
  const typeDefs = parse(readFileSync(USERS_SDL, 'utf8'));
  const result = composeServices([{ name: 'users', url: users.graphqlUrl, typeDefs }]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const path = join(RESULTS_DIR, 'users-only.supergraph.graphql');
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path, result.supergraphSdl);
  return path;
}

/** A rover config naming only the bench's users subgraph, for a development-mode gateway. */
function usersOnlyConfig(users: ServiceProcess): string {
  const path = join(RESULTS_DIR, 'users-only.supergraph.yaml');
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path, `subgraphs:\n  users:\n    routing_url: ${users.graphqlUrl}\n`);
  return path;
}

/** Launches `gateway/dist/main.js` on a free port, routing `users` to the given subgraph. */
export async function launchGateway(
  context: ServiceContext,
  users: ServiceProcess,
): Promise<ServiceProcess> {
  const port = await freePort();
  return ServiceProcess.launch({
    name: 'gateway',
    cwd: GATEWAY_DIR,
    script: 'dist/main.js',
    nodeArgs: context.nodeArgs,
    port,
    env: {
      ...baseEnv(context, port),
      USERS_URL: users.graphqlUrl,
      JWKS_URL: `${users.origin}/.well-known/jwks.json`,
      // The pair measured is gateway + users: the gateway knows users alone (the supergraph also
      // names other subgraphs, whose absence would keep the gateway from being ready).
      ...(context.mode === 'production'
        ? { SUPERGRAPH_PATH: usersOnlySupergraph(users) }
        : { SUPERGRAPH_CONFIG: usersOnlyConfig(users) }),
    },
    logFile: logFile(context, 'gateway'),
  });
}
