import { REPO_ROOT, TSX } from './paths.js';
import { runCommand } from './processes.js';

export interface InfraUp {
  /** Where the servers are (`MONGODB_URI`, `KAFKA_BROKERS`, ...), as `pnpm infra up` prints them. */
  env: Record<string, string>;
  ms: number;
  /** The launcher's own summary line ("Infrastructure ready in ... (started: ...)"). */
  summary: string;
}

/** Undoes tools/src/format.ts `shellQuote`: bare words, or single quotes with `'\''` inside. */
function unquote(value: string): string {
  return value.startsWith("'") && value.endsWith("'")
    ? value.slice(1, -1).replaceAll(`'\\''`, `'`)
    : value;
}

/** The `export NAME=value` lines that `pnpm infra up` prints for `eval`. */
export function parseExports(stdout: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const match = /^export ([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) env[match[1]] = unquote(match[2]);
  }
  return env;
}

function launcher(command: 'up' | 'down') {
  // `pnpm infra <command>` is `tsx tools/src/cli.ts <command>`; pnpm itself adds nothing here.
  return runCommand(TSX, ['tools/src/cli.ts', command], { cwd: REPO_ROOT, timeoutMs: 600_000 });
}

/**
 * `pnpm infra up`: idempotent, so on a machine where the servers already answer it only checks
 * them (the warm path); from all-stopped it starts them (the cold path).
 */
export async function infraUp(): Promise<InfraUp> {
  const result = await launcher('up');
  if (result.code !== 0) {
    throw new Error(`pnpm infra up failed (exit ${result.code}):\n${result.stderr.trim()}`);
  }
  const summary =
    result.stderr
      .split('\n')
      .find((line) => line.startsWith('Infrastructure ready'))
      ?.trim() ?? '';
  return { env: parseExports(result.stdout), ms: result.ms, summary };
}

/** `pnpm infra down`: stops the shared servers, which breaks everyone's running tests. */
export async function infraDown(): Promise<void> {
  const result = await launcher('down');
  if (result.code !== 0) {
    throw new Error(`pnpm infra down failed (exit ${result.code}):\n${result.stderr.trim()}`);
  }
}
