import { describe, expect, it } from 'vitest';
import { catalogProduct } from '../test/orders.factory.js';
import { assessItem, unavailability } from './cart-line.js';

const approved = { status: 'approved' as const };

describe('cart lines', () => {
  const product = catalogProduct({ price: 1999, available: 3 });
  const variantId = product.variants[0].variantId;
  const item = (quantity: number, shown = 1999) => ({
    productId: product._id,
    variantId,
    quantity,
    shownUnitPrice: { amount: shown, currency: 'EUR' },
    addedAt: new Date(),
  });

  it('names the field that makes an item unbuyable', () => {
    expect(unavailability(null, approved, variantId, 1)?.field).toBe('productId');
    expect(unavailability({ ...product, status: 'archived' }, approved, variantId, 1)?.field).toBe(
      'productId',
    );
    expect(unavailability(product, { status: 'suspended' }, variantId, 1)?.field).toBe('productId');
    expect(unavailability(product, approved, '65f0a1b2c3d4e5f601234567', 1)?.field).toBe(
      'variantId',
    );
    expect(unavailability(product, approved, variantId, 4)).toEqual({
      field: 'quantity',
      message: 'Only 3 left',
    });
    expect(unavailability(product, approved, variantId, 3)).toBeNull();
  });

  it('stops selling a boutique whose subscription lapsed, after its grace period', () => {
    const hour = 3_600_000;
    const pastDue = (graceUntil: Date) => ({
      status: 'approved' as const,
      subscription: { state: 'past_due' as const, graceUntil },
    });
    expect(unavailability(product, pastDue(new Date(Date.now() + hour)), variantId, 1)).toBeNull();
    expect(unavailability(product, pastDue(new Date(Date.now() - hour)), variantId, 1)).toEqual({
      field: 'productId',
      message: 'The boutique of this product is not selling now',
    });
    const cancelled = {
      status: 'approved' as const,
      subscription: { state: 'cancelled' as const, graceUntil: null },
    };
    expect(unavailability(product, cancelled, variantId, 1)?.field).toBe('productId');
  });

  it('flags a changed price and prices at the current one', () => {
    const line = assessItem(item(2, 1799), product, approved);
    expect(line).toMatchObject({
      priceChanged: true,
      unavailable: false,
      unitPrice: { amount: 1999, currency: 'EUR' },
      message: 'The price changed since you added it',
    });
  });

  it('flags a line over the stock left', () => {
    expect(assessItem(item(5), product, approved)).toMatchObject({
      priceChanged: false,
      unavailable: true,
      available: 3,
      message: 'Only 3 left',
    });
  });
});
