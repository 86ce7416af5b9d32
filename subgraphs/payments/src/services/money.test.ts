import { describe, expect, it } from 'vitest';
import { allocate, minorDigits, minorPerMajor } from './money.js';

describe(allocate.name, () => {
  it('splits an amount in proportion, the shares adding up to it exactly', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1000, [2999, 1500, 501])).toEqual([600, 300, 100]);
    const shares = allocate(997, [3333, 3333, 3334]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(997);
  });

  it('gives nothing to a part of weight zero, and never more than a weight', () => {
    expect(allocate(50, [0, 25, 25])).toEqual([0, 25, 25]);
    const weights = [7, 1, 2];
    allocate(10, weights).forEach((share, i) => expect(share).toBeLessThanOrEqual(weights[i]));
  });

  it('allocates nothing from nothing', () => {
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(10, [0, 0])).toEqual([0, 0]);
  });
});

describe('currency minor units', () => {
  it('counts zero-, two- and three-decimal currencies as Stripe does', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorPerMajor('jpy')).toBe(1);
    expect(minorDigits('EUR')).toBe(2);
    expect(minorPerMajor('KWD')).toBe(1000);
  });
});
