import { Role } from '@vitrine/platform';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { ProductsContext } from '../loaders.js';
import { Category, type CategoryDocument } from '../models/category.model.js';
import type { CategoryService } from '../services/category.service.js';
import { CategoryInput } from './types/product.types.js';

/** The category tree: public reads, admin writes. */
@Resolver(() => Category)
export class CategoryResolver {
  constructor(private readonly service: CategoryService) {}

  @Query(() => [Category], { description: 'The root categories, or the children of parentId.' })
  categories(
    @Arg('parentId', () => ID, { nullable: true }) parentId: string | null,
  ): Promise<CategoryDocument[]> {
    return this.service.list(parentId ?? null);
  }

  @Query(() => Category, { nullable: true, description: 'A category by id or by slug.' })
  category(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('slug', () => String, { nullable: true }) slug: string | null,
  ): Promise<CategoryDocument | null> {
    return this.service.get(id ?? null, slug ?? null);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Category, { description: 'Admins only.' })
  createCategory(
    @Arg('input', () => CategoryInput) input: CategoryInput,
    @Ctx() ctx: ProductsContext,
  ): Promise<CategoryDocument> {
    return this.service.create(ctx, input);
  }

  @FieldResolver(() => Category, { nullable: true })
  parent(
    @Root() category: CategoryDocument,
    @Ctx() ctx: ProductsContext,
  ): Promise<CategoryDocument | null> | null {
    return category.parentId ? ctx.loaders.category.load(category.parentId) : null;
  }

  @FieldResolver(() => [Category])
  children(
    @Root() category: CategoryDocument,
    @Ctx() ctx: ProductsContext,
  ): Promise<CategoryDocument[]> {
    return ctx.loaders.children.load(category.id);
  }

  @FieldResolver(() => [Category], { description: 'From the root down to the parent.' })
  async ancestors(
    @Root() category: CategoryDocument,
    @Ctx() ctx: ProductsContext,
  ): Promise<CategoryDocument[]> {
    const found = await ctx.loaders.category.loadMany(category.ancestorIds);
    return found.filter((c): c is CategoryDocument => !!c && !(c instanceof Error));
  }
}
