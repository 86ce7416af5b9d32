import { Money } from '@vitrine/platform';

/** Money is one shared type of the platform (`@shareable` across subgraphs). */
export { Money };

export function money(amount: number, currency: string): Money {
  return { amount, currency };
}

export function sameMoney(a: Money, b: Money): boolean {
  return a.amount === b.amount && a.currency === b.currency;
}
