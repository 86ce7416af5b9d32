import DataLoader from 'dataloader';
import { inOrderOf, type BaseContext } from '@vitrine/platform';
import type { BoutiqueTeamDocument } from './models/boutique-team.model.js';
import type { CategoryDocument } from './models/category.model.js';
import type { ProductDocument } from './models/product.model.js';
import type { StockDocument } from './models/stock.model.js';
import type { BoutiqueTeamService } from './services/boutique-team.service.js';
import type { CategoryService } from './services/category.service.js';
import type { ProductQueryService } from './services/product-query.service.js';
import type { StockService } from './services/stock.service.js';

export interface ProductsLoaders {
  product: DataLoader<string, ProductDocument | null>;
  /** A variant's stock document, by variant id. */
  stock: DataLoader<string, StockDocument | null>;
  team: DataLoader<string, BoutiqueTeamDocument | null>;
  category: DataLoader<string, CategoryDocument | null>;
  children: DataLoader<string, CategoryDocument[]>;
}

/** What a request of the products subgraph carries: the base context and per-request loaders. */
export interface ProductsContext extends BaseContext {
  loaders: ProductsLoaders;
}

export interface LoaderSources {
  queries: ProductQueryService;
  stock: StockService;
  teams: BoutiqueTeamService;
  categories: CategoryService;
}

/** One database round trip per batch, whatever the number of products, variants or categories. */
export function createLoaders({
  queries,
  stock,
  teams,
  categories,
}: LoaderSources): ProductsLoaders {
  return {
    product: new DataLoader((ids) => queries.byIds(ids)),
    stock: new DataLoader(async (ids) => {
      const found = await stock.byIds(ids);
      return inOrderOf(ids, found, (s) => s._id.toHexString());
    }),
    team: new DataLoader((ids) => teams.byIds(ids)),
    category: new DataLoader((ids) => categories.byIds(ids)),
    children: new DataLoader((ids) => categories.childrenOf(ids)),
  };
}
