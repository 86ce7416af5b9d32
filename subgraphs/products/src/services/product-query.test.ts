import { describe, expect, it } from 'vitest';
import { ProductStatus } from '../models/product.model.js';
import { buildProductQuery, ProductSort, sortOf } from './product-query.js';

const publicly = { includeUnpublished: false };

describe(buildProductQuery.name, () => {
  it('shows the public only active products of approved boutiques', () => {
    expect(buildProductQuery({}, publicly)).toEqual({ status: 'active', boutiqueVisible: true });
    expect(
      buildProductQuery({ status: ProductStatus.DRAFT }, { includeUnpublished: true }),
    ).toEqual({ status: 'draft' });
    expect(buildProductQuery({}, { includeUnpublished: true })).toEqual({});
  });

  it('matches a price range that meets the product range', () => {
    expect(buildProductQuery({ minPrice: 1000, maxPrice: 5000 }, publicly)).toMatchObject({
      maxPriceAmount: { $gte: 1000 },
      minPriceAmount: { $lte: 5000 },
    });
  });

  it('refuses an inverted price range on maxPrice', () => {
    expect(() => buildProductQuery({ minPrice: 5000, maxPrice: 1000 }, publicly)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.maxPrice' } }),
    );
  });

  it('filters by text tokens, category lineage, normalized size and colour, and stock', () => {
    expect(
      buildProductQuery(
        {
          search: 'Robe Été',
          boutiqueId: 'b1',
          categoryId: 'c1',
          size: ' XL ',
          colour: 'Bleu Ciel',
          inStock: true,
          currency: 'EUR',
        },
        publicly,
      ),
    ).toEqual({
      status: 'active',
      boutiqueVisible: true,
      searchTokens: { $all: ['robe', 'ete'] },
      boutiqueId: 'b1',
      categoryIds: 'c1',
      sizes: 'xl',
      colours: 'bleu ciel',
      inStockVariants: { $gt: 0 },
      currency: 'EUR',
    });
    expect(buildProductQuery({ inStock: false }, publicly)).toMatchObject({
      inStockVariants: { $lte: 0 },
    });
  });

  it('ignores a search without words', () => {
    expect(buildProductQuery({ search: ' ,; ' }, publicly)).not.toHaveProperty('searchTokens');
  });
});

describe(sortOf.name, () => {
  it('paginates by id, lowest price or views', () => {
    expect(sortOf(ProductSort.NEWEST)).toEqual({ sortField: '_id', direction: 'desc' });
    expect(sortOf(ProductSort.PRICE_ASC)).toEqual({
      sortField: 'minPriceAmount',
      direction: 'asc',
    });
    expect(sortOf(ProductSort.PRICE_DESC)).toEqual({
      sortField: 'minPriceAmount',
      direction: 'desc',
    });
    expect(sortOf(ProductSort.POPULAR)).toEqual({ sortField: 'views', direction: 'desc' });
  });
});
