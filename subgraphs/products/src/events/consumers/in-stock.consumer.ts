import { defineHandler, markApplied, notYetApplied, tryObjectId } from '@vitrine/platform';
import type { ProductModel } from '../../models/product.model.js';

/**
 * Keeps each product's count of variants in stock (search's in-stock filter) from its own stock
 * events. Out-of-stock and back-in-stock alternate per variant, so the count is a sum that any
 * order of delivery reaches; each event counts once (notYetApplied).
 */
export function inStockHandlers(products: ProductModel) {
  const count = (productId: string, eventId: string, delta: number) =>
    products
      .updateOne(
        { _id: tryObjectId(productId), ...notYetApplied(eventId) },
        { $inc: { inStockVariants: delta }, ...markApplied(eventId) },
      )
      .exec()
      .then(() => undefined);
  return [
    defineHandler('product.out_of_stock', ({ id, data }) => count(data.productId, id, -1)),
    defineHandler('product.back_in_stock', ({ id, data }) => count(data.productId, id, 1)),
  ];
}
