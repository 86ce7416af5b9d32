/**
 * ISO 4217 currencies whose minor unit is not the hundredth, as Stripe counts them: amounts in
 * these are sent to Stripe as they are (¥500 is `500`), like every other amount in minor units.
 */
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

/** Digits of the minor unit: 0 for JPY, 3 for KWD, 2 for the others. */
export function minorDigits(currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

/** Minor units in one major unit: 1 for JPY, 100 for EUR. */
export function minorPerMajor(currency: string): number {
  return 10 ** minorDigits(currency);
}

/**
 * Splits `amount` across parts in proportion to their weights, in whole minor units, by the
 * largest remainder: the shares always add up to `amount` exactly, and no share exceeds its
 * weight when `amount` does not exceed their sum.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (amount === 0 || total === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (BigInt(amount) * BigInt(w) * 1000n) / BigInt(total));
  const shares = exact.map((e) => Number(e / 1000n));
  let left = amount - shares.reduce((sum, s) => sum + s, 0);
  const byRemainder = exact
    .map((e, index) => ({ index, remainder: Number(e % 1000n) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    if (weights[index] === 0) continue;
    shares[index] += 1;
    left -= 1;
  }
  return shares;
}
