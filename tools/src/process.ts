import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  appendFileSync,
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** How to launch a program. */
export interface LaunchSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  /** Added to (not replacing) the launcher's own environment. */
  readonly env?: Readonly<Record<string, string>>;
}

/** What a pid file holds: enough to recognise our process after the launcher has exited. */
export interface PidRecord {
  readonly pid: number;
  /** The exact argv, compared with /proc/<pid>/cmdline so that a recycled pid is not mistaken for ours. */
  readonly argv: readonly string[];
  readonly startedAt: string;
}

/** A process started by {@link spawnDetached}; `exited` is set if it dies while we are still around. */
export interface DetachedProcess {
  readonly record: PidRecord;
  readonly exited: () => boolean;
}

/**
 * Starts a long-lived server that outlives this process: its own process group (so that `down`
 * can signal it and any children at once), stdio into a log file, no reference held by our event
 * loop. Writes the pid file once the process has really been spawned.
 */
export async function spawnDetached(
  spec: LaunchSpec,
  logFile: string,
  pidFile: string,
): Promise<DetachedProcess> {
  mkdirSync(dirname(logFile), { recursive: true });
  mkdirSync(dirname(pidFile), { recursive: true });
  rotateIfLarge(logFile);
  const argv = [spec.command, ...spec.args];
  appendFileSync(logFile, `\n--- ${new Date().toISOString()} starting: ${argv.join(' ')}\n`);
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    let exited = false;
    child.once('exit', () => (exited = true));
    // 'error' (e.g. ENOENT) and 'spawn' are both asynchronous: wait for whichever comes first.
    await once(child, 'spawn');
    child.unref();
    const record: PidRecord = {
      pid: child.pid!,
      argv,
      startedAt: new Date().toISOString(),
    };
    writeFileSync(pidFile, `${JSON.stringify(record)}\n`);
    return { record, exited: () => exited };
  } finally {
    // The child holds its own copy of the descriptor.
    closeSync(fd);
  }
}

/** Server logs are appended across restarts; past this size, a start moves the old one to `.1`. */
const MAX_LOG_BYTES = 10 * 1024 * 1024;

function rotateIfLarge(logFile: string): void {
  try {
    if (statSync(logFile).size > MAX_LOG_BYTES) renameSync(logFile, `${logFile}.1`);
  } catch {
    // No log yet.
  }
}

export function readPidFile(pidFile: string): PidRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(pidFile, 'utf8')) as Partial<PidRecord>;
    if (typeof record.pid === 'number' && Array.isArray(record.argv)) {
      return record as PidRecord;
    }
  } catch {
    // Missing or garbled: treated as no process.
  }
  return undefined;
}

export function removePidFile(pidFile: string): void {
  rmSync(pidFile, { force: true });
}

/** Whether a process with this pid exists (a zombie counts as gone). */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const argv = readCmdline(pid);
  // A zombie (exited, not yet reaped) has an empty cmdline.
  return argv === undefined || argv.length > 0;
}

/** Whether the process of a pid file is still the one we started. */
export function isRunning(record: PidRecord): boolean {
  if (!isPidAlive(record.pid)) return false;
  const argv = readCmdline(record.pid);
  // Without /proc (macOS), trust the pid.
  return argv === undefined || argv.join('\0') === record.argv.join('\0');
}

function readCmdline(pid: number): string[] | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.length === 0 ? [] : raw.replace(/\0$/, '').split('\0');
  } catch {
    return [];
  }
}

/**
 * Stops a process we started: SIGTERM to its group, then SIGKILL if it is still there after
 * `graceMs`. Resolves once it is gone.
 */
export async function stopProcess(
  record: PidRecord,
  graceMs: number,
): Promise<'stopped' | 'killed'> {
  signalGroup(record.pid, 'SIGTERM');
  if (await waitForExit(record, graceMs)) return 'stopped';
  signalGroup(record.pid, 'SIGKILL');
  await waitForExit(record, 5_000);
  return 'killed';
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

async function waitForExit(record: PidRecord, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(record)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/**
 * Runs a command to completion (an install or format step), appending its output to `logFile`.
 * On failure, the error carries the end of the output and the log's path.
 */
export async function runCommand(spec: LaunchSpec, logFile: string): Promise<void> {
  mkdirSync(dirname(logFile), { recursive: true });
  const argv = [spec.command, ...spec.args].join(' ');
  appendFileSync(logFile, `\n--- ${new Date().toISOString()} running: ${argv}\n`);
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer): void => {
    appendFileSync(logFile, chunk);
    output.push(chunk.toString('utf8'));
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  if (code !== 0) {
    const end = lastLines(output.join(''), 25);
    throw new Error(
      `\`${argv}\` failed (${signal ?? `exit code ${code}`}).\n${end}\nFull output: ${logFile}`,
    );
  }
}

/** The last `count` lines of a log file, or '' if there is none. */
export function tailFile(file: string, count = 20): string {
  try {
    const size = statSync(file).size;
    const fd = openSync(file, 'r');
    try {
      const length = Math.min(size, 64 * 1024);
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, size - length);
      return lastLines(buffer.toString('utf8'), count);
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
