import { GraphQLClient, TestTokenIssuer, waitFor } from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from './index.js';
import { startTestGateway } from './testing/test-gateway.js';
import {
  startProductsSubgraph,
  startReviewsSubgraph,
  titleOf,
  type ReviewsSubgraph,
  type TinySubgraph,
} from './testing/tiny-subgraphs.js';

const PRODUCT_REVIEWS = /* GraphQL */ `
  query ProductReviews($productId: ID!) {
    reviews(productId: $productId) {
      body
      product {
        title
      }
    }
  }
`;

let issuer: TestTokenIssuer;
let reviews: ReviewsSubgraph;
let products: TinySubgraph;
let gateway: RunningGateway;
let client: GraphQLClient;

/** How many client calls the subgraphs have received, to prove that some operation made none. */
function subgraphCalls(): number {
  return reviews.received.length + products.received.length;
}

function endpoint(running: RunningGateway, path: string): string {
  return new URL(path, running.url).toString();
}

beforeAll(async () => {
  issuer = await TestTokenIssuer.start();
  reviews = await startReviewsSubgraph(issuer, [
    { id: 'r1', productId: 'p1', body: 'Soft linen' },
    { id: 'r2', productId: 'p2', body: 'Too short' },
  ]);
  products = await startProductsSubgraph(issuer);
  gateway = await startTestGateway({
    issuer,
    subgraphs: [reviews, products].map(({ name, url }) => ({ name, url })),
  });
  client = new GraphQLClient(gateway.url);
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all([reviews?.stop(), products?.stop()]);
  await issuer?.stop();
});

describe('queries through the gateway', () => {
  it('merges data from both subgraphs', async () => {
    expect(await client.data(PRODUCT_REVIEWS, { productId: 'p1' })).toEqual({
      reviews: [{ body: 'Soft linen', product: { title: titleOf('p1') } }],
    });
  });

  it('forwards credentials, request id and client address to every subgraph, over kept-alive connections', async () => {
    const token = await issuer.sign({ sub: 'shopper-1' });
    const response = await client.request(
      PRODUCT_REVIEWS,
      { productId: 'p2' },
      { token, headers: { 'x-request-id': 'req-forwarding-1' } },
    );
    expect(response.errors).toBeUndefined();
    expect(response.headers.get('x-request-id')).toBe('req-forwarding-1');
    for (const subgraph of [reviews, products]) {
      const call = subgraph.received.findLast(
        (r) => r.headers['x-request-id'] === 'req-forwarding-1',
      );
      expect(call?.headers).toMatchObject({
        authorization: `Bearer ${token}`,
        'x-forwarded-for': '127.0.0.1',
        connection: 'keep-alive',
      });
    }
  });

  it('gives a request without an id one of its own, and passes it on', async () => {
    const response = await client.request(PRODUCT_REVIEWS, { productId: 'p1' });
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(reviews.received.at(-1)?.headers['x-request-id']).toBe(requestId);
  });

  it('refuses a forged, expired or malformed token with 401 before any subgraph call', async () => {
    const forger = await TestTokenIssuer.start();
    const forged = await forger.sign({ sub: 'intruder' });
    await forger.stop();
    const expired = await issuer.sign({
      sub: 'shopper-2',
      expiresIn: Math.floor(Date.now() / 1000) - 60,
    });
    const calls = subgraphCalls();

    const cases = [
      { headers: { authorization: `Bearer ${forged}` }, reason: 'TOKEN_INVALID' },
      { headers: { authorization: `Bearer ${expired}` }, reason: 'TOKEN_EXPIRED' },
      { headers: { authorization: 'Basic c2hvcHBlcjpzZWNyZXQ=' }, reason: 'TOKEN_INVALID' },
    ];
    for (const { headers, reason } of cases) {
      const response = await client.request(PRODUCT_REVIEWS, { productId: 'p1' }, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason });
    }
    expect(subgraphCalls()).toBe(calls);
  });

  it('tells clients that subscriptions are served over WebSocket', async () => {
    const response = await client.request('subscription { reviewAdded(productId: "p1") { body } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('blocks simple cross-site requests (CSRF prevention)', async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Cross-Site Request Forgery');
  });
});

describe('operation limits', () => {
  it('rejects a too-deep operation before execution', async () => {
    const calls = subgraphCalls();
    // reviews, 6 × (product, reviews), body: 14 levels.
    const nested = 'product { reviews { '.repeat(6) + 'body' + ' } }'.repeat(6);
    const response = await client.request(`{ reviews(productId: "p1") { ${nested} } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toEqual({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limit: 'depth',
      measured: 14,
      max: 12,
    });
    expect(subgraphCalls()).toBe(calls);
  });

  it('rejects a too-costly operation before execution', async () => {
    const calls = subgraphCalls();
    const response = await client.request(
      '{ reviews(productId: "p1") { product { reviews { product { reviews { body } } } } } }',
    );
    expect(response.status).toBe(400);
    // reviews 1 + 20 × (product 1 + (reviews 1 + 20 × (product 1 + (reviews 1 + 20 × body 1))))
    expect(response.errors?.[0]?.extensions).toEqual({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limit: 'cost',
      measured: 8841,
      max: 5000,
    });
    expect(subgraphCalls()).toBe(calls);
  });

  it('rejects a too-long operation while parsing it', async () => {
    const response = await client.request(`{ ${'__typename '.repeat(2_001)} }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toEqual({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limit: 'tokens',
      max: 2000,
    });
  });
});

describe('health, readiness and metrics', () => {
  it('is alive, and ready when every subgraph answers', async () => {
    const health = await fetch(endpoint(gateway, '/health'));
    expect(health.status).toBe(200);
    const ready = await fetch(endpoint(gateway, '/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      supergraph: true,
      subgraphs: { reviews: true, products: true },
    });
  });

  it('exposes Prometheus metrics of operations and subgraph fetches', async () => {
    await client.data(PRODUCT_REVIEWS, { productId: 'p1' });
    const response = await fetch(endpoint(gateway, '/metrics'));
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(
      /vitrine_gateway_operations_total\{operation="ProductReviews",type="query",outcome="success"\} [1-9]/,
    );
    expect(text).toMatch(
      /vitrine_gateway_operation_duration_seconds_count\{operation="ProductReviews",type="query",outcome="success"\} [1-9]/,
    );
    expect(text).toMatch(
      /vitrine_gateway_subgraph_fetch_duration_seconds_count\{subgraph="products",outcome="success"\} [1-9]/,
    );
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('is not ready while a subgraph is down', async () => {
    const doomed = await startProductsSubgraph(issuer);
    const other = await startTestGateway({
      issuer,
      subgraphs: [reviews, doomed].map(({ name, url }) => ({ name, url })),
    });
    try {
      expect((await fetch(endpoint(other, '/ready'))).status).toBe(200);
      await doomed.stop();
      const report = await waitFor(
        async () => {
          const response = await fetch(endpoint(other, '/ready'));
          return response.status === 503 && (await response.json());
        },
        { message: 'readiness to fail' },
      );
      expect(report).toEqual({
        status: 'unavailable',
        supergraph: true,
        subgraphs: { reviews: true, products: false },
      });
    } finally {
      await other.stop();
    }
  });
});

describe('in production', () => {
  let production: RunningGateway;

  beforeAll(async () => {
    production = await startTestGateway({
      issuer,
      nodeEnv: 'production',
      subgraphs: [reviews, products].map(({ name, url }) => ({ name, url })),
    });
  });

  afterAll(async () => {
    await production?.stop();
  });

  it('serves no introspection (development does)', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    expect(await new GraphQLClient(gateway.url).data(introspection)).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
    const response = await new GraphQLClient(production.url).request(introspection);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.data ?? null).toBeNull();
  });

  it('suggests no field names (development does)', async () => {
    const typo = '{ review(productId: "p1") { body } }';
    const [development] = (await new GraphQLClient(gateway.url).request(typo)).errors ?? [];
    expect(development?.message).toContain('Did you mean "reviews"?');
    const [inProduction] = (await new GraphQLClient(production.url).request(typo)).errors ?? [];
    expect(inProduction).toMatchObject({
      message: 'Cannot query field "review" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it("shows subgraphs' errors with their codes, and no stack traces", async () => {
    const response = await new GraphQLClient(production.url).request(
      '{ reviews(productId: "p1") { body product { ownerOnlyNote } } }',
    );
    expect(response.data).toEqual({
      reviews: [{ body: 'Soft linen', product: { ownerOnlyNote: null } }],
    });
    expect(JSON.stringify(response.errors)).not.toContain('stacktrace');
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      serviceName: 'products',
    });
  });

  it('masks what went wrong inside, such as an unreachable subgraph', async () => {
    const doomed = await startProductsSubgraph(issuer);
    const other = await startTestGateway({
      issuer,
      nodeEnv: 'production',
      subgraphs: [reviews, doomed].map(({ name, url }) => ({ name, url })),
    });
    try {
      await doomed.stop();
      const response = await new GraphQLClient(other.url).request(PRODUCT_REVIEWS, {
        productId: 'p1',
      });
      expect(response.errors).toEqual([
        expect.objectContaining({
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        }),
      ]);
      expect(JSON.stringify(response)).not.toContain(new URL(doomed.url).host);
    } finally {
      await other.stop();
    }
  });
});
