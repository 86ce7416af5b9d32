import { newId } from '@vitrine/platform';
import type { CatalogProduct } from '../models/catalog-product.model.js';

/** A product of the read model, as `product.created` would leave it. */
export function catalogProduct(
  options: { price?: number; available?: number; currency?: string; boutiqueId?: string } = {},
): CatalogProduct {
  return {
    _id: newId().toHexString(),
    boutiqueId: options.boutiqueId ?? newId().toHexString(),
    title: 'Linen shirt',
    status: 'active',
    version: 1,
    appliedEvents: [],
    variants: [
      {
        variantId: newId().toHexString(),
        sku: 'LIN-M-BLUE',
        size: 'M',
        colour: 'blue',
        price: { amount: options.price ?? 1999, currency: options.currency ?? 'EUR' },
        available: options.available ?? 10,
      },
    ],
  };
}
