import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isPidAlive } from './process.js';

export interface LockOptions {
  /** How long to wait for another holder before giving up. */
  readonly timeoutMs: number;
  /** Called once per holder we find ourselves waiting for (to print why we are waiting). */
  readonly onWait?: (holderPid: number) => void;
}

/**
 * Runs `fn` while holding an exclusive lock file, so that two `infra up`s (two terminals, two
 * vitest runs, two clones sharing the cache) never build or start the same thing at once.
 *
 * The file is created with O_EXCL and holds `<pid> <token>`. A lock whose holder is dead (a
 * killed CLI) is taken over. The token tells apart two holders in one process (vitest may run
 * the global setup of two projects in the same process): they queue like separate processes.
 */
export async function withFileLock<T>(
  file: string,
  fn: () => Promise<T>,
  options: LockOptions,
): Promise<T> {
  const token = randomUUID();
  await acquire(file, token, options);
  // If the process exits while holding the lock (process.exit in a caller), release it anyway.
  const releaseOnExit = (): void => release(file, token);
  process.once('exit', releaseOnExit);
  try {
    return await fn();
  } finally {
    process.removeListener('exit', releaseOnExit);
    release(file, token);
  }
}

async function acquire(file: string, token: string, options: LockOptions): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const deadline = Date.now() + options.timeoutMs;
  let announced: number | undefined;
  for (;;) {
    try {
      writeFileSync(file, `${process.pid} ${token}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder === undefined) {
      // Vanished between our attempt and the read (released): try again at once.
      continue;
    }
    if (holder.stale) {
      rmSync(file, { force: true });
      continue;
    }
    if (announced !== holder.pid) {
      announced = holder.pid;
      options.onWait?.(holder.pid);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${Math.round(options.timeoutMs / 1000)}s waiting for the lock ${file}, ` +
          `held by pid ${holder.pid}. If no infra command is running any more, delete that file.`,
      );
    }
    await sleep(250);
  }
}

function readHolder(file: string): { pid: number; stale: boolean } | undefined {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(content, 10);
  if (Number.isInteger(pid) && pid > 0) {
    return { pid, stale: !isPidAlive(pid) };
  }
  // Unreadable content: a writer that died between create and write, or one mid-write. Give it
  // a moment before calling it stale.
  const ageMs = Date.now() - safeMtime(file);
  return { pid: 0, stale: ageMs > 5_000 };
}

function safeMtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function release(file: string, token: string): void {
  try {
    if (readFileSync(file, 'utf8').includes(token)) rmSync(file, { force: true });
  } catch {
    // Already gone.
  }
}
