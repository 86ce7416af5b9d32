import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, loadGatewayConfig, routingUrl } from './config.js';

const dir = mkdtempSync(join(tmpdir(), 'gateway-config-'));
const roverConfig = join(dir, 'supergraph.yaml');
writeFileSync(
  roverConfig,
  [
    'federation_version: =2.14.4',
    'subgraphs:',
    '  users:',
    '    routing_url: http://127.0.0.1:3001/graphql',
    '    schema: { file: ./subgraphs/users.graphql }',
    '  orders:',
    '    routing_url: http://127.0.0.1:3004/graphql',
    '    schema: { file: ./subgraphs/orders.graphql }',
  ].join('\n'),
);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(loadGatewayConfig.name, () => {
  it('composes the subgraphs of the rover config in development, with the documented defaults', () => {
    const config = loadGatewayConfig({ SUPERGRAPH_CONFIG: roverConfig });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      supergraph: {
        kind: 'introspection',
        subgraphs: [
          { name: 'users', url: 'http://127.0.0.1:3001/graphql' },
          { name: 'orders', url: 'http://127.0.0.1:3004/graphql' },
        ],
        pollIntervalMs: 10_000,
      },
      limits: DEFAULT_LIMITS,
      trustProxy: false,
      apollo: undefined,
    });
    expect(DEFAULT_LIMITS).toMatchObject({
      maxDepth: 12,
      maxAliases: 30,
      maxDirectives: 50,
      maxCost: 5_000,
      maxTokens: 2_000,
    });
  });

  it('routes a subgraph to its <NAME>_URL when set', () => {
    const config = loadGatewayConfig({
      SUPERGRAPH_CONFIG: roverConfig,
      USERS_URL: 'http://users.internal:8080/graphql',
    });
    expect(routingUrl(config, 'users', 'http://127.0.0.1:3001/graphql')).toBe(
      'http://users.internal:8080/graphql',
    );
    expect(routingUrl(config, 'orders', 'http://127.0.0.1:3004/graphql')).toBe(
      'http://127.0.0.1:3004/graphql',
    );
  });

  it('serves the composed file in production, and insists on it', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(/SUPERGRAPH_PATH/);
    const config = loadGatewayConfig({
      NODE_ENV: 'production',
      SUPERGRAPH_PATH: '/srv/supergraph.graphql',
      MAX_DEPTH: '8',
      TRUST_PROXY: 'true',
      APOLLO_KEY: 'service:vitrine:key',
      APOLLO_GRAPH_REF: 'vitrine@production',
    });
    expect(config).toMatchObject({
      supergraph: { kind: 'file', path: '/srv/supergraph.graphql' },
      limits: { maxDepth: 8 },
      trustProxy: true,
      apollo: { key: 'service:vitrine:key', graphRef: 'vitrine@production' },
    });
  });

  it('refuses half an Apollo configuration and a missing subgraph list', () => {
    expect(() =>
      loadGatewayConfig({ SUPERGRAPH_CONFIG: roverConfig, APOLLO_KEY: 'service:vitrine:key' }),
    ).toThrow(/APOLLO_GRAPH_REF/);
    expect(() => loadGatewayConfig({ SUPERGRAPH_CONFIG: join(dir, 'missing.yaml') })).toThrow(
      /No supergraph/,
    );
  });
});
