import type { ProductsContext } from '../loaders.js';
import type { Boutique } from '../models/boutique.model.js';
import type { CategoryDocument } from '../models/category.model.js';
import type { ProductDocument } from '../models/product.model.js';

/**
 * Resolves references from other subgraphs, batched: one query per request and entity type.
 * Products resolve whatever their status: a reference comes from a subgraph that already knows the
 * product (an order's item), which must still show an archived product.
 */
export const references = {
  Product: {
    __resolveReference: (
      reference: { id: string },
      ctx: ProductsContext,
    ): Promise<ProductDocument | null> => ctx.loaders.product.load(reference.id),
  },
  Category: {
    __resolveReference: (
      reference: { id: string },
      ctx: ProductsContext,
    ): Promise<CategoryDocument | null> => ctx.loaders.category.load(reference.id),
  },
  Boutique: {
    __resolveReference: (reference: { id: string }): Boutique => ({ id: reference.id }),
  },
};
