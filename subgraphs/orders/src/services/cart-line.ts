import { canSell, type BoutiqueTeam } from '@vitrine/platform';
import type { CatalogProduct, CatalogVariant } from '../models/catalog-product.model.js';
import type { CartItem } from '../models/cart.model.js';
import { sameMoney, type Money } from '../models/money.model.js';

export const MAX_QUANTITY = 99;

/** A cart item judged against the read models: can it be bought as it is, at which price. */
export interface AssessedItem {
  item: CartItem;
  product: CatalogProduct | null;
  variant: CatalogVariant | null;
  /** The current price, or the shown one when the variant is gone. */
  unitPrice: Money;
  available: number;
  priceChanged: boolean;
  unavailable: boolean;
  message: string | null;
}

/**
 * Why an item cannot be bought now, field by field, or null when it can. The same rules refuse
 * `addToCart` input and flag lines of a stored cart.
 */
export function unavailability(
  product: CatalogProduct | null,
  team: (Pick<BoutiqueTeam, 'status'> & Partial<Pick<BoutiqueTeam, 'subscription'>>) | null,
  variantId: string,
  quantity: number,
): { field: 'productId' | 'variantId' | 'quantity'; message: string } | null {
  if (!product || product.status !== 'active') {
    return { field: 'productId', message: 'This product is not for sale' };
  }
  if (!team || !canSell(team)) {
    return { field: 'productId', message: 'The boutique of this product is not selling now' };
  }
  const variant = product.variants.find((v) => v.variantId === variantId);
  if (!variant) return { field: 'variantId', message: 'This product has no such variant' };
  if (variant.available < quantity) {
    return {
      field: 'quantity',
      message:
        variant.available === 0 ? 'This variant is out of stock' : `Only ${variant.available} left`,
    };
  }
  return null;
}

export function assessItem(
  item: CartItem,
  product: CatalogProduct | null,
  team: (Pick<BoutiqueTeam, 'status'> & Partial<Pick<BoutiqueTeam, 'subscription'>>) | null,
): AssessedItem {
  const variant = product?.variants.find((v) => v.variantId === item.variantId) ?? null;
  const problem = unavailability(product, team, item.variantId, item.quantity);
  const unitPrice = variant ? { ...variant.price } : { ...item.shownUnitPrice };
  const priceChanged = !!variant && !sameMoney(variant.price, item.shownUnitPrice);
  return {
    item,
    product,
    variant,
    unitPrice,
    available: problem && problem.field !== 'quantity' ? 0 : (variant?.available ?? 0),
    priceChanged,
    unavailable: !!problem,
    message: problem?.message ?? (priceChanged ? 'The price changed since you added it' : null),
  };
}
