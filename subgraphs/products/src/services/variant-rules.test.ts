import { describe, expect, it } from 'vitest';
import { checkDistinctSkus, checkPrices, facetsOf } from './variant-rules.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe(checkPrices.name, () => {
  it('refuses a price in another currency than the product', () => {
    expect(() =>
      checkPrices({ price: { amount: 100, currency: 'USD' } }, 'EUR', 'input.variants.1'),
    ).toThrow(
      expect.objectContaining({
        extensions: { code: 'BAD_USER_INPUT', field: 'input.variants.1.price.currency' },
      }),
    );
    expect(() =>
      checkPrices(
        { price: eur(100), compareAtPrice: { amount: 200, currency: 'GBP' } },
        'EUR',
        'input',
      ),
    ).toThrow(
      expect.objectContaining({
        extensions: { code: 'BAD_USER_INPUT', field: 'input.compareAtPrice.currency' },
      }),
    );
  });

  it('wants a compare-at price above the price', () => {
    expect(() =>
      checkPrices({ price: eur(100), compareAtPrice: eur(100) }, 'EUR', 'input'),
    ).toThrow(
      expect.objectContaining({
        extensions: { code: 'BAD_USER_INPUT', field: 'input.compareAtPrice.amount' },
      }),
    );
    expect(() =>
      checkPrices({ price: eur(100), compareAtPrice: eur(150) }, 'EUR', 'input'),
    ).not.toThrow();
  });
});

describe(checkDistinctSkus.name, () => {
  it('names the second of two equal SKUs', () => {
    expect(() => checkDistinctSkus(['A', 'B', 'A'], 'input.variants')).toThrow(
      expect.objectContaining({
        extensions: { code: 'BAD_USER_INPUT', field: 'input.variants.2.sku' },
      }),
    );
  });
});

describe(facetsOf.name, () => {
  it('keeps the price range and the normalized sizes and colours', () => {
    expect(
      facetsOf([
        { size: 'M', colour: 'Bleu Ciel', price: eur(3000) },
        { size: 'L', colour: 'bleu ciel', price: eur(2000) },
        { size: null, colour: null, price: eur(4500) },
      ]),
    ).toEqual({
      minPriceAmount: 2000,
      maxPriceAmount: 4500,
      sizes: ['m', 'l'],
      colours: ['bleu ciel'],
    });
  });
});
