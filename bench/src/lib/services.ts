import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { join } from 'node:path';
import { GATEWAY_DIR, RESULTS_DIR, subgraphDir, subgraphSdl, type SubgraphName } from './paths.js';
import { startGroupAtEnd } from './kafka.js';
import { freePort, ServiceProcess } from './processes.js';

/**
 * - `production`: what the Dockerfile runs (NODE_ENV=production; the gateway serves a composed
 *   supergraph file: here the committed SDL of the subgraphs we started, routed to them).
 * - `development`: what `pnpm dev` (tools/src/stack.ts) runs: the gateway introspects the subgraphs
 *   of a rover config (here naming ours) and composes them itself, re-polling every 10 s.
 */
export type Mode = 'production' | 'development';

export interface ServiceContext {
  mode: Mode;
  /** From `pnpm infra up`: MONGODB_URI, KAFKA_BROKERS, ... */
  infraEnv: Record<string, string>;
  /**
   * The databases given to the subgraphs launched (`bench_<name>_<run>`), collected here so that
   * the benchmark drops them when it ends.
   */
  databases: Set<string>;
  logDir: string;
  runId: string;
  /** Extra node flags for every service (`--cpu-prof` writes a profile when they exit). */
  nodeArgs?: string[];
}

/** The stack's local bootstrap admin (stack.ts sets one too: its hash is part of a first start). */
export const BOOTSTRAP_ADMIN = {
  email: 'admin@bench.vitrine.test',
  password: 'Bench-Boutique-2026',
};

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

const jwksUrl = (users: ServiceProcess) => `${users.origin}/.well-known/jwks.json`;

let launches = 0;

/**
 * Launches `subgraphs/<name>/dist/main.js` as deployments do, on a free port, with a database of
 * its own (`bench_<name>_<run>`) and consumer groups of its own (`KAFKA_GROUP_PREFIX`,
 * `bench-<name>-<run>-<n>` instead of the shared `vitrine-<name>`): a benchmark never takes
 * partitions (and events) from a stack running on the same machine, and a previous instance that
 * died without leaving its group never holds the next start for Kafka's session timeout. The group
 * starts at the end of the topics (see kafka.ts): the service sees this run's events only.
 * `users` verifies tokens with its own keys; the others fetch them from `users`' JWKS.
 * `extraEnv` adds a subgraph's own settings (payments requires its Stripe keys in production);
 * it cannot replace the database, the consumer groups or the port.
 */
export async function launchSubgraph(
  context: ServiceContext,
  name: SubgraphName,
  users?: ServiceProcess,
  extraEnv: Record<string, string> = {},
): Promise<ServiceProcess> {
  const port = await freePort();
  launches += 1;
  const database = `bench_${name}_${context.runId}`;
  const groupPrefix = `bench-${name}-${context.runId}-${launches}`;
  context.databases.add(database);
  // The subgraphs consume in one group named by the prefix alone (no `consume({ name })`).
  await startGroupAtEnd(context.infraEnv.KAFKA_BROKERS ?? '127.0.0.1:9092', groupPrefix);
  return ServiceProcess.launch({
    name,
    cwd: subgraphDir(name),
    script: 'dist/main.js',
    nodeArgs: context.nodeArgs,
    port,
    env: {
      ...baseEnv(context, port),
      ...extraEnv,
      PORT: String(port),
      MONGODB_DB: database,
      KAFKA_GROUP_PREFIX: groupPrefix,
      ...(users ? { JWKS_URL: jwksUrl(users) } : {}),
      // argon2 keeps its default (production) memory cost.
      ...(name === 'users'
        ? { ADMIN_EMAIL: BOOTSTRAP_ADMIN.email, ADMIN_PASSWORD: BOOTSTRAP_ADMIN.password }
        : {}),
    },
    logFile: logFile(context, name),
  });
}

export function launchUsers(context: ServiceContext): Promise<ServiceProcess> {
  return launchSubgraph(context, 'users');
}

/** The subgraphs a gateway routes to: always users (the JWKS), and any of the others. */
export type GatewaySubgraphs = { users: ServiceProcess } & Partial<
  Record<SubgraphName, ServiceProcess>
>;

function routed(subgraphs: GatewaySubgraphs): [SubgraphName, ServiceProcess][] {
  return Object.entries(subgraphs) as [SubgraphName, ServiceProcess][];
}

/** The committed SDL of the given subgraphs composed together, for a production-mode gateway. */
function composedSupergraph(subgraphs: GatewaySubgraphs): string {
  const services = routed(subgraphs).map(([name, service]) => ({
    name,
    url: service.graphqlUrl,
    typeDefs: parse(readFileSync(subgraphSdl(name), 'utf8')),
  }));
  const result = composeServices(services);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const path = join(RESULTS_DIR, `${services.map((s) => s.name).join('+')}.supergraph.graphql`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path, result.supergraphSdl);
  return path;
}

/** A rover config naming the given subgraphs, for a development-mode gateway. */
function roverConfig(subgraphs: GatewaySubgraphs): string {
  const entries = routed(subgraphs);
  const path = join(RESULTS_DIR, `${entries.map(([name]) => name).join('+')}.supergraph.yaml`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const lines = entries.map(([name, s]) => `  ${name}:\n    routing_url: ${s.graphqlUrl}\n`);
  writeFileSync(path, `subgraphs:\n${lines.join('')}`);
  return path;
}

/**
 * Launches `gateway/dist/main.js` on a free port, knowing the given subgraphs alone (the committed
 * supergraph also names subgraphs we do not start, whose absence would keep it from being ready).
 */
export async function launchGateway(
  context: ServiceContext,
  subgraphs: GatewaySubgraphs,
): Promise<ServiceProcess> {
  const port = await freePort();
  const urls = Object.fromEntries(
    routed(subgraphs).map(([name, s]) => [`${name.toUpperCase()}_URL`, s.graphqlUrl]),
  );
  return ServiceProcess.launch({
    name: 'gateway',
    cwd: GATEWAY_DIR,
    script: 'dist/main.js',
    nodeArgs: context.nodeArgs,
    port,
    env: {
      ...baseEnv(context, port),
      ...urls,
      JWKS_URL: jwksUrl(subgraphs.users),
      ...(context.mode === 'production'
        ? { SUPERGRAPH_PATH: composedSupergraph(subgraphs) }
        : { SUPERGRAPH_CONFIG: roverConfig(subgraphs) }),
    },
    logFile: logFile(context, 'gateway'),
  });
}
