/** Words of a text, lower-cased and accent-free. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const MIN_PREFIX = 2;
const MAX_PREFIX = 20;

/**
 * Prefix tokens of the words of an account (email, names), stored in the document so that an
 * admin search matches "ali smi" to alice.smith@... with an index, on MongoDB and FerretDB alike
 * (FerretDB has no `$text`).
 */
export function searchTokensOf(...texts: (string | null | undefined)[]): string[] {
  const tokens = new Set<string>();
  for (const word of texts.flatMap((t) => (t ? words(t) : []))) {
    for (let n = MIN_PREFIX; n <= Math.min(word.length, MAX_PREFIX); n++)
      tokens.add(word.slice(0, n));
    if (word.length < MIN_PREFIX) tokens.add(word);
  }
  return [...tokens];
}

/** The tokens a search query must all match. */
export function queryTokens(query: string): string[] {
  return words(query).map((w) => w.slice(0, MAX_PREFIX));
}
