import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OverheadResult } from '../gateway-overhead.js';
import type { StartupResult } from '../startup.js';
import type { StorefrontResult } from '../storefront.js';
import type { WebhooksResult } from '../webhooks.js';
import type { Comparison } from './load.js';
import { RESULTS_DIR } from './paths.js';
import { median, type Spread } from './stats.js';
import type { Machine, Memory } from './system.js';

export interface BenchSettings {
  rounds: number;
  durationSec: number;
  warmupSec: number;
  meConnections: number;
  loginConnections: number;
  storefrontConnections: number;
  /** Products seeded for the storefront query. */
  storefrontProducts: number;
  webhookConnections: number;
  /** Payments seeded for the webhook's first deliveries. */
  webhookPayments: number;
  startupRounds: number;
  coldInfra: boolean;
  cpuProf: boolean;
  /** Extra node flags given to every service (`--node-options`). */
  nodeOptions: string[];
}

export interface BenchReport {
  date: string;
  machine: Machine;
  settings: BenchSettings;
  loadAverage: { start: number[]; end: number[] };
  /** The first `pnpm infra up` of the run, which also gave the servers' addresses. */
  infra: { ms: number; summary: string };
  startup?: StartupResult;
  overhead?: OverheadResult;
  storefront?: StorefrontResult;
  webhooks?: WebhooksResult;
}

/** The issue's targets. */
export const TARGETS = {
  meThroughputRatio: 0.5,
  storefrontThroughputRatio: 0.5,
  readyMs: 60_000,
  residentBytes: 400e6,
};

const seconds = (ms: number, digits = 1) => `${(ms / 1000).toFixed(digits)} s`;
const megabytes = (bytes: number) => `${Math.round(bytes / 1e6)}`;
const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(', ');
const check = (ok: boolean) => (ok ? '✅ met' : '❌ missed');
/** Two decimals, or two significant digits below 0.1 (a ratio of 0.004 is not 0.00). */
const fixed = (v: number) => (Math.abs(v) >= 0.1 ? v.toFixed(2) : v.toPrecision(2));
const ratio = (s: Spread) => `**${fixed(s.median)}** (${fixed(s.min)}–${fixed(s.max)})`;

function comparisonRow(c: Comparison): string {
  return [
    `\`${c.operation}\``,
    c.settings.connections,
    c.candidate.rps.median.toFixed(0),
    c.baseline.rps.median.toFixed(0),
    `${c.candidate.p99Ms.median.toFixed(0)} ms`,
    `${c.baseline.p99Ms.median.toFixed(0)} ms`,
    ratio(c.throughputRatio),
    ratio(c.p99Ratio),
  ].join(' | ');
}

function overheadSection(o: OverheadResult, settings: BenchSettings): string[] {
  const me = o.me.throughputRatio.median;
  return [
    `## Gateway overhead (${o.mode} mode)`,
    '',
    `The same operation through the gateway and on the users subgraph directly: ${settings.rounds} rounds × ${settings.durationSec} s per target, interleaved (the first target alternates), after a ${settings.warmupSec} s warm-up. Ratios are gateway ÷ direct, median (min–max) over the rounds; absolute figures are medians over the rounds, for orientation only.`,
    '',
    '| operation | connections | gateway req/s | direct req/s | gateway p99 | direct p99 | throughput ratio | p99 ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    `| ${comparisonRow(o.me)} |`,
    `| ${comparisonRow(o.login)} |`,
    '',
    `Per-round throughput ratios: \`me\` ${o.me.rounds.map((r) => r.throughputRatio.toFixed(2)).join(', ')}; \`login\` ${o.login.rounds.map((r) => r.throughputRatio.toFixed(2)).join(', ')}.`,
    '',
    `Target — the gateway keeps at least ${TARGETS.meThroughputRatio} of the direct throughput on \`me\`: ${check(me >= TARGETS.meThroughputRatio)} (${me.toFixed(2)}). Load average ${load(o.loadAverage.before)} → ${load(o.loadAverage.after)}.`,
  ];
}

const milliseconds = (ms: number) => `${ms.toFixed(1)} ms`;
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function storefrontSection(s: StorefrontResult, settings: BenchSettings): string[] {
  const c = s.storefront;
  const ratio = c.throughputRatio.median;
  const work = s.gatewayWork;
  const fetches = Object.entries(work.fetches)
    .map(
      ([subgraph, f]) =>
        `${subgraph} ${f.perOperation.toFixed(2)} fetch per query, ${milliseconds(f.meanMs)} each`,
    )
    .join('; ');
  const inSubgraphs = Object.values(work.fetches).reduce(
    (sum, f) => sum + f.perOperation * f.meanMs,
    0,
  );
  const build =
    s.build.exitCode === 0
      ? `\`tsc -b ${s.build.projects.join(' ')}\` clean (${seconds(s.build.ms)})`
      : `\`tsc -b ${s.build.projects.join(' ')}\` exited ${s.build.exitCode} with ${s.build.errors.length} type errors (measured what it emitted): ${s.build.errors.map((e) => `\`${e}\``).join(', ')}`;
  const mb = (name: keyof StorefrontResult['memory']) => megabytes(s.memory[name].rss);
  return [
    `## Storefront query (${s.mode} mode)`,
    '',
    `A page of 50 active products with their boutique (\`products(filter: { search, inStock, minPrice, maxPrice }, sort: PRICE_ASC, first: 50)\`), anonymous, through the gateway (products, then boutiques for the names) and on the products subgraph directly (\`boutique { id }\` only): ${settings.rounds} rounds × ${settings.durationSec} s per target, interleaved, after a ${settings.warmupSec} s warm-up. Seeded through the gateway: ${s.seed.boutiques} boutiques, ${s.seed.products} products, ${s.seed.matching} matching the filter (${seconds(s.seed.ms)}; products' read model knew the approved boutiques ${seconds(s.seed.readModelMs)} after the approvals).`,
    '',
    '| operation | connections | gateway req/s | direct req/s | gateway p99 | direct p99 | throughput ratio | p99 ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    `| ${comparisonRow(c)} |`,
    '',
    `Per-round throughput ratios: ${c.rounds.map((r) => r.throughputRatio.toFixed(2)).join(', ')}; p99 ratios: ${c.rounds.map((r) => r.p99Ratio.toFixed(2)).join(', ')}.`,
    '',
    `Inside the gateway (its metrics over the ${work.operations} measured queries): ${milliseconds(work.operationMeanMs)} per query on average, of which ${fetches}: ≈ ${milliseconds(inSubgraphs)} waiting for subgraphs (the two fetches run one after the other), ≈ ${milliseconds(work.operationMeanMs - inSubgraphs)} of its own (parsing, planning, merging, serializing). One page is ${kilobytes(s.responseBytes.gateway)} through the gateway, ${kilobytes(s.responseBytes.direct)} direct; its 50 products belong to ${s.boutiquesInPage} boutiques.`,
    '',
    `Resident memory after the load (MB): users ${mb('users')}, boutiques ${mb('boutiques')}, products ${mb('products')}, gateway ${mb('gateway')}. Build: ${build}.`,
    '',
    `Target — the gateway keeps at least ${TARGETS.storefrontThroughputRatio} of the direct throughput on the storefront query: ${check(ratio >= TARGETS.storefrontThroughputRatio)} (${ratio.toFixed(2)}). Load average ${load(s.loadAverage.before)} → ${load(s.loadAverage.after)}.`,
  ];
}

function webhooksSection(w: WebhooksResult, settings: BenchSettings): string[] {
  const c = w.check;
  const p50 = (pick: (r: Comparison['rounds'][number]) => number, rounds = w.first.rounds) =>
    `${median(rounds.map(pick)).toFixed(0)} ms`;
  const row = (
    name: string,
    rps: Spread,
    p50Ms: string,
    p99: Spread,
    tput?: Spread,
    p99r?: Spread,
  ) =>
    `| ${name} | ${rps.median.toFixed(0)} | ${p50Ms} | ${p99.median.toFixed(0)} ms | ${tput ? ratio(tput) : '1 (baseline)'} | ${p99r ? ratio(p99r) : '1 (baseline)'} |`;
  const build =
    w.build.exitCode === 0
      ? `\`tsc -b ${w.build.projects.join(' ')}\` clean (${seconds(w.build.ms)})`
      : `\`tsc -b ${w.build.projects.join(' ')}\` exited ${w.build.exitCode} with ${w.build.errors.length} type errors (measured what it emitted)`;
  const perRound = (x: Comparison) => x.rounds.map((r) => fixed(r.throughputRatio)).join(', ');
  return [
    `## Stripe webhook on the payments subgraph (${w.mode} mode)`,
    '',
    `Signed deliveries to \`POST /webhooks/stripe\` of one payments instance, ${settings.webhookConnections} connections: ${settings.rounds} rounds × ${settings.durationSec} s per target, interleaved (the order reverses every round), after a ${settings.warmupSec} s warm-up. \`ignored\` is the baseline (a \`customer.created\`: HTTP, raw body, signature); \`duplicate\` an already processed \`payment_intent.succeeded\` again; \`first delivery\` a new event for another payment in REQUIRES_PAYMENT each time (state change + outbox write; after each of its runs the bench waits for the relay to publish every \`payment.completed\`). Ratios are target ÷ \`ignored\` of the same round, median (min–max); absolute figures are medians, for orientation only. Bodies ${w.bodyBytes.ignored} / ${w.bodyBytes.duplicate} / ${w.bodyBytes.first} bytes.`,
    '',
    '| delivery | req/s | p50 | p99 | throughput ratio | p99 ratio |',
    '|---|---:|---:|---:|---:|---:|',
    row(
      '`ignored`',
      w.duplicate.baseline.rps,
      p50((r) => r.baseline.p50Ms),
      w.duplicate.baseline.p99Ms,
    ),
    row(
      '`duplicate`',
      w.duplicate.candidate.rps,
      p50((r) => r.candidate.p50Ms, w.duplicate.rounds),
      w.duplicate.candidate.p99Ms,
      w.duplicate.throughputRatio,
      w.duplicate.p99Ratio,
    ),
    row(
      '`first delivery`',
      w.first.candidate.rps,
      p50((r) => r.candidate.p50Ms),
      w.first.candidate.p99Ms,
      w.first.throughputRatio,
      w.first.p99Ratio,
    ),
    '',
    `Per-round throughput ratios: \`duplicate\` ${perRound(w.duplicate)}; \`first delivery\` ${perRound(w.first)}.`,
    '',
    `Seed: ${w.seed.payments} payments inserted directly (${seconds(w.seed.ms)}), at most ${w.seed.perRun} first deliveries per run (${w.seed.perWarmup} in the warm-up)${w.firstCutShort ? `; ${w.firstCutShort} of ${settings.rounds} runs used up their share before the end (raise \`--webhook-payments\`)` : ''}. The outbox relay published a run's \`payment.completed\` events ${seconds(w.relayDrainMs.median)} after the run's end (median; ${seconds(w.relayDrainMs.min)}–${seconds(w.relayDrainMs.max)}): counting that wait, first deliveries are paid and relayed at **${w.sustainedRps.median.toFixed(1)} per second** (${w.sustainedRps.min.toFixed(1)}–${w.sustainedRps.max.toFixed(1)}), against ${w.first.candidate.rps.median.toFixed(1)} answered per second.`,
    '',
    `Check: ${c.processedAnswers} first deliveries answered \`{"received":true}\` and ${c.succeeded} payments SUCCEEDED, of ${c.built} events sent (a run ends with a request in flight on each connection: the service processes it, autocannon no longer reads the answer), ${c.outboxPending} outboxes pending at the end, ${c.loyaltyAccounts} loyalty accounts credited by payments' own \`payment.completed\` consumer (one per payment, the duplicate's included).`,
    '',
    `Resident memory of payments (MB): ${megabytes(w.memory.idle.rss)} before the load, ${megabytes(w.memory.afterLoad.rss)} after it, peak ${megabytes(w.memory.afterLoad.peak)}. Build: ${build}. Load average ${load(w.loadAverage.before)} → ${load(w.loadAverage.after)}.`,
  ];
}

function startupSection(s: StartupResult): string[] {
  const list = (pick: (r: StartupResult['rounds'][number]) => number) =>
    s.rounds.map((r) => seconds(pick(r), 2)).join(', ');
  const idle = (name: 'users' | 'gateway') =>
    megabytes(median(s.rounds.map((r) => r.memory[name].rss)));
  const build =
    s.build.exitCode === 0
      ? seconds(s.build.ms)
      : `${seconds(s.build.ms)} (exit ${s.build.exitCode}, ${s.build.errors.length} errors: \`pnpm dev\` would stop here)`;
  return [
    `## Start-up (${s.mode} mode, as \`pnpm dev\` runs it), infrastructure installed`,
    '',
    '| step | median | rounds |',
    '|---|---:|---|',
    `| \`pnpm infra up\`, servers already running | ${seconds(s.median.infraUpMs, 2)} | ${list((r) => r.infraUpMs)} |`,
    `| build check \`tsc -b platform gateway subgraphs/users\` | ${build} | 1 |`,
    `| users: launch → \`/ready\` (round 1 on a fresh database) | ${seconds(s.median.usersReadyMs, 2)} | ${list((r) => r.usersReadyMs)} |`,
    `| gateway: launch → \`/ready\` | ${seconds(s.median.gatewayReadyMs, 2)} | ${list((r) => r.gatewayReadyMs)} |`,
    `| users + gateway (one after the other) | ${seconds(s.median.servicesReadyMs, 2)} | |`,
    `| **stack equivalent** (infra up + build + services) | **${seconds(s.median.stackMs)}** | |`,
    `| stop on SIGTERM: users | ${seconds(median(s.rounds.map((r) => r.stop.users.ms)), 2)} | ${s.rounds.map((r) => r.stop.users.how).join(', ')} |`,
    `| stop on SIGTERM: gateway | ${seconds(median(s.rounds.map((r) => r.stop.gateway.ms)), 2)} | ${s.rounds.map((r) => r.stop.gateway.how).join(', ')} |`,
    `| resident memory when ready, users / gateway | ${idle('users')} / ${idle('gateway')} MB | |`,
    `| \`pnpm infra up\` from all-stopped | ${s.coldInfra ? seconds(s.coldInfra.ms) : 'not measured (opt-in: `--cold-infra`)'} | |`,
    '',
    `Target — ready in under ${TARGETS.readyMs / 1000} s: ${check(s.median.stackMs < TARGETS.readyMs && (s.coldInfra?.ms ?? 0) + s.median.stackMs < TARGETS.readyMs)} (${seconds(s.median.stackMs)}${s.coldInfra ? `, ${seconds(s.coldInfra.ms + s.median.stackMs)} with a cold infrastructure` : ''}). Load average ${load(s.loadAverage.before)} → ${load(s.loadAverage.after)}.`,
  ];
}

type Stage = keyof OverheadResult['memory'];
const STAGES: [Stage, string][] = [
  ['idle', 'idle after start'],
  ['afterMeWarmup', 'after `me` warm-up'],
  ['afterMe', 'after `me` load'],
  ['afterLogin', 'after `login` load'],
];

function memorySection(o: OverheadResult): string[] {
  const total = (stage: Stage, field: keyof Memory = 'rss') =>
    o.memory[stage].users[field] + o.memory[stage].gateway[field];
  const row = (name: string, pick: (stage: Stage, field: keyof Memory) => number) =>
    `| ${name} | ${STAGES.map(([stage]) => megabytes(pick(stage, 'rss'))).join(' | ')} | ${megabytes(pick('afterLogin', 'peak'))} |`;
  const after = total('afterLogin');
  const peak = total('afterLogin', 'peak');
  const lines = [
    `## Resident memory (MB, VmRSS; ${o.mode} mode)`,
    '',
    `| process | ${STAGES.map(([, title]) => title).join(' | ')} | peak (VmHWM) |`,
    `|---|${STAGES.map(() => '---:').join('|')}|---:|`,
    row('users', (stage, field) => o.memory[stage].users[field]),
    row('gateway', (stage, field) => o.memory[stage].gateway[field]),
    row('**total**', total),
    '',
  ];
  lines.push(
    `Target — gateway + users under ${megabytes(TARGETS.residentBytes)} MB resident: ${check(after < TARGETS.residentBytes)} (${megabytes(after)} MB after the load, ${megabytes(total('idle'))} MB idle, ${megabytes(peak)} MB adding both peaks).`,
  );
  return lines;
}

export function toMarkdown(report: BenchReport): string {
  const m = report.machine;
  const wip = m.uncommitted.length
    ? ` (+${m.uncommitted.length} uncommitted changes in the measured packages)`
    : '';
  const lines = [
    '# Vitrine benchmarks',
    '',
    `${report.date} · commit ${m.commit}${wip} · Node ${m.node} · ${m.cpus} × ${m.cpuModel} · ${(m.totalMemoryBytes / 2 ** 30).toFixed(0)} GiB · load average ${load(report.loadAverage.start)} at start, ${load(report.loadAverage.end)} at end · first \`pnpm infra up\` ${seconds(report.infra.ms, 2)}`,
    '',
  ];
  if (report.overhead) lines.push(...overheadSection(report.overhead, report.settings), '');
  if (report.storefront) lines.push(...storefrontSection(report.storefront, report.settings), '');
  if (report.webhooks) lines.push(...webhooksSection(report.webhooks, report.settings), '');
  if (report.startup) lines.push(...startupSection(report.startup), '');
  if (report.overhead) lines.push(...memorySection(report.overhead), '');
  return lines.join('\n');
}

/** Writes `<date>.json` and `<date>.md`, plus `latest.*`, under bench/results/. */
export function writeReport(report: BenchReport): { json: string; markdown: string } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = report.date.replace(/[:.]/g, '-');
  const markdown = toMarkdown(report);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  for (const name of [stamp, 'latest']) {
    writeFileSync(join(RESULTS_DIR, `${name}.json`), json);
    writeFileSync(join(RESULTS_DIR, `${name}.md`), markdown);
  }
  return { json: join(RESULTS_DIR, `${stamp}.json`), markdown: join(RESULTS_DIR, `${stamp}.md`) };
}
