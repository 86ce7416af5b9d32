import { createHash } from 'node:crypto';
import {
  isDuplicateKeyError,
  withEvents,
  type BaseContext,
  type OutboxWriter,
} from '@vitrine/platform';
import type { ProductModel } from '../models/product.model.js';
import type { ProductViewModel } from '../models/product-view.model.js';
import type { ProductQueryService } from './product-query.service.js';

/** Who is looking: the user, or an anonymous key derived from the client address. */
export function viewerKey(ctx: Pick<BaseContext, 'viewer' | 'ip'>): string {
  if (ctx.viewer) return `user:${ctx.viewer.id}`;
  const hash = createHash('sha256')
    .update(ctx.ip ?? 'unknown')
    .digest('hex')
    .slice(0, 24);
  return `anon:${hash}`;
}

/**
 * Responsible for product views, the popularity sort's counter: a viewer counts once per product
 * and time window. The first view inserts `productId|viewer|window`; a second is a duplicate key
 * and counts nothing. A counted view increments `views` and emits product.viewed in one write.
 */
export class ProductViewService {
  constructor(
    private readonly views: ProductViewModel,
    private readonly products: ProductModel,
    private readonly query: ProductQueryService,
    private readonly outbox: OutboxWriter,
    private readonly windowMinutes: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** True when this view counted; NOT_FOUND for a product the viewer cannot see. */
  async record(ctx: BaseContext, productId: string): Promise<boolean> {
    const product = await this.query.product(ctx, productId);
    const windowMs = this.windowMinutes * 60_000;
    const window = Math.floor(this.now().getTime() / windowMs);
    try {
      await this.views.create({
        _id: `${productId}|${viewerKey(ctx)}|${window}`,
        productId,
        windowEndsAt: new Date((window + 1) * windowMs),
      });
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
    const event = this.outbox.event('product.viewed', productId, {
      productId,
      boutiqueId: product.boutiqueId,
      viewerId: ctx.viewer?.id ?? null,
    });
    await this.products.updateOne(
      { _id: product._id },
      { $inc: { views: 1 }, ...withEvents(event) },
    );
    this.outbox.written();
    return true;
  }

  /** Deletes the records of ended windows (FerretDB has no TTL index). */
  sweep(): Promise<unknown> {
    return this.views.deleteMany({ windowEndsAt: { $lt: this.now() } }).exec();
  }
}
