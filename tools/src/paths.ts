import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the infrastructure keeps its state. Every path is absolute. */
export interface InfraPaths {
  /** The repository root (the folder holding tools/). */
  readonly repoRoot: string;
  /** tools/, where the Go module of FerretDB and the Maven pom of Kafka live. */
  readonly toolsDir: string;
  /** Per-clone state: databases, Kafka logs, generated configs (`<repo>/.data/infra`). */
  readonly dataDir: string;
  /** Pid files of the servers this launcher started. */
  readonly runDir: string;
  /** Server output and install logs. */
  readonly logDir: string;
  /**
   * Per-machine cache of installed artifacts, shared by every clone: built binaries and jars,
   * keyed by version, so that a fresh clone does not build anything again.
   */
  readonly cacheDir: string;
}

const toolsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Resolves the locations from the environment:
 * - `VITRINE_DATA_DIR` replaces `<repo>/.data/infra` (e.g. for a throwaway test instance);
 * - `VITRINE_CACHE` replaces `$HOME/.cache/vitrine`.
 */
export function resolvePaths(env: NodeJS.ProcessEnv = process.env): InfraPaths {
  const repoRoot = dirname(toolsDir);
  const dataDir = resolve(env.VITRINE_DATA_DIR || join(repoRoot, '.data', 'infra'));
  return {
    repoRoot,
    toolsDir,
    dataDir,
    runDir: join(dataDir, 'run'),
    logDir: join(dataDir, 'logs'),
    cacheDir: resolve(env.VITRINE_CACHE || join(homedir(), '.cache', 'vitrine')),
  };
}
