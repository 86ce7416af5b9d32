/**
 * The storefront query of the "Commerce core" issue: a page of 50 active products with their
 * boutique, searched, filtered and sorted, through the gateway (products + an `_entities` fetch to
 * boutiques) against the products subgraph alone (the same query with `boutique { id }` only),
 * interleaved over several rounds and reported as gateway/direct ratios.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { build, type BuildResult } from './lib/build.js';
import { graphql, operationBody } from './lib/graphql.js';
import { compareInterleaved, runLoad, type Comparison, type Target } from './lib/load.js';
import { gatewayWork, scrapeGateway, type GatewayWork } from './lib/metrics.js';
import type { ServiceProcess } from './lib/processes.js';
import {
  BOOTSTRAP_ADMIN,
  launchGateway,
  launchSubgraph,
  type ServiceContext,
} from './lib/services.js';
import { loadAverage, type Memory } from './lib/system.js';

/** What the services need built: the gateway and the three subgraphs it routes to here. */
const PROJECTS = [
  'platform',
  'gateway',
  'subgraphs/products',
  'subgraphs/boutiques',
  'subgraphs/users',
];

/** The storefront's filter: a word most titles share, in stock, a price band (minor units). */
const FILTER = { search: 'linen', inStock: true, minPrice: 2_500, maxPrice: 15_000 };
const PAGE_SIZE = 50;

const productFields = (boutique: string) => /* GraphQL */ `
  query Storefront($filter: ProductFilter!, $first: Int!) {
    products(filter: $filter, sort: PRICE_ASC, first: $first) {
      totalCount
      edges {
        node {
          id
          title
          minPrice {
            amount
            currency
          }
          variants {
            sku
            price {
              amount
            }
          }
          boutique {
            ${boutique}
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;
/** Through the gateway: the boutique's name and slug come from the boutiques subgraph. */
const STOREFRONT = productFields('id name slug');
/** On the products subgraph alone, which owns only the boutique's key. */
const STOREFRONT_DIRECT = productFields('id');

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      accessToken
    }
  }
`;
const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
    }
  }
`;
const APPLY = /* GraphQL */ `
  mutation Apply($input: ApplyForBoutiqueInput!) {
    applyForBoutique(input: $input) {
      id
      name
      slug
    }
  }
`;
const APPROVE = /* GraphQL */ `
  mutation Approve($id: ID!) {
    approveBoutique(id: $id) {
      status
    }
  }
`;
const CREATE_PRODUCT = /* GraphQL */ `
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
    }
  }
`;
const ACTIVATE = /* GraphQL */ `
  mutation Activate($id: ID!) {
    setProductStatus(id: $id, status: ACTIVE) {
      status
    }
  }
`;

export interface StorefrontOptions {
  context: ServiceContext;
  rounds: number;
  durationSec: number;
  warmupSec: number;
  connections: number;
  /** Products seeded, spread over three boutiques. */
  products: number;
  log: (line: string) => void;
}

export interface StorefrontResult {
  mode: ServiceContext['mode'];
  build: BuildResult;
  seed: {
    boutiques: number;
    products: number;
    /** Products matching the storefront's filter: `totalCount`. */
    matching: number;
    /** From the approvals until products' read model accepted a product of each boutique. */
    readModelMs: number;
    /** Registering, applying, approving, creating and activating, through the gateway. */
    ms: number;
  };
  /** Response sizes of one page, in bytes. */
  responseBytes: { gateway: number; direct: number };
  /** Distinct boutiques in the page: the gateway sends one representation per product anyway. */
  boutiquesInPage: number;
  storefront: Comparison;
  /** What the gateway did for its storefront queries during the measured rounds (its metrics). */
  gatewayWork: GatewayWork;
  memory: Record<'users' | 'boutiques' | 'products' | 'gateway', Memory>;
  loadAverage: { before: number[]; after: number[] };
}

interface SeedProduct {
  boutique: number;
  title: string;
  minPrice: number;
  maxPrice: number;
  inStock: boolean;
}

const GARMENTS = ['shirt', 'dress', 'trousers', 'jacket', 'scarf', 'skirt', 'blouse', 'shorts'];
const COLOURS = ['natural', 'sand', 'navy', 'olive', 'black'];
const SIZES = ['S', 'M', 'L'];
const BRANDS = ['Atelier Nord', 'Maison Sud', 'Fil Rouge'];

/**
 * A deterministic catalog: four titles in five share the searched word, base prices spread over
 * 15.00–194.00 EUR (sizes add 5.00 each), and every tenth product is sold out.
 */
function catalog(count: number): SeedProduct[] {
  return Array.from({ length: count }, (_, i) => {
    const base = 1_500 + ((i * 37) % 180) * 100;
    const garment = GARMENTS[i % GARMENTS.length];
    return {
      boutique: i % 3,
      title: i % 5 === 4 ? `Merino wool ${garment} ${i}` : `Linen ${garment} ${i}`,
      minPrice: base,
      maxPrice: base + (SIZES.length - 1) * 500,
      inStock: i % 10 !== 7,
    };
  });
}

function matches(p: SeedProduct): boolean {
  return (
    p.title.startsWith('Linen') &&
    p.inStock &&
    p.maxPrice >= FILTER.minPrice &&
    p.minPrice <= FILTER.maxPrice
  );
}

function productInput(p: SeedProduct, index: number, boutiqueId: string) {
  return {
    boutiqueId,
    title: p.title,
    description: 'Woven and sewn in small runs.',
    brand: BRANDS[p.boutique],
    tags: ['summer', 'natural fibre'],
    variants: SIZES.map((size, s) => ({
      sku: `SF-${index}-${size}`,
      size,
      colour: COLOURS[index % COLOURS.length],
      price: { amount: p.minPrice + s * 500, currency: 'EUR' },
      stock: p.inStock ? 2 + ((index + s) % 5) : 0,
    })),
  };
}

function boutiqueInput(n: number, runId: string) {
  return {
    name: `Storefront ${['Nord', 'Sud', 'Ouest'][n]} ${runId}`,
    description: 'A benchmark boutique',
    contact: { email: `boutique${n}.${runId}@bench.vitrine.test` },
    address: {
      line1: `${n + 1} rue de la Soie`,
      city: 'Lyon',
      postalCode: '69001',
      country: 'FR',
      latitude: 45.76 + n / 100,
      longitude: 4.83 + n / 100,
    },
    openingHours: {
      timezone: 'Europe/Paris',
      days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'].map((weekday) => ({
        weekday,
        ranges: [{ opens: '09:00', closes: '19:00' }],
      })),
    },
    categories: ['fashion'],
  };
}

/** Retries `attempt` until it succeeds (a read model fed through Kafka), or throws its last error. */
async function eventually<T>(attempt: () => Promise<T>, what: string, timeoutMs: number) {
  const started = performance.now();
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (performance.now() - started > timeoutMs) {
        throw new Error(`${what} after ${timeoutMs / 1000} s: ${String(err)}`);
      }
      await sleep(250);
    }
  }
}

/** Runs `task` over `items`, `width` at a time. */
async function inParallel<T>(items: T[], width: number, task: (item: T) => Promise<void>) {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

interface Boutique {
  id: string;
  name: string;
  slug: string;
}

/** Everything through the gateway, as clients do it; returns the seeded boutiques and catalog. */
async function seed(gatewayUrl: string, options: StorefrontOptions) {
  const { log, context } = options;
  const started = performance.now();
  const call = <T>(query: string, variables: Record<string, unknown>, token?: string) =>
    graphql<T>(gatewayUrl, query, variables, token);
  const [{ register }, { login }] = await Promise.all([
    call<{ register: { accessToken: string } }>(REGISTER, {
      input: {
        email: `owner.${context.runId}@bench.vitrine.test`,
        password: 'Vitrine-Bench-2026!',
        firstName: 'Owner',
      },
    }),
    call<{ login: { accessToken: string } }>(LOGIN, { input: BOOTSTRAP_ADMIN }),
  ]);
  const owner = register.accessToken;
  const boutiques: Boutique[] = [];
  for (let n = 0; n < 3; n += 1) {
    const { applyForBoutique } = await call<{ applyForBoutique: Boutique }>(
      APPLY,
      { input: boutiqueInput(n, context.runId) },
      owner,
    );
    await call(APPROVE, { id: applyForBoutique.id }, login.accessToken);
    boutiques.push(applyForBoutique);
  }
  log(`seed: 3 boutiques applied for and approved; waiting for products' read model`);

  const products = catalog(options.products);
  const create = async (index: number, waitForCatalog = false) => {
    const p = products[index];
    const input = productInput(p, index, boutiques[p.boutique].id);
    const once = () => call<{ createProduct: { id: string } }>(CREATE_PRODUCT, { input }, owner);
    const { createProduct } = waitForCatalog
      ? await eventually(once, `boutique ${p.boutique + 1} unknown to products' read model`, 90_000)
      : await once();
    await call(ACTIVATE, { id: createProduct.id }, owner);
  };
  // The first product of each boutique waits until the catalog has heard of its approval.
  const approved = performance.now();
  await Promise.all(boutiques.map((_, n) => create(n, true)));
  const readModelMs = performance.now() - approved;
  log(`seed: read model ready after ${(readModelMs / 1000).toFixed(1)} s; creating products`);
  await inParallel(products.map((_, i) => i).slice(boutiques.length), 4, (index) => create(index));
  return {
    boutiques,
    products,
    readModelMs,
    ms: performance.now() - started,
  };
}

interface Page {
  totalCount: number;
  edges: {
    node: {
      id: string;
      title: string;
      minPrice: { amount: number; currency: string };
      variants: { sku: string; price: { amount: number } }[];
      boutique: Partial<Boutique> & { id: string };
    };
  }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/**
 * The first page must be the expected one on both paths (and the same), with the boutiques'
 * names and slugs through the gateway: a speed of wrong answers means nothing.
 */
function checkPages(
  gateway: Page,
  direct: Page,
  expected: { matching: number; prices: number[]; boutiques: Boutique[] },
): void {
  const fail = (why: string) => {
    throw new Error(`storefront page: ${why}`);
  };
  for (const [name, page] of [
    ['gateway', gateway],
    ['direct', direct],
  ] as const) {
    if (page.totalCount !== expected.matching) {
      fail(`${name} totalCount ${page.totalCount}, expected ${expected.matching}`);
    }
    if (page.edges.length !== PAGE_SIZE) fail(`${name} has ${page.edges.length} edges`);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) fail(`${name} has no next page`);
    const prices = page.edges.map((e) => e.node.minPrice.amount);
    if (JSON.stringify(prices) !== JSON.stringify(expected.prices)) {
      fail(`${name} prices ${prices.join(',')}, expected ${expected.prices.join(',')}`);
    }
  }
  const ids = (page: Page) => page.edges.map((e) => e.node.id).join(',');
  if (ids(gateway) !== ids(direct)) fail('the gateway and the subgraph list different products');
  if (gateway.pageInfo.endCursor !== direct.pageInfo.endCursor) fail('the cursors differ');
  for (const { node } of gateway.edges) {
    const boutique = expected.boutiques.find((b) => b.id === node.boutique.id);
    if (!boutique || node.boutique.name !== boutique.name || node.boutique.slug !== boutique.slug) {
      fail(`product ${node.id} has boutique ${JSON.stringify(node.boutique)}`);
    }
  }
}

/** A body is accepted when it is the checked page: same count, same last cursor, no errors. */
function accepts(page: Page, names: string[] = []): (body: string) => boolean {
  const fragments = [
    `"totalCount":${page.totalCount}`,
    `"endCursor":${JSON.stringify(page.pageInfo.endCursor)}`,
    ...names.map((name) => `"name":${JSON.stringify(name)}`),
  ];
  return (body) => !body.includes('"errors"') && fragments.every((f) => body.includes(f));
}

async function measure(
  options: StorefrontOptions,
  services: { users: ServiceProcess; boutiques: ServiceProcess; products: ServiceProcess },
  gateway: ServiceProcess,
  buildResult: BuildResult,
): Promise<Omit<StorefrontResult, 'loadAverage'>> {
  const { log } = options;
  const seeded = await seed(gateway.graphqlUrl, options);
  const matching = seeded.products.filter(matches);
  if (matching.length <= PAGE_SIZE) {
    throw new Error(`only ${matching.length} products match: seed more (--storefront-products)`);
  }
  const expected = {
    matching: matching.length,
    prices: matching
      .map((p) => p.minPrice)
      .sort((a, b) => a - b)
      .slice(0, PAGE_SIZE),
    boutiques: seeded.boutiques,
  };
  log(
    `seed: ${seeded.products.length} products in ${(seeded.ms / 1000).toFixed(1)} s, ${matching.length} match the storefront's filter`,
  );

  const variables = { filter: FILTER, first: PAGE_SIZE };
  const raw = async (url: string, query: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: operationBody(query, variables),
      signal: AbortSignal.timeout(10_000),
    });
    return response.text();
  };
  // Anonymous, as a storefront visitor: public queries need no token.
  const pages = await eventually(
    async () => {
      const [gatewayBody, directBody] = await Promise.all([
        raw(gateway.graphqlUrl, STOREFRONT),
        raw(services.products.graphqlUrl, STOREFRONT_DIRECT),
      ]);
      const page = (body: string) =>
        (JSON.parse(body) as { data: { products: Page } }).data.products;
      checkPages(page(gatewayBody), page(directBody), expected);
      return { gatewayBody, directBody, gateway: page(gatewayBody) };
    },
    'the storefront page',
    30_000,
  );
  const names = [...new Set(pages.gateway.edges.map((e) => e.node.boutique.name ?? ''))];

  const targets = {
    gateway: {
      name: 'gateway',
      url: gateway.graphqlUrl,
      body: operationBody(STOREFRONT, variables),
      verify: accepts(pages.gateway, names),
    },
    direct: {
      name: 'direct',
      url: services.products.graphqlUrl,
      body: operationBody(STOREFRONT_DIRECT, variables),
      verify: accepts(pages.gateway),
    },
  } satisfies Record<string, Target>;

  log(`storefront: warming up ${options.warmupSec} s per target`);
  for (const t of [targets.gateway, targets.direct]) {
    await runLoad(t, { connections: options.connections, durationSec: options.warmupSec });
  }
  const before = await scrapeGateway(gateway.origin);
  const storefront = await compareInterleaved({
    operation: 'storefront',
    candidate: targets.gateway,
    baseline: targets.direct,
    settings: { connections: options.connections, durationSec: options.durationSec },
    rounds: options.rounds,
    log,
  });
  const after = await scrapeGateway(gateway.origin);
  return {
    mode: options.context.mode,
    build: buildResult,
    seed: {
      boutiques: seeded.boutiques.length,
      products: seeded.products.length,
      matching: matching.length,
      readModelMs: seeded.readModelMs,
      ms: seeded.ms,
    },
    responseBytes: {
      gateway: Buffer.byteLength(pages.gatewayBody),
      direct: Buffer.byteLength(pages.directBody),
    },
    boutiquesInPage: names.length,
    storefront,
    gatewayWork: gatewayWork(before, after, 'Storefront'),
    memory: {
      users: services.users.memory(),
      boutiques: services.boutiques.memory(),
      products: services.products.memory(),
      gateway: gateway.memory(),
    },
  };
}

/**
 * Builds, starts users, then boutiques and products, then the gateway (production mode, a
 * supergraph composed from their committed SDL), seeds, measures, and always stops them.
 */
export async function runStorefront(options: StorefrontOptions): Promise<StorefrontResult> {
  const before = loadAverage();
  const { context, log } = options;
  log(`build (tsc -b ${PROJECTS.join(' ')})`);
  const buildResult = await build(PROJECTS);
  if (buildResult.exitCode !== 0) {
    // tsc -b still emits the projects with type errors: the figures are of what it emitted.
    log(
      `tsc -b exited ${buildResult.exitCode} with ${buildResult.errors.length} type errors; measuring what it emitted:\n  ${buildResult.errors.join('\n  ')}`,
    );
  }
  log(`starting users, boutiques, products and gateway (${context.mode})`);
  const started: ServiceProcess[] = [];
  const start = async (launch: Promise<ServiceProcess>) => {
    const service = await launch;
    started.push(service);
    await service.waitReady();
    return service;
  };
  try {
    const users = await start(launchSubgraph(context, 'users'));
    // Side by side; allSettled so that both are known (and stopped) whichever fails.
    const [boutiques, products] = (
      await Promise.allSettled([
        start(launchSubgraph(context, 'boutiques', users)),
        start(launchSubgraph(context, 'products', users)),
      ])
    ).map((outcome) => {
      if (outcome.status === 'rejected') {
        throw outcome.reason instanceof Error ? outcome.reason : new Error(String(outcome.reason));
      }
      return outcome.value;
    });
    const gateway = await start(launchGateway(context, { users, boutiques, products }));
    const result = await measure(options, { users, boutiques, products }, gateway, buildResult);
    return { ...result, loadAverage: { before, after: loadAverage() } };
  } finally {
    // The gateway first, then the subgraphs, as a deployment drains.
    for (const service of started.reverse()) await service.stop();
  }
}
