import { defineHandler } from '@vitrine/platform';
import type { ReadModelService } from '../../services/read-model.service.js';

/** The product read model: snapshots and stock, from the products subgraph. */
export function productHandlers(readModel: ReadModelService) {
  return [
    defineHandler('product.created', (e) =>
      readModel.applyProductSnapshot(e.id, e.data.productId, e.data.snapshot),
    ),
    defineHandler('product.updated', (e) =>
      readModel.applyProductSnapshot(e.id, e.data.productId, e.data.snapshot),
    ),
    defineHandler('product.stock_changed', (e) =>
      readModel.applyStockChanged(e.id, e.data.productId, e.data.variantId, e.data.available),
    ),
  ];
}
