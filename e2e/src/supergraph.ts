import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createGateway, DEFAULT_LIMITS, type RunningGateway } from '@vitrine/gateway';
import { createKafka, createLogger, topicOfDomain, type RunningSubgraph } from '@vitrine/platform';
import {
  disposeTestSubgraph,
  GraphQLClient,
  startGroupAtEnd,
  testConfig,
} from '@vitrine/platform/testing';
import { createBoutiquesSubgraph, loadBoutiquesConfig } from '@vitrine/boutiques';
import { createOrdersSubgraph, loadOrdersConfig } from '@vitrine/orders';
import { createProductsSubgraph, loadProductsConfig } from '@vitrine/products';
import { createUsersSubgraph, JWKS_PATH, loadUsersConfig } from '@vitrine/users';

/** The committed supergraph: e2e tests run the schema that production serves. */
const SUPERGRAPH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

export interface Supergraph {
  gateway: RunningGateway;
  /** A client of the gateway, as a frontend uses it. */
  client: GraphQLClient;
  admin: { email: string; password: string };
  subgraphs: RunningSubgraph[];
  stop(): Promise<void>;
}

/**
 * Starts every subgraph and the gateway in this process, each on a free port, against the local
 * infrastructure, with the gateway serving the committed supergraph routed to them.
 */
/** Every subgraph's config for this run; their consumer groups start at the end of the topics. */
async function configs() {
  const base = {
    users: testConfig('users'),
    boutiques: testConfig('boutiques'),
    products: testConfig('products'),
    orders: testConfig('orders'),
  };
  const kafka = createKafka(
    'vitrine-e2e',
    base.users.kafka.brokers,
    createLogger({ service: 'gateway', level: 'silent' }),
  );
  const topics = DOMAIN_TOPICS.map(topicOfDomain);
  await Promise.all(
    Object.values(base).map((config) => startGroupAtEnd(kafka, config.kafka.groupPrefix, topics)),
  );
  return base;
}

const DOMAIN_TOPICS = ['users', 'boutiques', 'products', 'orders', 'payments'] as const;

export async function startSupergraph(): Promise<Supergraph> {
  const base = await configs();
  const admin = {
    email: `admin.${randomUUID().slice(0, 8)}@vitrine.test`,
    password: 'Admin-Password-1',
  };
  const users = await createUsersSubgraph({
    ...loadUsersConfig({}, base.users),
    argon2MemoryKib: 8192,
    bootstrapAdmin: admin,
  });
  const usersOrigin = new URL(users.url).origin;
  const auth = {
    jwksUrl: `${usersOrigin}${JWKS_PATH}`,
    issuer: 'vitrine-users',
    audience: 'vitrine',
  };
  const boutiques = await createBoutiquesSubgraph({
    ...loadBoutiquesConfig({}, base.boutiques),
    auth,
  });
  const products = await createProductsSubgraph({
    ...loadProductsConfig({}, base.products),
    auth,
  });
  const orders = await createOrdersSubgraph({
    ...loadOrdersConfig({}, base.orders),
    auth,
  });
  const subgraphs = [users, boutiques, products, orders];
  const gateway = await createGateway({
    nodeEnv: 'test',
    host: '127.0.0.1',
    port: 0,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    auth,
    supergraph: { kind: 'file', path: SUPERGRAPH },
    subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
    limits: DEFAULT_LIMITS,
    trustProxy: false,
  });
  return {
    gateway,
    client: new GraphQLClient(gateway.url),
    admin,
    subgraphs,
    stop: async () => {
      await gateway.stop();
      await Promise.all(subgraphs.map((s) => disposeTestSubgraph(s)));
    },
  };
}
