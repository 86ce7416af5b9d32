import { Errors } from '@vitrine/platform';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ProductsContext } from '../loaders.js';
import { Variant, type VariantDocument } from '../models/product.model.js';
import { Stock, type StockDocument } from '../models/stock.model.js';
import type { BoutiqueTeamService } from '../services/boutique-team.service.js';

/** A variant's stock, through the per-request loader: one query for all variants of a page. */
@Resolver(() => Variant)
export class VariantResolver {
  constructor(private readonly teams: BoutiqueTeamService) {}

  @FieldResolver(() => Int, { description: 'Units on sale now.' })
  async available(@Root() variant: VariantDocument, @Ctx() ctx: ProductsContext): Promise<number> {
    return (await ctx.loaders.stock.load(variant._id.toHexString()))?.available ?? 0;
  }

  @FieldResolver(() => Boolean)
  async inStock(@Root() variant: VariantDocument, @Ctx() ctx: ProductsContext): Promise<boolean> {
    return ((await ctx.loaders.stock.load(variant._id.toHexString()))?.available ?? 0) > 0;
  }

  @FieldResolver(() => Stock, {
    nullable: true,
    description: "Available, reserved and sold units: the boutique's team and admins only.",
  })
  async stock(
    @Root() variant: VariantDocument,
    @Ctx() ctx: ProductsContext,
  ): Promise<StockDocument | null> {
    const stock = await ctx.loaders.stock.load(variant._id.toHexString());
    if (!stock) return null;
    const team = await ctx.loaders.team.load(stock.boutiqueId);
    if (!this.teams.canSeeUnpublished(ctx.viewer, team)) {
      throw Errors.forbidden("Only the boutique's team sees its stock levels");
    }
    return stock;
  }
}
