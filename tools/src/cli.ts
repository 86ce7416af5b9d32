/**
 * `pnpm infra up|down|status [server...]`: the local infrastructure from a terminal.
 * See tools/README.md.
 */
import { seconds } from './cache.js';
import { formatTable, shellQuote } from './format.js';
import {
  endpointsToEnv,
  ensureInfra,
  infraStatus,
  parseServerNames,
  resolvePaths,
  serverNames,
  stopInfra,
} from './infra.js';

const usage = `Usage: pnpm infra <command> [server...]

Commands:
  up [server...]     install what is missing (cached), start what is stopped, wait until all answer
  down [server...]   stop the servers this launcher started
  status             show each server's state, address and pid

Servers: ${serverNames.join(', ')} (default: all)
Env overrides, data and cache locations: tools/README.md`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'up': {
      const only = rest.length > 0 ? parseServerNames(rest) : undefined;
      const startedAt = Date.now();
      const endpoints = await ensureInfra({ only });
      const started = endpoints.started.length > 0 ? endpoints.started.join(', ') : 'none';
      // The summary goes to stderr and only `export` lines to stdout, so that
      // `eval "$(pnpm -s infra up)"` sets the variables in a shell.
      console.error(
        `Infrastructure ready in ${seconds(Date.now() - startedAt)} (started: ${started}).`,
      );
      for (const [name, value] of Object.entries(endpointsToEnv(endpoints))) {
        console.log(`export ${name}=${shellQuote(value)}`);
      }
      return 0;
    }
    case 'down': {
      const only = rest.length > 0 ? parseServerNames(rest) : undefined;
      const stopped = await stopInfra(only);
      console.log(stopped.length > 0 ? `Stopped: ${stopped.join(', ')}.` : 'Nothing to stop.');
      return 0;
    }
    case 'status': {
      const statuses = await infraStatus();
      console.log(
        formatTable(
          ['NAME', 'STATE', 'ADDRESS', 'PID'],
          statuses.map((s) => [
            s.name,
            s.state,
            s.address,
            s.pid === undefined ? '-' : String(s.pid),
          ]),
        ),
      );
      console.log(`\nLogs: ${resolvePaths().logDir}`);
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return command === undefined ? 2 : 0;
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
