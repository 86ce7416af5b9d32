import { Errors, normalized, queryTokens } from '@vitrine/platform';
import { ProductStatus } from '../models/product.model.js';

export enum ProductSort {
  NEWEST = 'newest',
  PRICE_ASC = 'price_asc',
  PRICE_DESC = 'price_desc',
  POPULAR = 'popular',
}

/** What a catalog search asks for; every part is optional and they all apply together. */
export interface ProductSearch {
  search?: string | null;
  boutiqueId?: string | null;
  /** A category: products of it and of its descendants match. */
  categoryId?: string | null;
  /** Minor units; a product matches when its price range meets [minPrice, maxPrice]. */
  minPrice?: number | null;
  maxPrice?: number | null;
  currency?: string | null;
  size?: string | null;
  colour?: string | null;
  inStock?: boolean | null;
  /** Only for those who may see unpublished products (the boutique's team, admins). */
  status?: ProductStatus | null;
}

/**
 * The MongoDB filter of a search, built from indexed fields of the product document only (no
 * `$text`, no joins), so that it runs on FerretDB as on MongoDB. Without `includeUnpublished`, only
 * ACTIVE products of approved boutiques match.
 */
export function buildProductQuery(
  search: ProductSearch,
  { includeUnpublished }: { includeUnpublished: boolean },
): Record<string, unknown> {
  if (search.minPrice != null && search.maxPrice != null && search.minPrice > search.maxPrice) {
    throw Errors.badUserInput('filter.maxPrice', 'maxPrice must not be below minPrice');
  }
  const query: Record<string, unknown> = {};
  if (includeUnpublished) {
    if (search.status) query.status = search.status;
  } else {
    query.status = ProductStatus.ACTIVE;
    query.boutiqueVisible = true;
  }
  const tokens = search.search ? queryTokens(search.search) : [];
  if (tokens.length) query.searchTokens = { $all: tokens };
  if (search.boutiqueId) query.boutiqueId = search.boutiqueId;
  if (search.categoryId) query.categoryIds = search.categoryId;
  // The product's range [min, max] meets the asked range.
  if (search.minPrice != null) query.maxPriceAmount = { $gte: search.minPrice };
  if (search.maxPrice != null) query.minPriceAmount = { $lte: search.maxPrice };
  if (search.currency) query.currency = search.currency;
  if (search.size) query.sizes = normalized(search.size);
  if (search.colour) query.colours = normalized(search.colour);
  if (search.inStock === true) query.inStockVariants = { $gt: 0 };
  if (search.inStock === false) query.inStockVariants = { $lte: 0 };
  return query;
}

/** The keyset pagination of a sort: price sorts use the lowest variant price ("from 19.99"). */
export function sortOf(sort: ProductSort): { sortField: string; direction: 'asc' | 'desc' } {
  switch (sort) {
    case ProductSort.NEWEST:
      return { sortField: '_id', direction: 'desc' };
    case ProductSort.PRICE_ASC:
      return { sortField: 'minPriceAmount', direction: 'asc' };
    case ProductSort.PRICE_DESC:
      return { sortField: 'minPriceAmount', direction: 'desc' };
    case ProductSort.POPULAR:
      return { sortField: 'views', direction: 'desc' };
  }
}
