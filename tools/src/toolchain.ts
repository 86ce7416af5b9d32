import { spawnSync } from 'node:child_process';

/** A toolchain the launcher runs: to build (go, mvn) or to run (java). */
export type Tool = 'go' | 'java' | 'mvn';

const versionArgs: Record<Tool, string[]> = {
  go: ['version'],
  java: ['-version'],
  mvn: ['--version'],
};

const installHints: Record<Tool, string> = {
  go:
    'Go 1.24 or newer (https://go.dev/dl/, then put its bin/ on PATH); it builds FerretDB and ' +
    'stripe-mock once, into the cache',
  java: 'a Java runtime, 17 or newer (Debian/Ubuntu: `apt-get install openjdk-17-jre-headless`); it runs Kafka',
  mvn: 'Apache Maven (Debian/Ubuntu: `apt-get install maven`); it downloads the Kafka jars once, into the cache',
};

/** Raised when a toolchain is not on PATH; its message says what to install. */
export class MissingToolError extends Error {
  constructor(
    readonly tool: Tool,
    readonly neededBy: string,
  ) {
    super(
      `\`${tool}\` was not found on PATH, and ${neededBy} needs it. Install ${installHints[tool]}. ` +
        `Or run that server elsewhere and point the launcher at it with its environment variable ` +
        `(see tools/README.md).`,
    );
    this.name = 'MissingToolError';
  }
}

const found = new Set<Tool>();

/** Throws a {@link MissingToolError} unless `tool` runs. */
export function requireTool(tool: Tool, neededBy: string): void {
  if (found.has(tool)) return;
  const result = spawnSync(tool, versionArgs[tool], { stdio: 'ignore', timeout: 30_000 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new MissingToolError(tool, neededBy);
  }
  found.add(tool);
}
