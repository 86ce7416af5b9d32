import { EventEmitter, on } from 'node:events';
import type { IncomingHttpHeaders } from 'node:http';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  createJwtVerifier,
  createLogger,
  Errors,
  requireViewer,
  serveSubgraph,
  type BaseContext,
} from '@vitrine/platform';
import type { TestTokenIssuer } from '@vitrine/platform/testing';
import express from 'express';
import { parse, type GraphQLSchema } from '../graphql.js';

/** What a subgraph received: the gateway's schema loading is left out, it is not a client's call. */
export interface ReceivedRequest {
  transport: 'http' | 'websocket';
  operationName?: string;
  headers: IncomingHttpHeaders;
}

export interface TinySubgraph {
  name: string;
  url: string;
  received: ReceivedRequest[];
  stop(): Promise<void>;
}

const FEDERATION = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])`;
const SCHEMA_LOADING = '__ApolloGetServiceDefinition__';

async function serveTiny(
  name: string,
  schema: GraphQLSchema,
  issuer: TestTokenIssuer,
  port = 0,
): Promise<TinySubgraph> {
  const received: ReceivedRequest[] = [];
  const handle = await serveSubgraph({
    name,
    host: '127.0.0.1',
    port,
    production: false,
    logger: createLogger({ service: name, level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    schema,
    verifier: createJwtVerifier({
      issuer: issuer.issuer,
      audience: issuer.audience,
      keys: issuer.jwksUrl,
    }),
    context: (base: BaseContext) => base,
    readiness: () => Promise.resolve({}),
    routes: (app) => {
      app.post('/graphql', express.json(), (req, _res, next) => {
        const { operationName } = req.body as { operationName?: string };
        if (operationName !== SCHEMA_LOADING) {
          received.push({ transport: 'http', operationName, headers: req.headers });
        }
        next();
      });
    },
  });
  handle.server.on('upgrade', (req: { headers: IncomingHttpHeaders }) => {
    received.push({ transport: 'websocket', headers: req.headers });
  });
  return { name, url: handle.url, received, stop: () => handle.close() };
}

export interface Review {
  id: string;
  body: string;
  productId: string;
}

export interface ReviewsSubgraph extends TinySubgraph {
  /** Publishes a new review to `reviewAdded(productId)` subscribers. */
  publish(review: Review): void;
  /** Alerts one viewer through the signed-in-only `myReviewAlerts`. */
  alert(userId: string, review: Review): void;
  /** Ends the `reviewAdded(productId)` subscriptions of a product. */
  endReviews(productId: string): void;
  /** Subgraph-side subscribers of a product's reviews: what proves an upstream unsubscribe. */
  subscribers(productId: string): number;
  /** Subgraph-side subscribers of a viewer's alerts. */
  alertSubscribers(userId: string): number;
}

/**
 * The owner of reviews: `reviewAdded` is public, `myReviewAlerts` is for signed-in viewers only;
 * both are fed by an in-memory emitter. It contributes `Product.reviews`, which makes operations
 * as deep as a test wants.
 */
export async function startReviewsSubgraph(
  issuer: TestTokenIssuer,
  reviews: Review[],
): Promise<ReviewsSubgraph> {
  const events = new EventEmitter();
  const toEntity = (review: Review) => ({ ...review, product: { id: review.productId } });
  const schema = buildSubgraphSchema({
    typeDefs: parse(`
      ${FEDERATION}
      type Review @key(fields: "id") { id: ID! body: String! product: Product! }
      type Product @key(fields: "id") { id: ID! reviews: [Review!]! }
      type Query { reviews(productId: ID!): [Review!]! }
      type Subscription {
        reviewAdded(productId: ID!): Review!
        myReviewAlerts: Review!
      }
    `),
    resolvers: {
      Query: {
        reviews: (_: unknown, { productId }: { productId: string }) =>
          reviews.filter((r) => r.productId === productId).map(toEntity),
      },
      Product: {
        reviews: ({ id }: { id: string }) =>
          reviews.filter((r) => r.productId === id).map(toEntity),
      },
      Review: {
        __resolveReference: ({ id }: { id: string }) => {
          const review = reviews.find((r) => r.id === id);
          return review && toEntity(review);
        },
      },
      Subscription: {
        reviewAdded: {
          // `close` ends the iterator (and the subscription) when `endReviews` is called.
          subscribe: (_: unknown, { productId }: { productId: string }) =>
            on(events, `review:${productId}`, { close: [`end:${productId}`] }),
          resolve: ([review]: [Review]) => toEntity(review),
        },
        myReviewAlerts: {
          subscribe: (_: unknown, __: unknown, ctx: unknown) => {
            const viewer = requireViewer(ctx as BaseContext);
            return on(events, `alert:${viewer.id}`);
          },
          resolve: ([review]: [Review]) => toEntity(review),
        },
      },
    },
  });
  const subgraph = await serveTiny('reviews', schema, issuer);
  return {
    ...subgraph,
    publish: (review) => events.emit(`review:${review.productId}`, review),
    alert: (userId, review) => events.emit(`alert:${userId}`, review),
    endReviews: (productId) => events.emit(`end:${productId}`),
    subscribers: (productId) => events.listenerCount(`review:${productId}`),
    alertSubscribers: (userId) => events.listenerCount(`alert:${userId}`),
  };
}

/** The title every product has in the products subgraph (all ids exist there). */
export function titleOf(productId: string): string {
  return `Title of ${productId}`;
}

export interface ProductsOptions {
  /** A fixed port, to restart "the same" subgraph. */
  port?: number;
  /** The next release of products, which adds `Product.priceCents`. */
  priced?: boolean;
}

/** The owner of products; `ownerOnlyNote` is refused to everyone, with the subgraph's FORBIDDEN. */
export async function startProductsSubgraph(
  issuer: TestTokenIssuer,
  { port, priced = false }: ProductsOptions = {},
): Promise<TinySubgraph> {
  const product = (id: string) => ({ id, title: titleOf(id), priceCents: 4_900 });
  const schema = buildSubgraphSchema({
    typeDefs: parse(`
      ${FEDERATION}
      type Product @key(fields: "id") {
        id: ID!
        title: String!
        ownerOnlyNote: String
        ${priced ? 'priceCents: Int!' : ''}
      }
      type Query { product(id: ID!): Product }
    `),
    resolvers: {
      Query: {
        product: (_: unknown, { id }: { id: string }) => product(id),
      },
      Product: {
        __resolveReference: ({ id }: { id: string }) => product(id),
        ownerOnlyNote: () => {
          throw Errors.forbidden();
        },
      },
    },
  });
  return serveTiny('products', schema, issuer, port);
}
