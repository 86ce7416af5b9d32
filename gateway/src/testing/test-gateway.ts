import type { TestTokenIssuer } from '@vitrine/platform/testing';
import { DEFAULT_LIMITS, type GatewayConfig, type SubgraphEndpoint } from '../config.js';
import { createGateway, type RunningGateway } from '../index.js';

export interface TestGatewayOptions {
  issuer: TestTokenIssuer;
  subgraphs: SubgraphEndpoint[];
  nodeEnv?: GatewayConfig['nodeEnv'];
  /** Recompose from the subgraphs this often (0: never). */
  pollIntervalMs?: number;
}

/** A gateway in this process on a free port, composing the given subgraphs, trusting `issuer`. */
export function startTestGateway({
  issuer,
  subgraphs,
  nodeEnv = 'test',
  pollIntervalMs = 0,
}: TestGatewayOptions): Promise<RunningGateway> {
  return createGateway({
    nodeEnv,
    host: '127.0.0.1',
    port: 0,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    auth: { jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience },
    supergraph: { kind: 'introspection', subgraphs, pollIntervalMs },
    subgraphUrls: {},
    limits: DEFAULT_LIMITS,
    trustProxy: false,
  });
}
