import { describe, expect, it } from 'vitest';
import { queryTokens, searchTokensOf } from './search-tokens.js';

describe(searchTokensOf.name, () => {
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
