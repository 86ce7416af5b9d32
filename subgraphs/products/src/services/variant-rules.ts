import { Errors, normalized } from '@vitrine/platform';

export interface MoneyData {
  amount: number;
  currency: string;
}

export interface VariantPrices {
  price: MoneyData;
  compareAtPrice?: MoneyData | null;
}

export interface VariantFacets {
  size: string | null;
  colour: string | null;
  price: MoneyData;
}

/**
 * The prices of a variant must be in the product's one currency, and a compare-at ("was") price
 * must be above the price. Violations are BAD_USER_INPUT on the offending field under `field`.
 */
export function checkPrices(variant: VariantPrices, currency: string, field: string): void {
  if (variant.price.currency !== currency) {
    throw Errors.badUserInput(
      `${field}.price.currency`,
      `Every price of a product is in one currency (${currency})`,
    );
  }
  const compareAt = variant.compareAtPrice;
  if (!compareAt) return;
  if (compareAt.currency !== currency) {
    throw Errors.badUserInput(
      `${field}.compareAtPrice.currency`,
      `Every price of a product is in one currency (${currency})`,
    );
  }
  if (compareAt.amount <= variant.price.amount) {
    throw Errors.badUserInput(
      `${field}.compareAtPrice.amount`,
      'compareAtPrice must be above the price',
    );
  }
}

/** BAD_USER_INPUT on the second of two equal SKUs (`<field>.<index>.sku`). */
export function checkDistinctSkus(skus: string[], field: string): void {
  const seen = new Set<string>();
  skus.forEach((sku, index) => {
    if (seen.has(sku)) throw Errors.badUserInput(`${field}.${index}.sku`, 'SKUs must differ');
    seen.add(sku);
  });
}

/** What search keeps of the variants in the product document. */
export function facetsOf(variants: VariantFacets[]) {
  const amounts = variants.map((v) => v.price.amount);
  const values = (pick: (v: VariantFacets) => string | null) => [
    ...new Set(
      variants
        .map(pick)
        .filter((v): v is string => !!v)
        .map(normalized),
    ),
  ];
  return {
    minPriceAmount: amounts.length ? Math.min(...amounts) : 0,
    maxPriceAmount: amounts.length ? Math.max(...amounts) : 0,
    sizes: values((v) => v.size),
    colours: values((v) => v.colour),
  };
}
