/**
 * Local infrastructure: installs (once, cached), starts (detached) and stops the servers the
 * project needs on loopback — FerretDB, Kafka, stripe-mock and maildev — unless an env var
 * points at an external one. Used by `pnpm infra` (cli.ts) and by vitest's global setup.
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { seconds } from './cache.js';
import { resolveEndpoints, type InfraEndpoints, type StaticEndpoints } from './endpoints.js';
import { withFileLock } from './lock.js';
import { isPortOpen } from './net.js';
import { resolvePaths, type InfraPaths } from './paths.js';
import {
  isRunning,
  readPidFile,
  removePidFile,
  spawnDetached,
  stopProcess,
  tailFile,
} from './process.js';
import {
  isServerName,
  servers,
  type Server,
  type ServerContext,
  type ServerName,
} from './servers/index.js';

export {
  endpointsToEnv,
  InvalidEnvError,
  resolveEndpoints,
  type InfraEndpoints,
  type StaticEndpoints,
} from './endpoints.js';
export { resolvePaths, type InfraPaths } from './paths.js';
export { isServerName, serverNames, servers, type ServerName } from './servers/index.js';
export { MissingToolError } from './toolchain.js';

export interface InfraOptions {
  /** Only these servers (default: all four). */
  readonly only?: readonly ServerName[];
  /** Progress lines (default: stderr, prefixed with "[infra]"). Pass `() => {}` for silence. */
  readonly log?: (line: string) => void;
  /** The environment to read overrides and locations from (default: `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Replaces every server's own start timeout (Kafka's is 2 min, the others' 30 s). */
  readonly startTimeoutMs?: number;
}

export type ServerState =
  /** Started by this launcher and answering. */
  | 'running'
  /** Started by this launcher, process alive, not answering (yet). */
  | 'starting'
  /** Answering, but not started by this launcher (another clone, a manual run). */
  | 'unmanaged'
  /** Replaced by an external server through its env var. */
  | 'external'
  /** Not running. */
  | 'stopped'
  /** Not answering, and something else holds one of its ports. */
  | 'port-in-use';

export interface ServerStatus {
  readonly name: ServerName;
  readonly title: string;
  readonly state: ServerState;
  readonly address: string;
  readonly pid: number | undefined;
  readonly logFile: string;
}

/** Some servers could not be made to answer; `started` lists those that were. */
export class InfraError extends Error {
  constructor(
    message: string,
    readonly started: ServerName[],
  ) {
    super(message);
    this.name = 'InfraError';
  }
}

/**
 * Makes every selected server answer, and returns where they are. Idempotent: installs only
 * what the cache lacks, starts only what is not already answering, and waits until each one
 * answers a real client (Mongo ping, Kafka metadata, Stripe and maildev HTTP).
 *
 * Two calls at once, from any process, queue on a lock instead of racing.
 */
export async function ensureInfra(options: InfraOptions = {}): Promise<InfraEndpoints> {
  const env = options.env ?? process.env;
  const log = options.log ?? defaultLog;
  const { endpoints, external } = resolveEndpoints(env);
  const paths = resolvePaths(env);
  const selected = select(options.only);
  for (const server of selected.filter((s) => external.has(s.name))) {
    log(`${server.name}: external (${server.envVar}), not started`);
  }
  const local = selected.filter((s) => !external.has(s.name));
  if (local.length === 0) return { ...endpoints, started: [] };

  const started = await withInfraLock(paths, log, async () => {
    const context: ServerContext = { paths, log };
    const results = await Promise.allSettled(
      local.map((server) => ensureServer(server, context, options.startTimeoutMs)),
    );
    const names = local.filter((_, i) => isFulfilledWith(results[i], true)).map((s) => s.name);
    const failures = results.flatMap((result) =>
      result.status === 'rejected' ? [errorMessage(result.reason)] : [],
    );
    if (failures.length > 0) {
      throw new InfraError(failures.join('\n\n'), names);
    }
    return names;
  });
  return { ...endpoints, started };
}

/**
 * Stops the selected servers (default: all) that this launcher started: SIGTERM, then SIGKILL
 * after the server's grace period. Servers it did not start are left alone. Returns the names of
 * those it stopped.
 */
export async function stopInfra(
  names?: readonly ServerName[],
  options: Pick<InfraOptions, 'log' | 'env'> = {},
): Promise<ServerName[]> {
  const log = options.log ?? defaultLog;
  const paths = resolvePaths(options.env ?? process.env);
  return withInfraLock(paths, log, async () => {
    const stopped = await Promise.all(
      select(names).map(async (server) => {
        const pidFile = pidFileOf(paths, server.name);
        const record = readPidFile(pidFile);
        if (record === undefined) return undefined;
        // A pid file whose process is gone (crash, reboot) is only cleaned up.
        const running = isRunning(record);
        if (running) {
          log(`${server.name}: stopping pid ${record.pid}`);
          const how = await stopProcess(record, server.stopGraceMs);
          if (how === 'killed') log(`${server.name}: did not stop in time, killed`);
        }
        removePidFile(pidFile);
        return running ? server.name : undefined;
      }),
    );
    return stopped.filter((name) => name !== undefined);
  });
}

/** The state of every server, probing each one. Takes no lock and changes nothing. */
export async function infraStatus(
  options: Pick<InfraOptions, 'env'> = {},
): Promise<ServerStatus[]> {
  const env = options.env ?? process.env;
  const paths = resolvePaths(env);
  const { endpoints, external } = resolveEndpoints(env);
  return Promise.all(
    servers.map(async (server): Promise<ServerStatus> => {
      const logFile = logFileOf(paths, server.name);
      const base = { name: server.name, title: server.title, logFile };
      if (external.has(server.name)) {
        return {
          ...base,
          state: 'external',
          address: externalAddress(server.name, endpoints),
          pid: undefined,
        };
      }
      const record = readPidFile(pidFileOf(paths, server.name));
      const pid = record && isRunning(record) ? record.pid : undefined;
      const answering = await server.probe();
      let state: ServerState;
      if (pid !== undefined) state = answering ? 'running' : 'starting';
      else if (answering) state = 'unmanaged';
      else state = (await portsInUse(server)).length > 0 ? 'port-in-use' : 'stopped';
      return { ...base, state, address: server.address, pid };
    }),
  );
}

/** Parses server names given on a command line; throws on an unknown one. */
export function parseServerNames(names: readonly string[]): ServerName[] {
  const unknown = names.filter((name) => !isServerName(name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown server ${unknown.join(', ')}: expected some of ${servers.map((s) => s.name).join(', ')}.`,
    );
  }
  return names as ServerName[];
}

// --- one server ------------------------------------------------------------------------------

/** Makes one server answer; resolves to whether it started it. */
async function ensureServer(
  server: Server,
  context: ServerContext,
  startTimeoutMs: number | undefined,
): Promise<boolean> {
  const { paths, log } = context;
  const pidFile = pidFileOf(paths, server.name);
  const timeoutMs = startTimeoutMs ?? server.startTimeoutMs;
  const record = readPidFile(pidFile);

  if (record !== undefined && isRunning(record)) {
    if (await server.probe()) {
      log(`${server.name}: already running (pid ${record.pid})`);
      return false;
    }
    // Started by an earlier `up` that gave up waiting, or by one that was interrupted.
    log(`${server.name}: pid ${record.pid} is up but not answering yet; waiting`);
    await waitUntilAnswering(server, paths, timeoutMs, () => !isRunning(record));
    return false;
  }
  if (record !== undefined) removePidFile(pidFile);

  if (await server.probe()) {
    log(`${server.name}: already answering on ${server.address} (not started by this launcher)`);
    return false;
  }
  const busy = await portsInUse(server);
  if (busy.length > 0) {
    throw new Error(
      `${server.title} cannot start: port ${busy.join(', ')} on 127.0.0.1 is taken by a program ` +
        `that does not answer as ${server.name}. Stop that program, or set ${server.envVar} to ` +
        `use a server elsewhere.`,
    );
  }

  await server.install(context);
  const spec = await server.prepare(context);
  log(`${server.name}: starting ${server.title} on ${server.address}`);
  const startedAt = Date.now();
  const child = await spawnDetached(spec, logFileOf(paths, server.name), pidFile);
  await waitUntilAnswering(
    server,
    paths,
    timeoutMs,
    () => child.exited() || !isRunning(child.record),
  );
  log(`${server.name}: ready in ${seconds(Date.now() - startedAt)} (pid ${child.record.pid})`);
  return true;
}

async function waitUntilAnswering(
  server: Server,
  paths: InfraPaths,
  timeoutMs: number,
  hasExited: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await server.probe()) return;
    if (hasExited()) {
      throw new Error(`${server.title} exited while starting.\n${logExcerpt(server, paths)}`);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${server.title} did not answer on ${server.address} within ${seconds(timeoutMs)}; ` +
          `its process is still running (\`pnpm infra down ${server.name}\` stops it).\n` +
          logExcerpt(server, paths),
      );
    }
    await sleep(500);
  }
}

function logExcerpt(server: Server, paths: InfraPaths): string {
  const logFiles = [logFileOf(paths, server.name), ...(server.extraLogFiles?.(paths) ?? [])];
  const excerpts = logFiles.map((file) => {
    const tail = tailFile(file, 15);
    return tail ? `--- end of ${file}:\n${tail}` : `--- ${file}: empty`;
  });
  return `${excerpts.join('\n')}\nLogs: ${logFiles.join(', ')}`;
}

async function portsInUse(server: Server): Promise<number[]> {
  const open = await Promise.all(server.ports.map((port) => isPortOpen(port)));
  return server.ports.filter((_, i) => open[i]);
}

// --- helpers ---------------------------------------------------------------------------------

/**
 * Serialises launchers machine-wide (the lock lives in the shared cache): ports are a
 * machine-wide resource, and two clones must not both start a server on 27017.
 */
function withInfraLock<T>(
  paths: InfraPaths,
  log: (line: string) => void,
  fn: () => Promise<T>,
): Promise<T> {
  return withFileLock(join(paths.cacheDir, 'infra.lock'), fn, {
    // The holder may be installing everything on a fresh machine.
    timeoutMs: 30 * 60_000,
    onWait: (pid) => log(`waiting for another infra command (pid ${pid}) to finish...`),
  });
}

function select(names: readonly ServerName[] | undefined): Server[] {
  return names === undefined ? [...servers] : servers.filter((s) => names.includes(s.name));
}

function pidFileOf(paths: InfraPaths, name: ServerName): string {
  return join(paths.runDir, `${name}.pid`);
}

function logFileOf(paths: InfraPaths, name: ServerName): string {
  return join(paths.logDir, `${name}.log`);
}

function externalAddress(name: ServerName, endpoints: StaticEndpoints): string {
  switch (name) {
    case 'ferretdb':
      return redactCredentials(endpoints.mongodbUri);
    case 'kafka':
      return endpoints.kafkaBrokers.join(',');
    case 'stripe-mock':
      return endpoints.stripeApiBase;
    case 'maildev':
      return `smtp ${endpoints.smtpHost}:${endpoints.smtpPort}`;
  }
}

/** `status` prints URIs: never their passwords. */
function redactCredentials(uri: string): string {
  return uri.replace(/\/\/([^@/]*)@/, '//***@');
}

function isFulfilledWith<T>(result: PromiseSettledResult<T> | undefined, value: T): boolean {
  return result?.status === 'fulfilled' && result.value === value;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function defaultLog(line: string): void {
  process.stderr.write(`[infra] ${line}\n`);
}
