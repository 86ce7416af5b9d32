import type { ConnectionResult } from '@vitrine/platform';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ProductsContext } from '../loaders.js';
import { Boutique } from '../models/boutique.model.js';
import type { ProductDocument } from '../models/product.model.js';
import type { ProductQueryService } from '../services/product-query.service.js';
import { ProductConnection } from './product.resolver.js';
import { ProductsArgs } from './types/product.types.js';

/** `Boutique.products`: a boutique's catalog (its team also sees its unpublished products). */
@Resolver(() => Boutique)
export class BoutiqueResolver {
  constructor(private readonly queries: ProductQueryService) {}

  @FieldResolver(() => ProductConnection)
  products(
    @Root() boutique: Boutique,
    @Args() { filter, sort, first, after }: ProductsArgs,
    @Ctx() ctx: ProductsContext,
  ): Promise<ConnectionResult<ProductDocument>> {
    return this.queries.search(ctx, { ...filter, boutiqueId: boutique.id }, sort, {
      first,
      after,
    });
  }
}
