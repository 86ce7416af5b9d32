import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPlatformConfig, MAX_PAGE_SIZE, parseEnv } from '@vitrine/platform';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { OperationLimits } from './limits/index.js';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/**
 * Where the supergraph comes from: the committed, composed `supergraph.graphql` (production), or
 * live subgraphs introspected and composed by the gateway itself, polled so that a restarted
 * subgraph with a changed schema is picked up (development and tests).
 */
export type SupergraphSource =
  | { kind: 'file'; path: string }
  | { kind: 'introspection'; subgraphs: SubgraphEndpoint[]; pollIntervalMs: number };

export interface GatewayConfig {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  logLevel: string;
  auth: { jwksUrl: string; issuer: string; audience: string };
  supergraph: SupergraphSource;
  /** Routing URL overrides by subgraph name, from `<NAME>_URL`; they win over any declared URL. */
  subgraphUrls: Record<string, string>;
  limits: OperationLimits;
  /** Whether a proxy in front sets X-Forwarded-For; if not, the socket's address is the client's. */
  trustProxy: boolean;
  /** Apollo GraphOS: usage reporting is on when both are set. */
  apollo?: { key: string; graphRef: string };
}

/** The limits of an operation unless the environment says otherwise (see the README). */
export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 50,
  maxCost: 5_000,
  maxTokens: 2_000,
  defaultPageSize: 20,
  maxPageSize: MAX_PAGE_SIZE,
};

/** The rover `supergraph.yaml` of the repository: subgraph names and routing URLs. */
export const DEFAULT_SUPERGRAPH_CONFIG = fileURLToPath(
  new URL('../../schema/supergraph.yaml', import.meta.url),
);

const flag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const env = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    SUPERGRAPH_PATH: z.string().min(1).optional(),
    SUPERGRAPH_CONFIG: z.string().min(1).default(DEFAULT_SUPERGRAPH_CONFIG),
    SUPERGRAPH_POLL_INTERVAL_MS: z.coerce.number().int().min(0).default(10_000),
    MAX_DEPTH: positiveInt(DEFAULT_LIMITS.maxDepth),
    MAX_ALIASES: z.coerce.number().int().min(0).default(DEFAULT_LIMITS.maxAliases),
    MAX_DIRECTIVES: z.coerce.number().int().min(0).default(DEFAULT_LIMITS.maxDirectives),
    MAX_COST: positiveInt(DEFAULT_LIMITS.maxCost),
    MAX_TOKENS: positiveInt(DEFAULT_LIMITS.maxTokens),
    COST_DEFAULT_PAGE_SIZE: positiveInt(DEFAULT_LIMITS.defaultPageSize),
    COST_MAX_PAGE_SIZE: positiveInt(DEFAULT_LIMITS.maxPageSize),
    TRUST_PROXY: flag,
    APOLLO_KEY: z.string().min(1).optional(),
    APOLLO_GRAPH_REF: z.string().min(1).optional(),
  })
  .refine((e) => e.NODE_ENV !== 'production' || e.SUPERGRAPH_PATH, {
    path: ['SUPERGRAPH_PATH'],
    message: 'is required in production (the composed schema/supergraph.graphql)',
  })
  .refine((e) => !e.APOLLO_KEY === !e.APOLLO_GRAPH_REF, {
    path: ['APOLLO_GRAPH_REF'],
    message: 'APOLLO_KEY and APOLLO_GRAPH_REF go together',
  });

const roverConfig = z.object({
  subgraphs: z.record(z.string(), z.object({ routing_url: z.url() })),
});

/** `users` ↔ `USERS_URL`, `delivery-zones` ↔ `DELIVERY_ZONES_URL`. */
function overrideKey(subgraphName: string): string {
  return subgraphName.toLowerCase().replace(/[^a-z0-9]/g, '_');
}

/** Every `<NAME>_URL` variable; only the ones named like a subgraph are ever looked up. */
function subgraphUrlOverrides(source: NodeJS.ProcessEnv): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    const match = /^([A-Z0-9_]+)_URL$/.exec(key);
    if (match && value && URL.canParse(value)) overrides[match[1].toLowerCase()] = value;
  }
  return overrides;
}

/** The routing URL of a subgraph: its `<NAME>_URL` override, or the declared one. */
export function routingUrl(config: Pick<GatewayConfig, 'subgraphUrls'>, name: string, url: string) {
  return config.subgraphUrls[overrideKey(name)] ?? url;
}

/** Reads the subgraph list of a rover `supergraph.yaml` (`subgraphs.<name>.routing_url`). */
function readRoverConfig(path: string): SubgraphEndpoint[] {
  const parsed = roverConfig.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Invalid ${path}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return Object.entries(parsed.data.subgraphs).map(([name, s]) => ({ name, url: s.routing_url }));
}

/**
 * The gateway's configuration from the environment. Production serves the committed supergraph
 * (`SUPERGRAPH_PATH`); elsewhere, unless `SUPERGRAPH_PATH` is set, the gateway composes the
 * subgraphs listed in `SUPERGRAPH_CONFIG` (the repository's rover `schema/supergraph.yaml`).
 */
export function loadGatewayConfig(source: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const platform = loadPlatformConfig('gateway', source);
  const e = parseEnv(env, source);
  let supergraph: SupergraphSource;
  if (e.SUPERGRAPH_PATH) {
    supergraph = { kind: 'file', path: e.SUPERGRAPH_PATH };
  } else if (existsSync(e.SUPERGRAPH_CONFIG)) {
    supergraph = {
      kind: 'introspection',
      subgraphs: readRoverConfig(e.SUPERGRAPH_CONFIG),
      pollIntervalMs: e.SUPERGRAPH_POLL_INTERVAL_MS,
    };
  } else {
    throw new Error(
      `No supergraph: set SUPERGRAPH_PATH, or list the subgraphs in ${e.SUPERGRAPH_CONFIG}`,
    );
  }
  return {
    nodeEnv: e.NODE_ENV,
    host: platform.host,
    port: platform.port,
    logLevel: platform.logLevel,
    auth: platform.auth,
    supergraph,
    subgraphUrls: subgraphUrlOverrides(source),
    limits: {
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxDirectives: e.MAX_DIRECTIVES,
      maxCost: e.MAX_COST,
      maxTokens: e.MAX_TOKENS,
      defaultPageSize: e.COST_DEFAULT_PAGE_SIZE,
      maxPageSize: e.COST_MAX_PAGE_SIZE,
    },
    trustProxy: e.TRUST_PROXY,
    apollo:
      e.APOLLO_KEY && e.APOLLO_GRAPH_REF
        ? { key: e.APOLLO_KEY, graphRef: e.APOLLO_GRAPH_REF }
        : undefined,
  };
}
