import type { Money } from '../models/money.model.js';

export interface PricingPolicy {
  /** Basis points: 2000 is 20 %. */
  taxRateBps: number;
  /** Per boutique order, in minor units. */
  deliveryFeeMinor: number;
}

export interface OrderTotals {
  subtotal: Money;
  tax: Money;
  deliveryFee: Money;
  total: Money;
}

function safe(amount: bigint, what: string): number {
  const value = Number(amount);
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} is out of range`);
  return value;
}

/** unitPrice × quantity, exactly, in minor units. */
export function lineTotal(unitPrice: Money, quantity: number): Money {
  return {
    amount: safe(BigInt(unitPrice.amount) * BigInt(quantity), 'line total'),
    currency: unitPrice.currency,
  };
}

/**
 * Tax on an amount in minor units, rounded half up to the minor unit (1 cent of 10.005 rounds
 * up): integer arithmetic only, never floats.
 */
export function taxOf(amountMinor: number, rateBps: number): number {
  const scaled = BigInt(amountMinor) * BigInt(rateBps);
  return safe((scaled + 5000n) / 10000n, 'tax');
}

/**
 * The totals of one boutique order: items subtotal, tax on the subtotal (the delivery fee is not
 * taxed), a flat delivery fee, and their sum. Every line must be in `currency`.
 */
export function priceOrder(
  lines: { unitPrice: Money; quantity: number }[],
  policy: PricingPolicy,
  currency: string,
): OrderTotals {
  let subtotal = 0n;
  for (const line of lines) {
    if (line.unitPrice.currency !== currency) {
      throw new RangeError(`a line in ${line.unitPrice.currency} in a ${currency} order`);
    }
    subtotal += BigInt(line.unitPrice.amount) * BigInt(line.quantity);
  }
  const sub = safe(subtotal, 'subtotal');
  const tax = taxOf(sub, policy.taxRateBps);
  const fee = policy.deliveryFeeMinor;
  return {
    subtotal: { amount: sub, currency },
    tax: { amount: tax, currency },
    deliveryFee: { amount: fee, currency },
    total: { amount: safe(BigInt(sub) + BigInt(tax) + BigInt(fee), 'total'), currency },
  };
}

/** The sum of several amounts of one currency. */
export function sumMoney(amounts: Money[], currency: string): Money {
  return {
    amount: safe(
      amounts.reduce((sum, m) => sum + BigInt(m.amount), 0n),
      'sum',
    ),
    currency,
  };
}
