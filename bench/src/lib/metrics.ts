/**
 * The gateway's own Prometheus counters (gateway/src/metrics.ts), read before and after a load so
 * that their difference says what the gateway did for it: how many subgraph fetches per
 * operation, and how its time splits between the subgraphs and itself.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** One histogram's observation count and sum (seconds), for one set of labels. */
export interface Observed {
  count: number;
  sumSeconds: number;
}

export interface GatewayCounters {
  /** `vitrine_gateway_operation_duration_seconds` of successful operations, by operation name. */
  operations: Record<string, Observed>;
  /** `vitrine_gateway_subgraph_fetch_duration_seconds` of successful fetches, by subgraph. */
  fetches: Record<string, Observed>;
}

const SAMPLE = /^([a-z_]+)\{([^}]*)\} ([0-9.e+-]+)$/;

function labelsOf(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/** Reads the success counts and sums of the two histograms from the text exposition format. */
export function parseGatewayMetrics(text: string): GatewayCounters {
  const counters: GatewayCounters = { operations: {}, fetches: {} };
  const add = (into: Record<string, Observed>, key: string, field: keyof Observed, v: number) => {
    into[key] ??= { count: 0, sumSeconds: 0 };
    into[key][field] += v;
  };
  for (const line of text.split('\n')) {
    const match = SAMPLE.exec(line.trim());
    if (!match) continue;
    const [, metric, labelText, value] = match;
    const labels = labelsOf(labelText);
    if (labels.outcome !== 'success') continue;
    const field = metric.endsWith('_count') ? 'count' : metric.endsWith('_sum') ? 'sumSeconds' : '';
    if (!field) continue;
    if (metric.startsWith('vitrine_gateway_operation_duration_seconds_')) {
      add(counters.operations, labels.operation, field, Number(value));
    } else if (metric.startsWith('vitrine_gateway_subgraph_fetch_duration_seconds_')) {
      add(counters.fetches, labels.subgraph, field, Number(value));
    }
  }
  return counters;
}

async function scrape(origin: string): Promise<GatewayCounters> {
  const response = await fetch(`${origin}/metrics`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`${origin}/metrics answered HTTP ${response.status}`);
  return parseGatewayMetrics(await response.text());
}

/**
 * The gateway's counters once it is idle: operations still in flight when a load stops (autocannon
 * does not wait for them) would count their first fetch and not yet their end. Read until two
 * readings 250 ms apart agree (at most 15 s).
 */
export async function scrapeGateway(origin: string): Promise<GatewayCounters> {
  let last = await scrape(origin);
  for (const started = performance.now(); performance.now() - started < 15_000;) {
    await sleep(250);
    const next = await scrape(origin);
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  return last;
}

function minus(after: Observed | undefined, before: Observed | undefined): Observed {
  return {
    count: (after?.count ?? 0) - (before?.count ?? 0),
    sumSeconds: (after?.sumSeconds ?? 0) - (before?.sumSeconds ?? 0),
  };
}

export interface GatewayWork {
  /** Successful operations of that name between the two readings. */
  operations: number;
  /** Mean time of one operation inside the gateway, request to response (ms). */
  operationMeanMs: number;
  /** Per subgraph: fetches per operation, and the mean time of one fetch (ms). */
  fetches: Record<string, { perOperation: number; meanMs: number }>;
}

/** What the gateway did for the operations of `operation` between two readings. */
export function gatewayWork(
  before: GatewayCounters,
  after: GatewayCounters,
  operation: string,
): GatewayWork {
  const ops = minus(after.operations[operation], before.operations[operation]);
  const mean = (o: Observed) => (o.count > 0 ? (o.sumSeconds / o.count) * 1000 : Number.NaN);
  const fetches: GatewayWork['fetches'] = {};
  for (const subgraph of Object.keys(after.fetches)) {
    const f = minus(after.fetches[subgraph], before.fetches[subgraph]);
    if (f.count > 0) fetches[subgraph] = { perOperation: f.count / ops.count, meanMs: mean(f) };
  }
  return { operations: ops.count, operationMeanMs: mean(ops), fetches };
}
