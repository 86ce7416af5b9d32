import {
  Errors,
  hasRole,
  inOrderOf,
  objectIdsOf,
  paginate,
  Role,
  toObjectId,
  type AuthContext,
  type ConnectionResult,
} from '@vitrine/platform';
import { ProductStatus, type ProductDocument, type ProductModel } from '../models/product.model.js';
import type { BoutiqueTeamService } from './boutique-team.service.js';
import {
  buildProductQuery,
  type ProductSort,
  sortOf,
  type ProductSearch,
} from './product-query.js';

/**
 * Responsible for reading the catalog: one product, and search with filters, sorts and cursor
 * pagination. The public sees ACTIVE products of approved boutiques; a boutique's team and admins
 * also see its drafts and archived products.
 */
export class ProductQueryService {
  constructor(
    private readonly products: ProductModel,
    private readonly teams: BoutiqueTeamService,
  ) {}

  /** A product the viewer may see, or NOT_FOUND (an unpublished product is not revealed). */
  async product(ctx: AuthContext, id: string): Promise<ProductDocument> {
    const product = await this.products.findById(toObjectId(id)).exec();
    if (!product || !(await this.visible(ctx, product))) throw Errors.notFound('Product', id);
    return product;
  }

  async search(
    ctx: AuthContext,
    search: ProductSearch,
    sort: ProductSort,
    page: { first: number; after?: string | null },
  ): Promise<ConnectionResult<ProductDocument>> {
    if (search.boutiqueId) toObjectId(search.boutiqueId, 'filter.boutiqueId');
    if (search.categoryId) toObjectId(search.categoryId, 'filter.categoryId');
    const includeUnpublished =
      !!search.boutiqueId &&
      this.teams.canSeeUnpublished(ctx.viewer, await this.teams.get(search.boutiqueId));
    if (search.status && search.status !== ProductStatus.ACTIVE && !includeUnpublished) {
      throw Errors.forbidden("Only a boutique's team sees its unpublished products");
    }
    const query = buildProductQuery(search, { includeUnpublished });
    return paginate(this.products, query, { ...page, ...sortOf(sort) }) as Promise<
      ConnectionResult<ProductDocument>
    >;
  }

  /** Many products in one query, in the order of `ids` (null where there is none). */
  async byIds(ids: readonly string[]): Promise<(ProductDocument | null)[]> {
    const found = await this.products.find({ _id: { $in: objectIdsOf(ids) } }).exec();
    return inOrderOf(ids, found, (p) => p.id);
  }

  /** Whether the viewer may see this product at all. */
  async visible(ctx: AuthContext, product: ProductDocument): Promise<boolean> {
    if (product.status === ProductStatus.ACTIVE && product.boutiqueVisible) return true;
    if (hasRole(ctx.viewer, Role.ADMIN)) return true;
    return this.teams.canSeeUnpublished(ctx.viewer, await this.teams.get(product.boutiqueId));
  }
}
