import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { memoryOf, type Memory } from './system.js';

/** Every child still running, so that none outlives the benchmark (Ctrl-C, failure, crash). */
const children = new Set<ChildProcess>();

function track(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export interface Stopped {
  /** From SIGTERM to the process's end. */
  ms: number;
  /** `exit 0` for a clean shutdown; `SIGTERM` when the signal's default action ended it. */
  how: string;
}

/** SIGTERM (what an orchestrator sends), SIGKILL after `graceMs`. */
async function terminate(child: ChildProcess, graceMs: number): Promise<Stopped> {
  const started = performance.now();
  const how = () => (child.signalCode ? child.signalCode : `exit ${child.exitCode}`);
  if (exited(child)) return { ms: 0, how: how() };
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
  return { ms: performance.now() - started, how: how() };
}

/** Stops every child still running. */
export async function stopAll(graceMs = 10_000): Promise<void> {
  await Promise.all([...children].map((child) => terminate(child, graceMs)));
}

/**
 * Ctrl-C and SIGTERM stop the children gracefully, then run `afterStop` (dropping the benchmark's
 * database), then exit; any exit kills what is left. (Children share the terminal's process
 * group, so they see a Ctrl-C too and start draining.)
 */
export function installCleanup(afterStop: () => Promise<void> = () => Promise.resolve()): void {
  process.once('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n[bench] ${signal}: stopping the services...`);
      void stopAll(5_000)
        .then(afterStop)
        .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

/** A port that was free a moment ago (the OS picks it), so that no running stack is disturbed. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export interface ServiceSpec {
  name: string;
  /** The package directory, where the service runs. */
  cwd: string;
  /** The entry point, absolute or relative to `cwd`. */
  script: string;
  /** Extra node flags (`--cpu-prof ...`). */
  nodeArgs?: string[];
  port: number;
  env: NodeJS.ProcessEnv;
  /** stdout and stderr go straight to this file, never through the load generator's loop. */
  logFile: string;
}

/** One service (`node --enable-source-maps dist/main.js`, as the Dockerfile runs it). */
export class ServiceProcess {
  private constructor(
    readonly spec: ServiceSpec,
    private readonly child: ChildProcess,
    private readonly launchedAt: number,
  ) {}

  static launch(spec: ServiceSpec): ServiceProcess {
    const log = openSync(spec.logFile, 'a');
    const launchedAt = performance.now();
    const args = ['--enable-source-maps', ...(spec.nodeArgs ?? []), spec.script];
    const child = spawn(process.execPath, args, {
      cwd: spec.cwd,
      // As the Dockerfile and the stack runner start services.
      env: { MALLOC_ARENA_MAX: '2', ...spec.env },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    track(child);
    return new ServiceProcess(spec, child, launchedAt);
  }

  get name(): string {
    return this.spec.name;
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error(`${this.name} has no process`);
    return this.child.pid;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.spec.port}`;
  }

  get graphqlUrl(): string {
    return `${this.origin}/graphql`;
  }

  /** Milliseconds from launch until `GET path` answers 200 (polled every 50 ms). */
  async waitReady(path = '/ready', timeoutMs = 60_000): Promise<number> {
    const url = `${this.origin}${path}`;
    while (performance.now() - this.launchedAt < timeoutMs) {
      if (exited(this.child)) {
        throw new Error(
          `${this.name} exited (${this.child.exitCode ?? this.child.signalCode}) before it was ready; ${this.spec.logFile}:\n${tail(this.spec.logFile)}`,
        );
      }
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
        await response.body?.cancel();
        if (response.ok) return performance.now() - this.launchedAt;
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    throw new Error(
      `${this.name} was not ready at ${url} after ${timeoutMs / 1000} s; ${this.spec.logFile}:\n${tail(this.spec.logFile)}`,
    );
  }

  memory(): Memory {
    return memoryOf(this.pid);
  }

  /** Graceful stop: how long it took, and how the process ended. */
  stop(graceMs = 10_000): Promise<Stopped> {
    return terminate(this.child, graceMs);
  }
}

export interface CommandResult {
  code: number | null;
  ms: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (killed after `timeoutMs`), timing it. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    track(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: performance.now() - started, stdout, stderr });
    });
  });
}
