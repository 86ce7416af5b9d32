import { ConnectionType, type ConnectionResult } from '@vitrine/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ProductsContext } from '../loaders.js';
import { Boutique } from '../models/boutique.model.js';
import { Category, type CategoryDocument } from '../models/category.model.js';
import { Money } from '../models/money.model.js';
import { Product, type ProductDocument } from '../models/product.model.js';
import type { ProductQueryService } from '../services/product-query.service.js';
import { ProductsArgs } from './types/product.types.js';

export const ProductConnection = ConnectionType(Product);

/** The public catalog: one product, search, and a product's computed fields. */
@Resolver(() => Product)
export class ProductResolver {
  constructor(private readonly queries: ProductQueryService) {}

  @Query(() => Product, { description: 'A product you may see; NOT_FOUND otherwise.' })
  product(@Arg('id', () => ID) id: string, @Ctx() ctx: ProductsContext): Promise<ProductDocument> {
    return this.queries.product(ctx, id);
  }

  @Query(() => ProductConnection, {
    description:
      'Search the catalog. The public sees ACTIVE products of approved boutiques; with boutiqueId, its team also sees the rest.',
  })
  products(
    @Args() { filter, sort, first, after }: ProductsArgs,
    @Ctx() ctx: ProductsContext,
  ): Promise<ConnectionResult<ProductDocument>> {
    return this.queries.search(ctx, filter ?? {}, sort, { first, after });
  }

  @FieldResolver(() => Boutique)
  boutique(@Root() product: ProductDocument): Boutique {
    return { id: product.boutiqueId };
  }

  @FieldResolver(() => Category, { nullable: true })
  category(
    @Root() product: ProductDocument,
    @Ctx() ctx: ProductsContext,
  ): Promise<CategoryDocument | null> | null {
    return product.categoryId ? ctx.loaders.category.load(product.categoryId) : null;
  }

  @FieldResolver(() => Money, { description: 'The lowest price of its variants.' })
  minPrice(@Root() product: ProductDocument): Money {
    return { amount: product.minPriceAmount, currency: product.currency };
  }

  @FieldResolver(() => Money, { description: 'The highest price of its variants.' })
  maxPrice(@Root() product: ProductDocument): Money {
    return { amount: product.maxPriceAmount, currency: product.currency };
  }

  @FieldResolver(() => Boolean, { description: 'Whether any variant has units on sale.' })
  inStock(@Root() product: ProductDocument): boolean {
    return product.inStockVariants > 0;
  }
}
