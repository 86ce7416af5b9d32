import type { SubgraphEndpoint } from './config.js';

export interface ReadinessReport {
  ready: boolean;
  supergraph: boolean;
  subgraphs: Record<string, boolean>;
}

/** A subgraph's liveness endpoint, beside its `/graphql`. */
function healthUrl(subgraphUrl: string): string {
  return new URL('/health', subgraphUrl).toString();
}

async function answers(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Responsible for `/ready`: the gateway is ready when it serves a supergraph and every subgraph
 * of it answers its `/health`. Orchestrators poll this often, so a report is reused for `ttlMs`
 * (concurrent polls share one round of checks) rather than multiplied across all subgraphs.
 */
export class Readiness {
  private cached?: { at: number; report: Promise<ReadinessReport> };

  constructor(
    private readonly subgraphs: () => SubgraphEndpoint[] | undefined,
    private readonly ttlMs = 2_000,
    private readonly timeoutMs = 1_500,
  ) {}

  check(): Promise<ReadinessReport> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > this.ttlMs) {
      this.cached = { at: now, report: this.run() };
    }
    return this.cached.report;
  }

  private async run(): Promise<ReadinessReport> {
    const subgraphs = this.subgraphs();
    if (!subgraphs) return { ready: false, supergraph: false, subgraphs: {} };
    const results = await Promise.all(
      subgraphs.map(async ({ name, url }) => [name, await answers(healthUrl(url), this.timeoutMs)]),
    );
    const health = Object.fromEntries(results) as Record<string, boolean>;
    return { ready: Object.values(health).every(Boolean), supergraph: true, subgraphs: health };
  }
}
