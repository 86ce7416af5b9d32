/** Words of a text, lower-cased and accent-free ("Écharpe Rouge" → ["echarpe", "rouge"]). */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** A single normalized value, for exact filters such as sizes and colours ("Bleu Ciel" → "bleu ciel"). */
export function normalized(text: string): string {
  return words(text).join(' ');
}

const MIN_PREFIX = 2;
const MAX_PREFIX = 20;

/**
 * Prefix tokens of every word of a document's searchable texts (a product's title and tags, an
 * account's email and names), stored in the document so that `searchTokens: { $all:
 * queryTokens(q) }` finds "sneak" in "Sneakers" with an index, on MongoDB and FerretDB alike
 * (FerretDB has no `$text`).
 */
export function searchTokensOf(...texts: (string | null | undefined)[]): string[] {
  const tokens = new Set<string>();
  for (const word of texts.flatMap((t) => (t ? words(t) : []))) {
    if (word.length < MIN_PREFIX) tokens.add(word);
    for (let n = MIN_PREFIX; n <= Math.min(word.length, MAX_PREFIX); n++) {
      tokens.add(word.slice(0, n));
    }
  }
  return [...tokens];
}

/** The tokens a search text must all match (each word of the query, cut as stored). */
export function queryTokens(query: string): string[] {
  return [...new Set(words(query).map((w) => w.slice(0, MAX_PREFIX)))];
}
