/**
 * How long the stack takes to come up once everything is installed: `pnpm infra up` on running
 * servers, the build check, then the users subgraph and the gateway until both answer `/ready`,
 * as tools/src/stack.ts (`pnpm dev`) does it; and their resident memory once idle.
 */
import { infraDown, infraUp } from './lib/infra.js';
import { build } from './lib/build.js';
import type { ServiceProcess, Stopped } from './lib/processes.js';
import { launchGateway, launchUsers, type ServiceContext } from './lib/services.js';
import { median } from './lib/stats.js';
import { loadAverage, type Memory } from './lib/system.js';

export interface StartupOptions {
  context: ServiceContext;
  rounds: number;
  /** Stop the shared infrastructure and time its start: disrupts everyone's tests. Opt-in. */
  coldInfra: boolean;
  log: (line: string) => void;
}

export interface StartupRound {
  round: number;
  infraUpMs: number;
  /** From launching `node dist/main.js` to `/ready` answering 200. */
  usersReadyMs: number;
  gatewayReadyMs: number;
  /** Idle, just after both are ready. */
  memory: { users: Memory; gateway: Memory };
  /** SIGTERM to the end of the process (a graceful drain ends with exit 0). */
  stop: { users: Stopped; gateway: Stopped };
}

export interface StartupResult {
  mode: ServiceContext['mode'];
  /** `tsc -b platform gateway subgraphs/users`, which `pnpm dev` runs before starting anything. */
  build: { ms: number; exitCode: number | null; errors: string[] };
  coldInfra?: { ms: number; summary: string };
  rounds: StartupRound[];
  median: {
    infraUpMs: number;
    usersReadyMs: number;
    gatewayReadyMs: number;
    /** Users then gateway, launched one after the other as the stack does. */
    servicesReadyMs: number;
    /** infra up + build + services: what `pnpm dev` takes on this machine once installed. */
    stackMs: number;
  };
  loadAverage: { before: number[]; after: number[] };
}

async function timeBuild(log: (line: string) => void): Promise<StartupResult['build']> {
  const result = await build(['platform', 'gateway', 'subgraphs/users']);
  if (result.exitCode !== 0) {
    log(
      `tsc -b exited ${result.exitCode} with ${result.errors.length} errors (pnpm dev would stop here)`,
    );
  }
  return { ms: result.ms, exitCode: result.exitCode, errors: result.errors };
}

async function startRound(options: StartupOptions, round: number): Promise<StartupRound> {
  const { context } = options;
  const infra = await infraUp();
  const users = await launchUsers(context);
  let gateway: ServiceProcess | undefined;
  let usersReadyMs: number;
  let gatewayReadyMs: number;
  let memory: StartupRound['memory'];
  try {
    usersReadyMs = await users.waitReady();
    gateway = await launchGateway(context, { users });
    gatewayReadyMs = await gateway.waitReady();
    memory = { users: users.memory(), gateway: gateway.memory() };
  } catch (err) {
    await gateway?.stop();
    await users.stop();
    throw err;
  }
  const gatewayStop = await gateway.stop();
  const usersStop = await users.stop();
  return {
    round,
    infraUpMs: infra.ms,
    usersReadyMs,
    gatewayReadyMs,
    memory,
    stop: { users: usersStop, gateway: gatewayStop },
  };
}

export async function runStartup(options: StartupOptions): Promise<StartupResult> {
  const { log } = options;
  const before = loadAverage();
  let coldInfra: StartupResult['coldInfra'];
  if (options.coldInfra) {
    log('--cold-infra: stopping the shared infrastructure (pnpm infra down)');
    await infraDown();
    const cold = await infraUp();
    coldInfra = { ms: cold.ms, summary: cold.summary };
    log(`infra up from all-stopped: ${(cold.ms / 1000).toFixed(1)} s (${cold.summary})`);
  }
  log('build check (tsc -b platform gateway subgraphs/users)');
  const build = await timeBuild(log);
  const rounds: StartupRound[] = [];
  for (let round = 1; round <= options.rounds; round += 1) {
    const result = await startRound(options, round);
    rounds.push(result);
    log(
      `start-up round ${round}/${options.rounds}: infra up ${(result.infraUpMs / 1000).toFixed(2)} s, users ready ${(result.usersReadyMs / 1000).toFixed(2)} s, gateway ready ${(result.gatewayReadyMs / 1000).toFixed(2)} s`,
    );
  }
  const of = (pick: (r: StartupRound) => number) => median(rounds.map(pick));
  const servicesReadyMs = of((r) => r.usersReadyMs + r.gatewayReadyMs);
  const infraUpMs = of((r) => r.infraUpMs);
  return {
    mode: options.context.mode,
    build,
    coldInfra,
    rounds,
    median: {
      infraUpMs,
      usersReadyMs: of((r) => r.usersReadyMs),
      gatewayReadyMs: of((r) => r.gatewayReadyMs),
      servicesReadyMs,
      stackMs: of((r) => r.infraUpMs + r.usersReadyMs + r.gatewayReadyMs) + build.ms,
    },
    loadAverage: { before, after: loadAverage() },
  };
}
