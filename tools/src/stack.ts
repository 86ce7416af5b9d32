/**
 * `pnpm dev` (`./vitrine up`): the whole supergraph on this machine. Starts the local
 * infrastructure, builds the services, starts every subgraph named in schema/supergraph.yaml on
 * its port, waits until each is ready, then the gateway, and keeps them in the foreground with
 * their logs prefixed. Ctrl-C stops the services gracefully; `pnpm infra down` stops the servers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'yaml';
import { seconds } from './cache.js';
import { endpointsToEnv, ensureInfra, resolvePaths } from './infra.js';

interface Service {
  name: string;
  cwd: string;
  port: number;
  env: Record<string, string>;
}

/** Local development credentials of the bootstrap admin, unless the environment sets its own. */
const DEV_ADMIN = { email: 'admin@vitrine.local', password: 'Local-Boutique-2026' };
const COLORS = [36, 35, 33, 32, 34, 31];

function subgraphsOf(repoRoot: string): { name: string; port: number }[] {
  const config = parse(readFileSync(join(repoRoot, 'schema', 'supergraph.yaml'), 'utf8')) as {
    subgraphs: Record<string, { routing_url: string }>;
  };
  return Object.entries(config.subgraphs).map(([name, { routing_url }]) => ({
    name,
    port: Number(new URL(routing_url).port),
  }));
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
    child.on('error', reject);
  });
}

function start(service: Service, color: number): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js'], {
    cwd: service.cwd,
    // Few malloc arenas: glibc's default (8 per core) keeps the memory of argon2's worker threads.
    env: { MALLOC_ARENA_MAX: '2', ...process.env, ...service.env, PORT: String(service.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `\x1b[${color}m${service.name.padEnd(10)}\x1b[0m|`;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`${prefix} ${line}`));
  }
  return child;
}

async function waitReady(service: Service, child: ChildProcess, path: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${service.name} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}${path}`, {
        signal: AbortSignal.timeout(2_000),
      });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${service.name} was not ready on port ${service.port} after ${seconds(timeoutMs)}`,
  );
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const { repoRoot } = resolvePaths();
  const infraEnv = endpointsToEnv(await ensureInfra());
  console.error('[stack] building the services (tsc -b)...');
  const subgraphs = subgraphsOf(repoRoot);
  await run(
    join(repoRoot, 'node_modules', '.bin', 'tsc'),
    ['-b', 'platform', 'gateway', ...subgraphs.map((s) => `subgraphs/${s.name}`)],
    repoRoot,
  );
  const admin = {
    ADMIN_EMAIL: process.env.ADMIN_EMAIL ?? DEV_ADMIN.email,
    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? DEV_ADMIN.password,
  };
  const children: ChildProcess[] = [];
  const stop = () => {
    console.error('\n[stack] stopping the services...');
    for (const child of children) child.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const services: Service[] = subgraphs.map(({ name, port }) => ({
    name,
    port,
    cwd: join(repoRoot, 'subgraphs', name),
    env: { ...infraEnv, ...(name === 'users' ? admin : {}) },
  }));
  try {
    await Promise.all(
      services.map(async (service, i) => {
        const child = start(service, COLORS[i % COLORS.length]);
        children.push(child);
        await waitReady(service, child, '/ready');
      }),
    );
    const gateway: Service = {
      name: 'gateway',
      port: Number(process.env.GATEWAY_PORT ?? 3000),
      cwd: join(repoRoot, 'gateway'),
      env: infraEnv,
    };
    const child = start(gateway, 37);
    children.push(child);
    await waitReady(gateway, child, '/ready');
  } catch (err) {
    stop();
    throw err;
  }
  console.error(`
[stack] Vitrine is ready in ${seconds(Date.now() - startedAt)}.
  GraphQL and Explorer:  http://localhost:${process.env.GATEWAY_PORT ?? 3000}/graphql
  Health:                http://localhost:${process.env.GATEWAY_PORT ?? 3000}/health
  Emails (maildev):      ${infraEnv.MAILDEV_API_URL ?? 'external SMTP'}
  Admin:                 ${admin.ADMIN_EMAIL}${process.env.ADMIN_PASSWORD ? '' : ` / ${admin.ADMIN_PASSWORD} (local default)`}
Ctrl-C stops the services; \`pnpm infra down\` stops the infrastructure.`);
  await Promise.all(children.map((child) => new Promise((resolve) => child.on('exit', resolve))));
}

main().catch((err: unknown) => {
  console.error(`[stack] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
