import { defineHandler } from '@vitrine/platform';
import type { ReadModelService } from '../../services/read-model.service.js';

/** Product categories (from products), for coupons scoped to a category. */
export function readModelHandlers(readModel: ReadModelService) {
  return [
    defineHandler('product.created', (e) =>
      readModel.applyProduct(e.id, e.data.productId, e.data.snapshot),
    ),
    defineHandler('product.updated', (e) =>
      readModel.applyProduct(e.id, e.data.productId, e.data.snapshot),
    ),
  ];
}
