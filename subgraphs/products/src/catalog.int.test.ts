import { findEvent } from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PRODUCT_FIELDS,
  ProductsFactory,
  variantInput,
  type TestBoutique,
} from './test/products.factory.js';

let f: ProductsFactory;
let boutique: TestBoutique;

beforeAll(async () => {
  f = await ProductsFactory.start();
  boutique = await f.boutique({ staff: 1 });
});
afterAll(() => f?.stop());

describe('createProduct', () => {
  it('creates a draft with its variants and stock, and announces it with a snapshot', async () => {
    const product = await f.product(
      boutique,
      {
        title: 'Écharpe en laine',
        brand: 'Maison Nord',
        tags: ['hiver'],
        images: ['https://cdn.example.com/a.jpg'],
        variants: [
          variantInput({
            sku: 'ECH-1',
            size: 'S',
            price: { amount: 2900, currency: 'EUR' },
            stock: 3,
          }),
          variantInput({
            sku: 'ECH-2',
            size: 'L',
            price: { amount: 3900, currency: 'EUR' },
            stock: 0,
          }),
        ],
      },
      { activate: false },
    );
    expect(product).toMatchObject({
      status: 'DRAFT',
      currency: 'EUR',
      inStock: true,
      minPrice: { amount: 2900, currency: 'EUR' },
      maxPrice: { amount: 3900, currency: 'EUR' },
    });
    expect(product.variants.map((v) => [v.sku, v.available])).toEqual([
      ['ECH-1', 3],
      ['ECH-2', 0],
    ]);
    const event = await findEvent(
      f.subgraph.runtime.kafka,
      'vitrine.products',
      'product.created',
      (e) => e.data.productId === product.id,
    );
    expect(event.data.snapshot).toMatchObject({
      boutiqueId: boutique.id,
      title: 'Écharpe en laine',
      status: 'draft',
      variants: [
        { sku: 'ECH-1', available: 3, price: { amount: 2900, currency: 'EUR' } },
        { sku: 'ECH-2', available: 0 },
      ],
    });
  });
});

describe('products', () => {
  it('finds active products by words of the title, accent-free and by prefix', async () => {
    const product = await f.product(boutique, { title: 'Chaussure Élégante', brand: 'Pied' });
    const { products } = await f.client.data<{
      products: { edges: { node: { id: string } }[]; totalCount: number };
    }>(
      `query ($filter: ProductFilter) { products(filter: $filter) { totalCount edges { node { ${PRODUCT_FIELDS} } } } }`,
      {
        filter: { search: 'elega chaus', boutiqueId: boutique.id },
      },
    );
    expect(products.edges.map((e) => e.node.id)).toEqual([product.id]);
  });
});
