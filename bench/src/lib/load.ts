import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { spread, type Spread } from './stats.js';

/** One endpoint under load: a fixed POST (or one built per request) whose answers `verify` must accept. */
export interface Target {
  name: string;
  url: string;
  body: string;
  headers?: Record<string, string>;
  /** Called on every response body; a refused one counts as a mismatch (GraphQL errors are 200s). */
  verify: (body: string) => boolean;
  /**
   * Builds each request instead of the fixed `body` (a new event id, a fresh signature). It may
   * be called a few times more than requests are sent: autocannon builds each connection's first
   * request when it opens, and the next one after every answer, also the last.
   */
  request?: () => { body: string; headers?: Record<string, string> };
  /** Ends the run after this many requests, before `durationSec` if they go faster (a seed). */
  maxRequests?: number;
}

export interface LoadSettings {
  connections: number;
  durationSec: number;
}

export interface LoadResult {
  target: string;
  requests: number;
  /** Completed requests per second over the whole run. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  durationSec: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
}

/** Above this share of failed requests a run measures failures, not the service. */
const MAX_FAILURE_RATE = 0.01;

export async function runLoad(target: Target, settings: LoadSettings): Promise<LoadResult> {
  const build = target.request;
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body,
    connections: settings.connections,
    duration: settings.durationSec,
    timeout: 10,
    verifyBody: target.verify,
    ...(build && {
      requests: [
        {
          setupRequest: (request) => {
            const next = build();
            return {
              ...request,
              body: next.body,
              headers: { ...request.headers, ...next.headers },
            };
          },
        },
      ],
    }),
    ...(target.maxRequests !== undefined && { maxOverallRequests: target.maxRequests }),
  });
  const run: LoadResult = {
    target: target.name,
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    durationSec: result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
  };
  const failed = run.errors + run.non2xx + run.mismatches;
  if (run.requests === 0 || failed > MAX_FAILURE_RATE * (run.requests + run.errors)) {
    throw new Error(
      `${target.name} ${target.url}: ${failed} failed of ${run.requests} (errors ${run.errors}, timeouts ${run.timeouts}, non-2xx ${run.non2xx}, wrong answers ${run.mismatches}); see the service logs`,
    );
  }
  return run;
}

export interface PairedRound {
  round: number;
  /** Which target ran first in this round (the order alternates to cancel drift). */
  first: string;
  candidate: LoadResult;
  baseline: LoadResult;
  /** candidate rps / baseline rps: 1 is free, 0.5 is half the throughput. */
  throughputRatio: number;
  /** candidate p99 / baseline p99: 1 is free, 2 is twice the tail latency. */
  p99Ratio: number;
}

export interface Comparison {
  operation: string;
  settings: LoadSettings;
  candidate: { name: string; rps: Spread; p99Ms: Spread };
  baseline: { name: string; rps: Spread; p99Ms: Spread };
  throughputRatio: Spread;
  p99Ratio: Spread;
  rounds: PairedRound[];
}

export interface CompareOptions {
  operation: string;
  candidate: Target;
  baseline: Target;
  settings: LoadSettings;
  rounds: number;
  /** Lets in-flight work (argon2 hashes) finish between runs. */
  pauseMs?: number;
  log?: (line: string) => void;
}

/**
 * Measures a candidate against its baseline in the same conditions: interleaved runs (ABBA...),
 * a ratio per round, and the median ratio with its range over the rounds. On a shared, noisy
 * machine an absolute figure drifts with everyone else's load; a paired ratio mostly does not.
 */
export async function compareInterleaved(options: CompareOptions): Promise<Comparison> {
  const { operation, candidate, log = () => {} } = options;
  const [comparison] = await compareWithBaseline({
    ...options,
    candidates: [candidate],
    log: (line) => log(`${operation} ${line}`),
  });
  return { ...comparison, operation };
}

export interface BaselineComparisonOptions {
  baseline: Target;
  /** Each compared with the baseline runs of the same round. */
  candidates: Target[];
  settings: LoadSettings;
  rounds: number;
  pauseMs?: number;
  /** After each run, before the pause (lets deferred work of a target finish: an outbox relay). */
  afterRun?: (target: Target, result: LoadResult) => Promise<void>;
  log?: (line: string) => void;
}

/**
 * Several candidates against one baseline in the same conditions: in each round every target runs
 * once, in an order that reverses every round (B C1 C2, C2 C1 B, ...), and each candidate's ratio
 * is taken against that round's baseline run. The median ratio and its range are over the rounds.
 */
export async function compareWithBaseline(
  options: BaselineComparisonOptions,
): Promise<Comparison[]> {
  const { baseline, candidates, settings, pauseMs = 500, log = () => {} } = options;
  const forward = [baseline, ...candidates];
  const rounds = new Map<Target, PairedRound[]>(candidates.map((c) => [c, []]));
  for (let round = 1; round <= options.rounds; round += 1) {
    const order = round % 2 === 1 ? forward : [...forward].reverse();
    const results = new Map<Target, LoadResult>();
    for (const target of order) {
      const result = await runLoad(target, settings);
      results.set(target, result);
      await options.afterRun?.(target, result);
      await sleep(pauseMs);
    }
    const b = results.get(baseline)!;
    const line = [
      `round ${round}/${options.rounds}: ${b.target} ${b.rps.toFixed(0)} req/s p99 ${b.p99Ms} ms`,
    ];
    for (const candidate of candidates) {
      const c = results.get(candidate)!;
      const paired: PairedRound = {
        round,
        first: order[0].name,
        candidate: c,
        baseline: b,
        throughputRatio: c.rps / b.rps,
        p99Ratio: c.p99Ms / b.p99Ms,
      };
      rounds.get(candidate)!.push(paired);
      line.push(
        `${c.target} ${c.rps.toFixed(0)} req/s p99 ${c.p99Ms} ms (×${paired.throughputRatio.toFixed(2)}, p99 ×${paired.p99Ratio.toFixed(2)})`,
      );
    }
    log(line.join('; '));
  }
  return candidates.map((candidate) => {
    const paired = rounds.get(candidate)!;
    return {
      operation: candidate.name,
      settings,
      candidate: {
        name: candidate.name,
        rps: spread(paired.map((r) => r.candidate.rps)),
        p99Ms: spread(paired.map((r) => r.candidate.p99Ms)),
      },
      baseline: {
        name: baseline.name,
        rps: spread(paired.map((r) => r.baseline.rps)),
        p99Ms: spread(paired.map((r) => r.baseline.p99Ms)),
      },
      throughputRatio: spread(paired.map((r) => r.throughputRatio)),
      p99Ratio: spread(paired.map((r) => r.p99Ratio)),
      rounds: paired,
    };
  });
}
