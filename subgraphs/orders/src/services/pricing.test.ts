import { describe, expect, it } from 'vitest';
import { lineTotal, priceOrder, sumMoney, taxOf } from './pricing.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const policy = { taxRateBps: 2000, deliveryFeeMinor: 499 };

describe('pricing', () => {
  it('multiplies line totals exactly in minor units', () => {
    expect(lineTotal(eur(1999), 3)).toEqual(eur(5997));
  });

  it('rounds tax half up to the cent, in integers', () => {
    expect(taxOf(1000, 2000)).toBe(200);
    expect(taxOf(1, 2000)).toBe(0); // 0.2 cent
    expect(taxOf(3, 2000)).toBe(1); // 0.6 cent
    expect(taxOf(25, 2000)).toBe(5); // 5.0 cents
    expect(taxOf(1025, 550)).toBe(56); // 56.375 cents
    expect(taxOf(1010, 550)).toBe(56); // 55.55 cents
    expect(taxOf(9090, 550)).toBe(500); // 499.95 cents
    expect(taxOf(5, 1000)).toBe(1); // exactly half a cent rounds up
    expect(taxOf(1999, 0)).toBe(0);
  });

  it('prices an order: subtotal, tax on the items only, one delivery fee, total', () => {
    const totals = priceOrder(
      [
        { unitPrice: eur(1999), quantity: 2 },
        { unitPrice: eur(505), quantity: 1 },
      ],
      policy,
      'EUR',
    );
    expect(totals).toEqual({
      subtotal: eur(4503),
      tax: eur(901), // 900.6
      deliveryFee: eur(499),
      total: eur(5903),
    });
  });

  it('refuses a line in another currency', () => {
    expect(() =>
      priceOrder([{ unitPrice: { amount: 1, currency: 'USD' }, quantity: 1 }], policy, 'EUR'),
    ).toThrow(/USD/);
  });

  it('refuses amounts beyond exact integer arithmetic', () => {
    expect(() => lineTotal(eur(Number.MAX_SAFE_INTEGER), 2)).toThrow(RangeError);
  });

  it('sums amounts of one currency', () => {
    expect(sumMoney([eur(5903), eur(1098)], 'EUR')).toEqual(eur(7001));
    expect(sumMoney([], 'EUR')).toEqual(eur(0));
  });
});
