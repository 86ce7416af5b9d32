import { REPO_ROOT, TSC } from './paths.js';
import { runCommand } from './processes.js';

export interface BuildResult {
  /** The projects given to `tsc -b`. */
  projects: string[];
  ms: number;
  exitCode: number | null;
  /** The `error TS...` lines. tsc -b still emits the projects with type errors. */
  errors: string[];
}

/** `tsc -b <projects>` from the repository root, timed; type errors are returned, not thrown. */
export async function build(projects: string[]): Promise<BuildResult> {
  const result = await runCommand(TSC, ['-b', ...projects], { cwd: REPO_ROOT });
  const errors = result.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
  return { projects, ms: result.ms, exitCode: result.code, errors };
}
