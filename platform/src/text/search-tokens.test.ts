import { describe, expect, it } from 'vitest';
import { normalized, queryTokens, searchTokensOf, words } from './search-tokens.js';

describe(searchTokensOf.name, () => {
  it('lower-cases, removes accents and keeps prefixes of every word', () => {
    const tokens = searchTokensOf('Écharpe Rouge', 'Maison-Nord', null);
    expect(tokens).toEqual(
      expect.arrayContaining(['ec', 'ech', 'echarpe', 'ro', 'rouge', 'ma', 'maison', 'nord']),
    );
    expect(tokens).not.toContain('é');
    expect(tokens.every((t) => t === t.toLowerCase())).toBe(true);
  });

  it('matches every query built from the start of the words', () => {
    const stored = new Set(searchTokensOf('Chaussure Élégante', 'Pied', 'cuir', 'Femme'));
    for (const query of ['élég', 'CHAUSS ele', 'femme cuir', 'pi']) {
      expect(queryTokens(query).every((t) => stored.has(t))).toBe(true);
    }
    expect(queryTokens('sandale').every((t) => stored.has(t))).toBe(false);
  });

  it('keeps one-letter words whole and cuts very long words', () => {
    expect(searchTokensOf('T shirt')).toContain('t');
    const long = 'a'.repeat(30);
    expect(queryTokens(long)).toEqual(['a'.repeat(20)]);
    expect(searchTokensOf(long)).toContain('a'.repeat(20));
  });
});

describe(words.name, () => {
  it('splits on anything that is not a letter or digit', () => {
    expect(words("L'Été 2025, bleu/vert")).toEqual(['l', 'ete', '2025', 'bleu', 'vert']);
    expect(normalized('  Bleu  Ciel ')).toBe('bleu ciel');
  });
});

describe(`${searchTokensOf.name} of an account`, () => {
  it('indexes prefixes of every word of the email and names, without accents', () => {
    const tokens = searchTokensOf('alice.smith@example.com', 'Élodie', null);
    expect(tokens).toEqual(
      expect.arrayContaining(['al', 'ali', 'alice', 'sm', 'smith', 'el', 'elodie']),
    );
  });

  it('lets a query of word starts match', () => {
    const tokens = new Set(searchTokensOf('alice.smith@example.com', 'Alice', 'Smith'));
    expect(queryTokens('Ali SMI').every((t) => tokens.has(t))).toBe(true);
    expect(queryTokens('bob').every((t) => tokens.has(t))).toBe(false);
  });
});
