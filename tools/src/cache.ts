import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { withFileLock } from './lock.js';

export interface ArtifactOptions {
  /** Final path in the cache, a file or a folder. Its presence means "installed". */
  readonly target: string;
  /** What it is, for progress lines, e.g. "FerretDB 1.24.2". */
  readonly label: string;
  /** Produces the artifact at `tmp` (a fresh path beside `target`); may take minutes. */
  readonly build: (tmp: string) => Promise<void>;
  readonly log: (line: string) => void;
}

/** Installing on 2 cores takes a few minutes at worst; past this, the holder is presumed stuck. */
const INSTALL_LOCK_TIMEOUT_MS = 30 * 60_000;
const HEARTBEAT_MS = 20_000;

/**
 * Installs an artifact into the cache unless it is already there. Returns whether it installed.
 *
 * The artifact is built at a temporary path and renamed into place, so a half-built one (an
 * interrupted build) is never taken for a good one; a lock beside it makes two launchers (even
 * from two clones) wait for one build instead of racing.
 */
export async function ensureArtifact(options: ArtifactOptions): Promise<boolean> {
  const { target, label, log } = options;
  if (existsSync(target)) return false;
  mkdirSync(dirname(target), { recursive: true });
  return withFileLock(
    `${target}.lock`,
    async () => {
      if (existsSync(target)) return false;
      const tmp = `${target}.tmp-${process.pid}`;
      rmSync(tmp, { recursive: true, force: true });
      const startedAt = Date.now();
      const heartbeat = setInterval(
        () => log(`  still installing ${label} (${seconds(Date.now() - startedAt)})...`),
        HEARTBEAT_MS,
      );
      heartbeat.unref();
      try {
        await options.build(tmp);
        renameSync(tmp, target);
      } catch (error) {
        rmSync(tmp, { recursive: true, force: true });
        throw error;
      } finally {
        clearInterval(heartbeat);
      }
      log(`installed ${label} in ${seconds(Date.now() - startedAt)}: ${target}`);
      return true;
    },
    {
      timeoutMs: INSTALL_LOCK_TIMEOUT_MS,
      onWait: (pid) => log(`waiting for another launcher (pid ${pid}) installing ${label}...`),
    },
  );
}

/**
 * A short digest of files' contents, added to a cache key so that editing our Go `main` or the
 * Kafka pom installs afresh instead of reusing an artifact built from the old one.
 */
export function contentKey(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 12);
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
