/**
 * The part of autocannon's programmatic API that the benchmarks use. autocannon ships no types
 * and `@types/autocannon` describes the 7.x line; this is checked against autocannon 8's README
 * ("Results" and the options of `autocannon(opts)`).
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    /** An hdr-histogram-percentiles-obj summary; latencies in milliseconds. */
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p90: number;
      p97_5: number;
      p99: number;
    }

    /** What `setupRequest` receives and returns: one request, built into bytes afterwards. */
    interface RequestParams {
      method?: 'GET' | 'POST';
      path?: string;
      headers: Record<string, string>;
      body?: string | Buffer;
    }

    interface Request {
      /** Called before each request is built (per connection, also for its first request). */
      setupRequest?: (request: RequestParams, context: object) => RequestParams;
    }

    interface Options {
      url: string;
      method?: 'GET' | 'POST';
      headers?: Record<string, string>;
      body?: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      /** Seconds before a request counts as a timeout. */
      timeout?: number;
      pipelining?: number;
      /** Cycled through by every connection instead of the fixed `body`. */
      requests?: Request[];
      /** Requests in all before the run ends (shared out among the connections); keeps `duration`. */
      maxOverallRequests?: number;
      /** A response whose body this refuses counts in `mismatches`. */
      verifyBody?: (body: string) => boolean;
    }

    interface Result {
      url: string;
      /** Requests per second, sampled each second; `total` is every completed request. */
      requests: Histogram & { sent: number };
      latency: Histogram & { totalCount: number };
      throughput: Histogram;
      /** Seconds. */
      duration: number;
      errors: number;
      timeouts: number;
      mismatches: number;
      non2xx: number;
      connections: number;
      start: Date;
      finish: Date;
    }

    interface Instance extends EventEmitter, PromiseLike<Result> {
      stop(): void;
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
