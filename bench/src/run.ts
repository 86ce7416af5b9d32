/**
 * `pnpm bench`: the gateway's overhead and the stack's start-up and memory, written to
 * bench/results/ (JSON and Markdown) and printed as Markdown. See bench/README.md.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runGatewayOverhead } from './gateway-overhead.js';
import { dropDatabase } from './lib/database.js';
import { infraUp } from './lib/infra.js';
import { RESULTS_DIR } from './lib/paths.js';
import { installCleanup, stopAll } from './lib/processes.js';
import { toMarkdown, writeReport, type BenchReport, type BenchSettings } from './lib/report.js';
import { describeMachine, loadAverage } from './lib/system.js';
import { runStartup } from './startup.js';

const USAGE = `Usage: pnpm bench [options]      (or: node bench/dist/run.js [options])

  --only <part>          startup | overhead (default: both)
  --rounds <n>           interleaved rounds per operation (default: 5)
  --duration <s>         seconds per target per round (default: 5)
  --warmup <s>           seconds of warm-up per target (default: 3)
  --startup-rounds <n>   start-ups of users + gateway (default: 3)
  --cold-infra           also stop the shared infrastructure and time \`pnpm infra up\` from
                         all-stopped: this breaks every test running on the machine, so use it
                         only when nobody else does
  --cpu-prof             write V8 CPU profiles of users and the gateway (node --cpu-prof) to
                         bench/results/profiles/; profiling slows them, so ratios shift
  -h, --help`;

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

function parseOptions(): { settings: BenchSettings; only?: 'startup' | 'overhead' } | undefined {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      rounds: { type: 'string', default: '5' },
      duration: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '3' },
      'startup-rounds': { type: 'string', default: '3' },
      'cold-infra': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return undefined;
  if (values.only !== undefined && values.only !== 'startup' && values.only !== 'overhead') {
    throw new Error('--only must be startup or overhead');
  }
  return {
    only: values.only,
    settings: {
      rounds: positive('rounds', values.rounds),
      durationSec: positive('duration', values.duration),
      warmupSec: positive('warmup', values.warmup),
      meConnections: 10,
      loginConnections: 4,
      startupRounds: positive('startup-rounds', values['startup-rounds']),
      coldInfra: values['cold-infra'],
      cpuProf: values['cpu-prof'],
    },
  };
}

const log = (line: string) => console.error(`[bench] ${line}`);

async function main(): Promise<void> {
  const options = parseOptions();
  if (!options) {
    console.log(USAGE);
    return;
  }
  const { settings, only } = options;
  const date = new Date().toISOString();
  const runId = Date.now().toString(36);
  const dbName = `bench_users_${runId}`;
  /** Known once the infrastructure answers; until then there is no database to drop. */
  const database: { uri?: string } = {};
  const dropOwnDatabase = async () => {
    if (!database.uri) return;
    await dropDatabase(database.uri, dbName).catch((err: unknown) =>
      log(`could not drop database ${dbName}: ${String(err)}`),
    );
  };
  installCleanup(dropOwnDatabase);
  const logDir = join(RESULTS_DIR, 'logs');
  mkdirSync(logDir, { recursive: true });
  const start = loadAverage();

  log('pnpm infra up');
  const infra = await infraUp();
  log(`${infra.summary} (${(infra.ms / 1000).toFixed(2)} s)`);
  database.uri = infra.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017';
  const profileDir = join(RESULTS_DIR, 'profiles');
  if (settings.cpuProf) mkdirSync(profileDir, { recursive: true });
  const base = {
    infraEnv: infra.env,
    dbName,
    logDir,
    runId,
    nodeArgs: settings.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : undefined,
  };
  const report: BenchReport = {
    date,
    machine: describeMachine(),
    settings,
    loadAverage: { start, end: start },
    infra: { ms: infra.ms, summary: infra.summary },
  };
  try {
    if (only !== 'overhead') {
      report.startup = await runStartup({
        context: { ...base, mode: 'development' },
        rounds: settings.startupRounds,
        coldInfra: settings.coldInfra,
        log,
      });
    }
    if (only !== 'startup') {
      report.overhead = await runGatewayOverhead({
        context: { ...base, mode: 'production' },
        ...settings,
        log,
      });
    }
  } finally {
    await dropOwnDatabase();
  }
  report.loadAverage.end = loadAverage();
  const written = writeReport(report);
  console.log(toMarkdown(report));
  log(`written ${written.markdown} and ${written.json}; service logs in ${logDir}`);
}

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    log(err instanceof Error ? err.message : String(err));
    await stopAll(5_000);
    process.exit(1);
  },
);
