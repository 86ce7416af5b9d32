import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  GraphQLClient,
  SubscriptionProbe,
  TestTokenIssuer,
  waitFor,
} from '@vitrine/platform/testing';
import { createClient } from 'graphql-ws';
import type { FormattedExecutionResult } from '../graphql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningGateway } from '../index.js';
import { startTestGateway } from '../testing/test-gateway.js';
import {
  startProductsSubgraph,
  startReviewsSubgraph,
  type Review,
  type ReviewsSubgraph,
  titleOf,
  type TinySubgraph,
} from '../testing/tiny-subgraphs.js';

const REVIEW_ADDED = /* GraphQL */ `
  subscription ReviewAdded($productId: ID!) {
    reviewAdded(productId: $productId) {
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

function review(productId: string, body: string): Review {
  return { id: randomUUID(), productId, body };
}

/** A product id no other test subscribes to, so that subscriber counts are this test's own. */
function freshProduct(): string {
  return `p-${randomUUID().slice(0, 8)}`;
}

beforeAll(async () => {
  issuer = await TestTokenIssuer.start();
  reviews = await startReviewsSubgraph(issuer, []);
  products = await startProductsSubgraph(issuer);
  gateway = await startTestGateway({
    issuer,
    subgraphs: [reviews, products].map(({ name, url }) => ({ name, url })),
  });
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all([reviews?.stop(), products?.stop()]);
  await issuer?.stop();
});

describe('subscriptions through the gateway', () => {
  it('merges fields of other subgraphs into every event, in order', async () => {
    const probe = await SubscriptionProbe.open<{ reviewAdded: unknown }>(
      gateway.url,
      REVIEW_ADDED,
      {
        productId: 'p1',
      },
    );
    try {
      await waitFor(() => reviews.subscribers('p1') === 1, { message: 'upstream subscription' });
      reviews.publish(review('p1', 'Lovely linen'));
      reviews.publish(review('p1', 'Runs small'));

      expect(await probe.next()).toEqual({
        data: { reviewAdded: { body: 'Lovely linen', product: { title: 'Title of p1' } } },
      });
      expect(await probe.next()).toEqual({
        data: { reviewAdded: { body: 'Runs small', product: { title: 'Title of p1' } } },
      });
    } finally {
      await probe.close();
    }
  });

  it("shapes each event to the client's selection: aliases, and only what it asked for", async () => {
    const probe = await SubscriptionProbe.open(
      gateway.url,
      `subscription { added: reviewAdded(productId: "p2") { text: body product { name: title } } }`,
    );
    try {
      await waitFor(() => reviews.subscribers('p2') === 1, { message: 'upstream subscription' });
      reviews.publish(review('p2', 'Perfect fit'));
      expect(await probe.next()).toEqual({
        data: { added: { text: 'Perfect fit', product: { name: 'Title of p2' } } },
      });
    } finally {
      await probe.close();
    }
  });

  it('forwards the credentials and request id to the subgraphs of each event', async () => {
    const token = await issuer.sign({ sub: 'shopper-1' });
    const requestId = `req-${randomUUID()}`;
    const client = createClient({
      url: gateway.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}`, requestId },
      retryAttempts: 0,
    });
    const results = client.iterate({ query: REVIEW_ADDED, variables: { productId: 'p3' } });
    try {
      const first = results.next();
      await waitFor(() => reviews.subscribers('p3') === 1, { message: 'upstream subscription' });
      reviews.publish(review('p3', 'Soft'));
      expect((await first).value).toEqual({
        data: { reviewAdded: { body: 'Soft', product: { title: 'Title of p3' } } },
      });

      const upgrade = reviews.received.findLast((r) => r.transport === 'websocket');
      expect(upgrade?.headers['x-request-id']).toBe(requestId);
      const entityFetch = products.received.findLast(
        (r) => r.headers['x-request-id'] === requestId,
      );
      expect(entityFetch?.headers.authorization).toBe(`Bearer ${token}`);
    } finally {
      await results.return?.(undefined);
      await client.dispose();
    }
  });

  it("reports a subgraph's refusal with its code: signed-in-only subscription, anonymous client", async () => {
    const probe = await SubscriptionProbe.open(
      gateway.url,
      'subscription { myReviewAlerts { body } }',
    );
    try {
      const result = await probe.next();
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        serviceName: 'reviews',
      });
    } finally {
      await probe.close();
    }
  });

  it('serves the signed-in-only subscription to the viewer whose token the subgraph verified', async () => {
    const token = await issuer.sign({ sub: 'owner-7' });
    const probe = await SubscriptionProbe.open(
      gateway.url,
      'subscription { myReviewAlerts { body product { title } } }',
      {},
      token,
    );
    try {
      await waitFor(() => reviews.alertSubscribers('owner-7') === 1, { message: 'upstream' });
      reviews.alert('owner-7', review('p4', 'Alert for you'));
      expect(await probe.next()).toEqual({
        data: { myReviewAlerts: { body: 'Alert for you', product: { title: 'Title of p4' } } },
      });
    } finally {
      await probe.close();
    }
  });

  it("carries entity-fetch errors with the owning subgraph's code next to the data", async () => {
    const productId = freshProduct();
    const probe = await SubscriptionProbe.open(
      gateway.url,
      'subscription ($id: ID!) { reviewAdded(productId: $id) { body product { ownerOnlyNote } } }',
      { id: productId },
    );
    try {
      await waitFor(() => reviews.subscribers(productId) === 1, {
        message: 'upstream subscription',
      });
      reviews.publish(review(productId, 'Nice'));
      const result = await probe.next();
      expect(result.data).toEqual({
        reviewAdded: { body: 'Nice', product: { ownerOnlyNote: null } },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        serviceName: 'products',
      });
    } finally {
      await probe.close();
    }
  });

  it('refuses a forged token when the client connects', async () => {
    const forger = await TestTokenIssuer.start();
    try {
      const forged = await forger.sign({ sub: 'intruder' });
      await expect(
        SubscriptionProbe.open(gateway.url, REVIEW_ADDED, { productId: 'p1' }, forged),
      ).rejects.toThrow('WebSocket closed: 4403 Forbidden');
    } finally {
      await forger.stop();
    }
  });

  it('reports UNAUTHENTICATED when the subgraph refuses a token that expired since connecting', async () => {
    const token = await issuer.sign({ sub: 'shopper-3', expiresIn: '2s' });
    const client = createClient({
      url: gateway.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
    });
    try {
      await new Promise<void>((resolve) => client.on('connected', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const results = client.iterate({ query: REVIEW_ADDED, variables: { productId: 'p1' } });
      const first = (await results.next()).value as FormattedExecutionResult;
      expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect((await results.next()).done).toBe(true);
    } finally {
      await client.dispose();
    }
  });

  it("ends the subgraph's subscription when the client unsubscribes", async () => {
    const productId = freshProduct();
    const probe = await SubscriptionProbe.open(gateway.url, REVIEW_ADDED, { productId });
    await waitFor(() => reviews.subscribers(productId) === 1, { message: 'upstream subscription' });
    await probe.close();
    await waitFor(() => reviews.subscribers(productId) === 0, { message: 'upstream unsubscribe' });
  });

  it("completes the client's subscription when the subgraph completes it", async () => {
    const productId = freshProduct();
    const client = createClient({
      url: gateway.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    try {
      const received: unknown[] = [];
      const done = (async () => {
        for await (const result of client.iterate({
          query: REVIEW_ADDED,
          variables: { productId },
        })) {
          received.push(result.data);
        }
      })();
      await waitFor(() => reviews.subscribers(productId) === 1, {
        message: 'upstream subscription',
      });
      reviews.publish(review(productId, 'Last one'));
      await waitFor(() => received.length === 1, { message: 'the event' });
      reviews.endReviews(productId);
      await done;
      expect(received).toEqual([
        { reviewAdded: { body: 'Last one', product: { title: titleOf(productId) } } },
      ]);
    } finally {
      await client.dispose();
    }
  });

  it('validates and limits subscriptions as HTTP operations are', async () => {
    const client = createClient({
      url: gateway.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    /** The first error of an operation graphql-ws refuses (an `error` message). */
    const firstError = async (query: string) => {
      try {
        for await (const result of client.iterate({ query })) return result;
      } catch (errors) {
        return (errors as { extensions?: unknown }[])[0];
      }
      throw new Error('the operation was not refused');
    };
    try {
      // reviewAdded, 6 × (product, reviews), body: 14 levels.
      const nested = 'product { reviews { '.repeat(6) + 'body' + ' } }'.repeat(6);
      const deep = `subscription { reviewAdded(productId: "p1") { ${nested} } }`;
      expect(await firstError(deep)).toMatchObject({
        extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'depth', measured: 14, max: 12 },
      });
      expect(await firstError('subscription { reviewAdded { body } }')).toMatchObject({
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
      expect(await firstError('{ reviews(productId: "p1") { body } }')).toMatchObject({
        extensions: { code: 'BAD_REQUEST' },
      });
    } finally {
      await client.dispose();
    }
  });
});

describe('when the supergraph changes', () => {
  async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  it('plans new subscriptions against the recomposed supergraph', async () => {
    const port = await freePort();
    let current = await startProductsSubgraph(issuer, { port });
    const polling = await startTestGateway({
      issuer,
      subgraphs: [reviews, current].map(({ name, url }) => ({ name, url })),
      pollIntervalMs: 200,
    });
    const productId = freshProduct();
    const priced = `subscription ($id: ID!) { reviewAdded(productId: $id) { product { priceCents } } }`;
    try {
      const refused = await SubscriptionProbe.open(polling.url, priced, { id: productId });
      await expect(refused.next()).rejects.toThrow(/priceCents/);
      await refused.close();

      // products is redeployed with a new field, at the same address.
      await current.stop();
      current = await startProductsSubgraph(issuer, { port, priced: true });
      await waitFor(
        async () => {
          const response = await new GraphQLClient(polling.url).request(
            '{ product(id: "p1") { priceCents } }',
          );
          return !response.errors;
        },
        { message: 'the recomposed supergraph' },
      );

      const probe = await SubscriptionProbe.open(polling.url, priced, { id: productId });
      try {
        await waitFor(() => reviews.subscribers(productId) === 1, { message: 'upstream' });
        reviews.publish(review(productId, 'Worth it'));
        expect(await probe.next()).toEqual({
          data: { reviewAdded: { product: { priceCents: 4_900 } } },
        });
      } finally {
        await probe.close();
      }
    } finally {
      await polling.stop();
      await current.stop();
    }
  });
});
