import { findEvent } from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PRODUCT_FIELDS,
  ProductsFactory,
  variantInput,
  type TestBoutique,
  type TestUser,
} from './test/products.factory.js';

let f: ProductsFactory;
let boutique: TestBoutique;
let admin: TestUser;

beforeAll(async () => {
  f = await ProductsFactory.start();
  boutique = await f.boutique();
  admin = await f.admin();
});
afterAll(() => f?.stop());

const SEARCH = `query ($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {
  products(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id title } }
  }
}`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string; title: string } }[];
}

async function search(variables: Record<string, unknown>, token?: string) {
  return (await f.client.data<{ products: Page }>(SEARCH, variables, { token })).products;
}

const eur = (amount: number) => ({ amount, currency: 'EUR' });

async function category(name: string, parentId?: string) {
  const { createCategory } = await f.client.data<{ createCategory: { id: string } }>(
    `mutation ($input: CategoryInput!) { createCategory(input: $input) { id } }`,
    { input: { name: `${name} ${Date.now()}`, parentId } },
    { token: admin.token },
  );
  return createCategory.id;
}

describe('search, filters and sorts', () => {
  let shop: TestBoutique;
  let ids: Record<string, string>;
  let shoes: string;

  beforeAll(async () => {
    shop = await f.boutique();
    const women = await category('Women');
    shoes = await category('Shoes', women);
    const bags = await category('Bags', women);
    const make = async (title: string, input: Record<string, unknown>) =>
      (await f.product(shop, { title, ...input })).id;
    ids = {
      boots: await make('Leather boots', {
        categoryId: shoes,
        brand: 'Nordik',
        variants: [
          variantInput({ size: '38', colour: 'Brown', price: eur(12000) }),
          variantInput({ size: '40', colour: 'Black', price: eur(15000) }),
        ],
      }),
      sneakers: await make('Canvas sneakers', {
        categoryId: shoes,
        tags: ['summer'],
        variants: [variantInput({ size: '40', colour: 'White', price: eur(6000), stock: 0 })],
      }),
      tote: await make('Tote bag', {
        categoryId: bags,
        variants: [variantInput({ size: null, colour: 'Brown', price: eur(9000) })],
      }),
    };
    await f.product(shop, { title: 'Draft boots', categoryId: shoes }, { activate: false });
  });

  const titles = (page: Page) => page.edges.map((e) => e.node.title);

  it('filters by category including its descendants', async () => {
    const women = (
      await f.client.data<{ category: { parent: { id: string } } }>(
        `query ($id: ID) { category(id: $id) { parent { id } } }`,
        { id: shoes },
      )
    ).category.parent.id;
    expect(
      titles(await search({ filter: { boutiqueId: shop.id, categoryId: shoes } })).sort(),
    ).toEqual(['Canvas sneakers', 'Leather boots']);
    expect((await search({ filter: { boutiqueId: shop.id, categoryId: women } })).totalCount).toBe(
      3,
    );
  });

  it('filters by price range, size, colour and stock, and searches words', async () => {
    const only = async (filter: Record<string, unknown>) =>
      titles(await search({ filter: { boutiqueId: shop.id, ...filter } })).sort();
    expect(await only({ minPrice: 8000, maxPrice: 10000 })).toEqual(['Tote bag']);
    expect(await only({ minPrice: 14000 })).toEqual(['Leather boots']);
    expect(await only({ size: '40' })).toEqual(['Canvas sneakers', 'Leather boots']);
    expect(await only({ colour: 'brown' })).toEqual(['Leather boots', 'Tote bag']);
    expect(await only({ inStock: false })).toEqual(['Canvas sneakers']);
    expect(await only({ search: 'nordi boo' })).toEqual(['Leather boots']);
    expect(await only({ search: 'summ' })).toEqual(['Canvas sneakers']);
    expect(await only({ search: 'wom' })).toHaveLength(3); // category names are searchable
  });

  it('sorts by price both ways and by popularity', async () => {
    expect(titles(await search({ filter: { boutiqueId: shop.id }, sort: 'PRICE_ASC' }))).toEqual([
      'Canvas sneakers',
      'Tote bag',
      'Leather boots',
    ]);
    expect(titles(await search({ filter: { boutiqueId: shop.id }, sort: 'PRICE_DESC' }))).toEqual([
      'Leather boots',
      'Tote bag',
      'Canvas sneakers',
    ]);
    const viewers = await Promise.all([f.user(), f.user()]);
    for (const viewer of viewers) {
      await f.client.data(
        `mutation ($id: ID!) { recordProductView(productId: $id) }`,
        { id: ids.tote },
        { token: viewer.token },
      );
    }
    await f.client.data(
      `mutation ($id: ID!) { recordProductView(productId: $id) }`,
      { id: ids.sneakers },
      { token: viewers[0].token },
    );
    expect(titles(await search({ filter: { boutiqueId: shop.id }, sort: 'POPULAR' }))).toEqual([
      'Tote bag',
      'Canvas sneakers',
      'Leather boots',
    ]);
  });

  it('shows drafts to the boutique’s team only', async () => {
    expect((await search({ filter: { boutiqueId: shop.id } })).totalCount).toBe(3);
    expect((await search({ filter: { boutiqueId: shop.id } }, shop.owner.token)).totalCount).toBe(
      4,
    );
    expect(
      titles(await search({ filter: { boutiqueId: shop.id, status: 'DRAFT' } }, admin.token)),
    ).toEqual(['Draft boots']);
    const stranger = await f.user();
    const refused = await f.client.request(
      SEARCH,
      { filter: { boutiqueId: shop.id, status: 'DRAFT' } },
      { token: stranger.token },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const boutiqueProducts = await f.client.data<{
      _entities: { products: { totalCount: number } }[];
    }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Boutique { products { totalCount } } } }`,
      { r: [{ __typename: 'Boutique', id: shop.id }] },
    );
    expect(boutiqueProducts._entities[0].products.totalCount).toBe(3);
  });
});

describe('pagination', () => {
  it('walks every product once with cursors, newest first', async () => {
    const shop = await f.boutique();
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await f.product(shop, { title: `Item ${i}` })).id);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await search({ filter: { boutiqueId: shop.id }, first: 2, after });
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...created].reverse());
    const bad = await f.client.request(SEARCH, { after: 'nope' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('updateProduct', () => {
  it('changes the given fields, searchable at once, and announces what changed', async () => {
    const product = await f.product(boutique, { title: 'Wool scarf' });
    const { updateProduct } = await f.client.data<{
      updateProduct: { title: string; brand: string };
    }>(
      `mutation ($id: ID!) { updateProduct(id: $id, input: { title: "Cashmere scarf", brand: "Loom" }) { title brand } }`,
      { id: product.id },
      { token: boutique.owner.token },
    );
    expect(updateProduct).toEqual({ title: 'Cashmere scarf', brand: 'Loom' });
    expect(
      titles2(await search({ filter: { search: 'cashm loo', boutiqueId: boutique.id } })),
    ).toEqual(['Cashmere scarf']);
    const event = await findEvent(
      f.subgraph.runtime.kafka,
      'vitrine.products',
      'product.updated',
      (e) => e.data.productId === product.id && e.data.changed.includes('title'),
    );
    expect(event.data.changed.sort()).toEqual(['brand', 'title']);
    expect(event.data.snapshot.title).toBe('Cashmere scarf');
  });

  it('announces a price change', async () => {
    const product = await f.product(boutique);
    const variant = product.variants[0];
    await f.client.data(
      `mutation ($p: ID!, $v: ID!) { updateVariant(productId: $p, variantId: $v, input: { price: { amount: 3900, currency: "EUR" } }) { id } }`,
      { p: product.id, v: variant.id },
      { token: boutique.owner.token },
    );
    const event = await findEvent(
      f.subgraph.runtime.kafka,
      'vitrine.products',
      'product.price_changed',
      (e) => e.data.variantId === variant.id,
    );
    expect(event.data).toMatchObject({
      oldPrice: eur(4900),
      newPrice: eur(3900),
      sku: variant.sku,
    });
  });
});

const titles2 = (page: Page) => page.edges.map((e) => e.node.title);

describe('bad input', () => {
  async function refused(query: string, variables: Record<string, unknown>) {
    const response = await f.client.request(query, variables, { token: boutique.owner.token });
    return response.errors?.[0]?.extensions;
  }
  const CREATE = `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }`;
  const ADJUST = `mutation ($p: ID!, $v: ID!, $d: Int!) { adjustStock(productId: $p, variantId: $v, delta: $d) { available } }`;

  it('refuses a product with a negative price or mixed currencies, creating nothing', async () => {
    const before = (await search({ filter: { boutiqueId: boutique.id } }, boutique.owner.token))
      .totalCount;
    expect(
      await refused(CREATE, {
        input: {
          boutiqueId: boutique.id,
          title: 'X',
          variants: [variantInput({ price: eur(-1) })],
        },
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.variants.0.price.amount' });
    expect(
      await refused(CREATE, {
        input: {
          boutiqueId: boutique.id,
          title: 'X',
          variants: [variantInput(), variantInput({ price: { amount: 100, currency: 'USD' } })],
        },
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.variants.1.price.currency' });
    expect(
      await refused(CREATE, {
        input: { boutiqueId: boutique.id, title: 'X', variants: [variantInput({ stock: -3 })] },
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.variants.0.stock' });
    expect(
      (await search({ filter: { boutiqueId: boutique.id } }, boutique.owner.token)).totalCount,
    ).toBe(before);
  });

  it('refuses a SKU used elsewhere in the boutique, leaving no stock behind', async () => {
    const existing = await f.product(boutique);
    const sku = existing.variants[0].sku;
    expect(
      await refused(CREATE, {
        input: {
          boutiqueId: boutique.id,
          title: 'X',
          variants: [variantInput(), variantInput({ sku })],
        },
      }),
    ).toMatchObject({ code: 'CONFLICT', field: 'input.variants.1.sku' });
    const stocks = await f.subgraph.runtime.db.collection('stocks').countDocuments({ sku });
    expect(stocks).toBe(1);
  });

  it('refuses zero adjustments, going below zero and unknown variants, changing nothing', async () => {
    const product = await f.product(boutique, { variants: [variantInput({ stock: 2 })] });
    const v = product.variants[0].id;
    expect(await refused(ADJUST, { p: product.id, v, d: 0 })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'delta',
    });
    expect(await refused(ADJUST, { p: product.id, v, d: -3 })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'delta',
    });
    expect(
      await refused(ADJUST, { p: product.id, v: '5f0000000000000000000000', d: 1 }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variantId' });
    expect((await f.stock(v))!.available).toBe(2);
    const { adjustStock } = await f.client.data<{ adjustStock: { available: number } }>(
      ADJUST,
      { p: product.id, v, d: -2 },
      { token: boutique.owner.token },
    );
    expect(adjustStock.available).toBe(0);
  });

  it('refuses a variant in another currency, and removing the last variant', async () => {
    const product = await f.product(boutique);
    expect(
      await refused(
        `mutation ($p: ID!, $input: VariantInput!) { addVariant(productId: $p, input: $input) { id } }`,
        { p: product.id, input: variantInput({ price: { amount: 100, currency: 'GBP' } }) },
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.price.currency' });
    expect(
      await refused(
        `mutation ($p: ID!, $v: ID!) { removeVariant(productId: $p, variantId: $v) { id } }`,
        { p: product.id, v: product.variants[0].id },
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variantId' });
    const { product: after } = await f.client.data<{ product: { variants: unknown[] } }>(
      `query ($id: ID!) { product(id: $id) { variants { id } } }`,
      { id: product.id },
    );
    expect(after.variants).toHaveLength(1);
  });
});

describe('no N+1', () => {
  it('costs the same number of queries for 10 or 50 products with their stock', async () => {
    const shop = await f.boutique();
    for (let i = 0; i < 50; i++) {
      await f.product(shop, { title: `Bulk ${i}`, variants: [variantInput(), variantInput()] });
    }
    const count = async (first: number) => {
      // Reads of the catalog's collections only: the outbox relay and the consumer work meanwhile.
      const commands: string[] = [];
      const listener = (event: { commandName: string; command: Record<string, unknown> }) => {
        const collection = event.command[event.commandName];
        const background = collection === 'inbox' || /outbox/.test(JSON.stringify(event.command));
        if (['find', 'aggregate', 'count'].includes(event.commandName) && !background) {
          commands.push(`${event.commandName} ${String(collection)}`);
        }
      };
      const mongo = f.subgraph.runtime.db.getClient();
      mongo.on('commandStarted', listener);
      try {
        const { products } = await f.client.data<{
          products: { edges: { node: { variants: { available: number; inStock: boolean }[] } }[] };
        }>(
          `query ($filter: ProductFilter, $first: Int) { products(filter: $filter, first: $first) { edges { node { ${PRODUCT_FIELDS} variants { inStock stock { reserved } } } } } }`,
          { filter: { boutiqueId: shop.id }, first },
          { token: shop.owner.token },
        );
        expect(products.edges).toHaveLength(first);
        expect(products.edges.every((e) => e.node.variants.every((v) => v.available === 10))).toBe(
          true,
        );
      } finally {
        mongo.off('commandStarted', listener);
      }
      return commands.sort();
    };
    const few = await count(10);
    const many = await count(50);
    expect(many).toEqual(few);
    // The viewer's team, the page, its count, one batch of stock, one batch of teams.
    expect(many).toEqual([
      'aggregate products',
      'find boutique_teams',
      'find boutique_teams',
      'find products',
      'find stocks',
    ]);
  });
});

describe('recordProductView', () => {
  it('counts a viewer once per window, and anonymous viewers by address', async () => {
    const product = await f.product(boutique);
    const viewer = await f.user();
    const VIEW = `mutation ($id: ID!) { recordProductView(productId: $id) }`;
    const view = async (opts: { token?: string; headers?: Record<string, string> }) =>
      (await f.client.data<{ recordProductView: boolean }>(VIEW, { id: product.id }, opts))
        .recordProductView;
    expect(await view({ token: viewer.token })).toBe(true);
    expect(await view({ token: viewer.token })).toBe(false);
    expect(await view({ headers: { 'x-forwarded-for': '203.0.113.7' } })).toBe(true);
    expect(await view({ headers: { 'x-forwarded-for': '203.0.113.7' } })).toBe(false);
    expect(await view({ headers: { 'x-forwarded-for': '203.0.113.8' } })).toBe(true);
    const { product: seen } = await f.client.data<{ product: { views: number } }>(
      `query ($id: ID!) { product(id: $id) { views } }`,
      { id: product.id },
    );
    expect(seen.views).toBe(3);
    const event = await findEvent(
      f.subgraph.runtime.kafka,
      'vitrine.products',
      'product.viewed',
      (e) => e.data.productId === product.id && e.data.viewerId === viewer.id,
    );
    expect(event.data.boutiqueId).toBe(boutique.id);
  });

  it('does not count views of a product the viewer cannot see', async () => {
    const draft = await f.product(boutique, {}, { activate: false });
    const response = await f.client.request(
      `mutation ($id: ID!) { recordProductView(productId: $id) }`,
      { id: draft.id },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
