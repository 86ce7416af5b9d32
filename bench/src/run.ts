/**
 * `pnpm bench`: the gateway's overhead, the storefront query through the gateway, Stripe's webhook
 * on the payments subgraph, and the stack's start-up and memory, written to bench/results/ (JSON and Markdown) and printed as Markdown. See
 * bench/README.md.
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
import { runStorefront } from './storefront.js';
import { runWebhooks } from './webhooks.js';

const USAGE = `Usage: pnpm bench [options]      (or: node bench/dist/run.js [options])

  --only <parts>         startup, overhead, storefront, webhooks, or several
                         comma-separated (default: all four, ~6.5 min)
  --rounds <n>           interleaved rounds per operation (default: 5)
  --duration <s>         seconds per target per round (default: 5)
  --warmup <s>           seconds of warm-up per target (default: 3)
  --startup-rounds <n>   start-ups of users + gateway (default: 3)
  --storefront-products <n>
                         products seeded for the storefront query (default: 150; at least 100)
  --webhook-payments <n> payments seeded for the first deliveries of Stripe's webhook
                         (default: 800; they all stay in the collection, which FerretDB scans)
  --cold-infra           also stop the shared infrastructure and time \`pnpm infra up\` from
                         all-stopped: this breaks every test running on the machine, so use it
                         only when nobody else does
  --node-options FLAGS   extra node flags for every service (e.g. "--max-semi-space-size=2")
  --cpu-prof             write V8 CPU profiles of every service (node --cpu-prof) to
                         bench/results/profiles/; profiling slows them, so ratios shift
  -h, --help`;

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

const PARTS = ['startup', 'overhead', 'storefront', 'webhooks'] as const;
type Part = (typeof PARTS)[number];

function parseParts(value: string | undefined): Set<Part> {
  if (value === undefined) return new Set(PARTS);
  const parts = value.split(',').map((part) => part.trim());
  const unknown = parts.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length) {
    throw new Error(
      `--only takes ${PARTS.join(', ')} (comma-separated), not ${unknown.join(', ')}`,
    );
  }
  return new Set(parts as Part[]);
}

function parseOptions(): { settings: BenchSettings; parts: Set<Part> } | undefined {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      rounds: { type: 'string', default: '5' },
      duration: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '3' },
      'startup-rounds': { type: 'string', default: '3' },
      'storefront-products': { type: 'string', default: '150' },
      'webhook-payments': { type: 'string', default: '800' },
      'cold-infra': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      'node-options': { type: 'string', default: '' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return undefined;
  const storefrontProducts = positive('storefront-products', values['storefront-products']);
  // The page is 50 of the ~half of the catalog that matches: fewer would leave no next page.
  if (storefrontProducts < 100) throw new Error('--storefront-products must be at least 100');
  return {
    parts: parseParts(values.only),
    settings: {
      rounds: positive('rounds', values.rounds),
      durationSec: positive('duration', values.duration),
      warmupSec: positive('warmup', values.warmup),
      meConnections: 10,
      loginConnections: 4,
      storefrontConnections: 10,
      storefrontProducts,
      webhookConnections: 10,
      webhookPayments: positive('webhook-payments', values['webhook-payments']),
      startupRounds: positive('startup-rounds', values['startup-rounds']),
      coldInfra: values['cold-infra'],
      cpuProf: values['cpu-prof'],
      nodeOptions: values['node-options'].split(/\s+/).filter(Boolean),
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
  const { settings, parts } = options;
  const date = new Date().toISOString();
  const runId = Date.now().toString(36);
  /** Every service's database (`bench_<name>_<run>`), added as they are launched. */
  const databases = new Set<string>();
  /** Known once the infrastructure answers; until then there is no database to drop. */
  const database: { uri?: string } = {};
  const dropOwnDatabases = async () => {
    const uri = database.uri;
    if (!uri) return;
    for (const name of databases) {
      await dropDatabase(uri, name).catch((err: unknown) =>
        log(`could not drop database ${name}: ${String(err)}`),
      );
    }
  };
  installCleanup(dropOwnDatabases);
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
    databases,
    logDir,
    runId,
    nodeArgs: [
      ...settings.nodeOptions,
      ...(settings.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ],
  };
  const report: BenchReport = {
    date,
    machine: describeMachine(),
    settings,
    loadAverage: { start, end: start },
    infra: { ms: infra.ms, summary: infra.summary },
  };
  try {
    if (parts.has('startup')) {
      report.startup = await runStartup({
        context: { ...base, mode: 'development' },
        rounds: settings.startupRounds,
        coldInfra: settings.coldInfra,
        log,
      });
    }
    if (parts.has('overhead')) {
      report.overhead = await runGatewayOverhead({
        context: { ...base, mode: 'production' },
        ...settings,
        log,
      });
    }
    if (parts.has('storefront')) {
      report.storefront = await runStorefront({
        context: { ...base, mode: 'production' },
        rounds: settings.rounds,
        durationSec: settings.durationSec,
        warmupSec: settings.warmupSec,
        connections: settings.storefrontConnections,
        products: settings.storefrontProducts,
        log,
      });
    }
    if (parts.has('webhooks')) {
      report.webhooks = await runWebhooks({
        context: { ...base, mode: 'production' },
        rounds: settings.rounds,
        durationSec: settings.durationSec,
        warmupSec: settings.warmupSec,
        connections: settings.webhookConnections,
        payments: settings.webhookPayments,
        log,
      });
    }
  } finally {
    await dropOwnDatabases();
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
