import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ProductsFactory,
  variantInput,
  type TestBoutique,
  type TestUser,
} from './test/products.factory.js';

let f: ProductsFactory;
let boutique: TestBoutique;
let rival: TestBoutique;
let actors: Record<string, TestUser | null>;

beforeAll(async () => {
  f = await ProductsFactory.start();
  [boutique, rival] = await Promise.all([f.boutique({ staff: 1 }), f.boutique()]);
  actors = {
    anonymous: null,
    customer: await f.user(),
    'another customer': await f.user(),
    owner: boutique.owner,
    "another boutique's owner": rival.owner,
    staff: boutique.staff[0],
    admin: await f.admin(),
  };
});
afterAll(() => f?.stop());

interface Case {
  query: string;
  /** Fresh variables for one attempt (a product of the boutique to act on). */
  variables: () => Promise<Record<string, unknown>>;
}

async function target() {
  const product = await f.product(boutique, { variants: [variantInput(), variantInput()] });
  return { productId: product.id, variantId: product.variants[1].id };
}

const cases: Record<string, Case> = {
  createProduct: {
    query: `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
    variables: () =>
      Promise.resolve({
        input: { boutiqueId: boutique.id, title: 'Coat', variants: [variantInput()] },
      }),
  },
  updateProduct: {
    query: `mutation ($productId: ID!) { updateProduct(id: $productId, input: { title: "Renamed" }) { id } }`,
    variables: target,
  },
  setProductStatus: {
    query: `mutation ($productId: ID!) { setProductStatus(id: $productId, status: ARCHIVED) { id } }`,
    variables: target,
  },
  addVariant: {
    query: `mutation ($productId: ID!, $input: VariantInput!) { addVariant(productId: $productId, input: $input) { id } }`,
    variables: async () => ({ ...(await target()), input: variantInput() }),
  },
  updateVariant: {
    query: `mutation ($productId: ID!, $variantId: ID!) { updateVariant(productId: $productId, variantId: $variantId, input: { size: "XL" }) { id } }`,
    variables: target,
  },
  removeVariant: {
    query: `mutation ($productId: ID!, $variantId: ID!) { removeVariant(productId: $productId, variantId: $variantId) { id } }`,
    variables: target,
  },
  adjustStock: {
    query: `mutation ($productId: ID!, $variantId: ID!) { adjustStock(productId: $productId, variantId: $variantId, delta: 5) { id available } }`,
    variables: target,
  },
};

const expected: Record<string, string> = {
  anonymous: 'UNAUTHENTICATED',
  customer: 'FORBIDDEN',
  'another customer': 'FORBIDDEN',
  owner: 'OK',
  "another boutique's owner": 'FORBIDDEN',
  staff: 'OK',
  admin: 'OK',
};

async function outcome(c: Case, actor: TestUser | null): Promise<string> {
  const response = await f.client.request(c.query, await c.variables(), {
    token: actor?.token,
  });
  return (response.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK';
}

describe('who may write a boutique’s products', () => {
  for (const [mutation, c] of Object.entries(cases)) {
    it(`${mutation}: the boutique's owner, staff and admins only`, async () => {
      const results: Record<string, string> = {};
      for (const [name, actor] of Object.entries(actors)) results[name] = await outcome(c, actor);
      expect(results).toEqual(expected);
    });
  }

  it('createCategory: admins only', async () => {
    const results: Record<string, string> = {};
    for (const [name, actor] of Object.entries(actors)) {
      results[name] = await outcome(
        {
          query: `mutation ($input: CategoryInput!) { createCategory(input: $input) { id } }`,
          variables: () => Promise.resolve({ input: { name: `Cat ${name} ${Date.now()}` } }),
        },
        actor,
      );
    }
    expect(results).toEqual({
      ...Object.fromEntries(Object.keys(actors).map((n) => [n, 'FORBIDDEN'])),
      anonymous: 'UNAUTHENTICATED',
      admin: 'OK',
    });
  });

  it('says when the boutique is not approved yet, or unknown to the catalog', async () => {
    const pending = await f.boutique({ status: 'pending' });
    const create = (boutiqueId: string, actor: TestUser) =>
      f.client.request(
        cases.createProduct.query,
        {
          input: { boutiqueId, title: 'Coat', variants: [variantInput()] },
        },
        { token: actor.token },
      );
    const refused = await create(pending.id, pending.owner);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'BOUTIQUE_NOT_APPROVED',
    });
    expect(refused.errors?.[0]?.message).toMatch(/pending/);
    const unknown = await create('5f0000000000000000000000', boutique.owner);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'Boutique',
    });
  });

  it('stops a suspended boutique’s team and hides its products', async () => {
    const shop = await f.boutique();
    const product = await f.product(shop);
    await f.publish('boutique.suspended', shop.id, {
      boutiqueId: shop.id,
      ownerId: shop.owner.id,
      reason: 'unpaid fees',
      actorId: null,
    });
    await f.waitForTeam(shop.id, 'suspended');
    const hidden = await f.client.request(`query ($id: ID!) { product(id: $id) { id } }`, {
      id: product.id,
    });
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const write = await f.client.request(
      cases.updateProduct.query,
      { productId: product.id },
      { token: shop.owner.token },
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Its team still sees it.
    const own = await f.client.data<{ product: { id: string } }>(
      `query ($id: ID!) { product(id: $id) { id } }`,
      { id: product.id },
      { token: shop.owner.token },
    );
    expect(own.product.id).toBe(product.id);
  });
});
