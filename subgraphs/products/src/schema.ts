import { buildFederatedSchema } from '@vitrine/platform';
import type { GraphQLSchema } from 'graphql';
import type { PubSub } from 'type-graphql';
import { BoutiqueResolver } from './resolvers/boutique.resolver.js';
import { CatalogResolver } from './resolvers/catalog.resolver.js';
import { CategoryResolver } from './resolvers/category.resolver.js';
import { references } from './resolvers/product.reference.js';
import { ProductResolver } from './resolvers/product.resolver.js';
import { VariantResolver } from './resolvers/variant.resolver.js';
import type { BoutiqueTeamService } from './services/boutique-team.service.js';
import type { CategoryService } from './services/category.service.js';
import type { ProductQueryService } from './services/product-query.service.js';
import type { ProductViewService } from './services/product-view.service.js';
import type { ProductService } from './services/product.service.js';

export interface ProductsServices {
  teams: BoutiqueTeamService;
  categories: CategoryService;
  products: ProductService;
  queries: ProductQueryService;
  views: ProductViewService;
}

export const resolvers = [
  ProductResolver,
  CatalogResolver,
  VariantResolver,
  CategoryResolver,
  BoutiqueResolver,
] as const;

/**
 * The products subgraph schema. Without services (as when the SDL is emitted) the resolvers are
 * never called; with them, each resolver class gets its services through its constructor.
 */
export function buildProductsSchema(
  services?: ProductsServices,
  pubSub?: PubSub,
): Promise<GraphQLSchema> {
  const instances = services
    ? new Map<unknown, unknown>([
        [ProductResolver, new ProductResolver(services.queries)],
        [CatalogResolver, new CatalogResolver(services.products, services.views)],
        [VariantResolver, new VariantResolver(services.teams)],
        [CategoryResolver, new CategoryResolver(services.categories)],
        [BoutiqueResolver, new BoutiqueResolver(services.queries)],
      ])
    : new Map<unknown, unknown>();
  return buildFederatedSchema({
    resolvers,
    references,
    pubSub: pubSub ?? { publish: () => undefined, subscribe: () => (async function* () {})() },
    container: { get: (someClass) => instances.get(someClass) },
  });
}
