import { describe, expect, it } from 'vitest';
import { isValidSlug, normalizeCategories, normalizeSlug, slugOrThrow } from './slug.js';

describe(normalizeSlug.name, () => {
  it('lower-cases, drops accents and joins words with single hyphens', () => {
    expect(normalizeSlug('  Café  Noir!  ')).toBe('cafe-noir');
    expect(normalizeSlug('Ma_Boutique -- Paris 11e')).toBe('ma-boutique-paris-11e');
    expect(normalizeSlug('Ørsted & Søn')).toBe('rsted-s-n');
    expect(normalizeSlug('---')).toBe('');
  });

  it('accepts 3 to 60 characters of a-z, 0-9 and inner hyphens', () => {
    expect(isValidSlug('abc')).toBe(true);
    expect(isValidSlug('ab')).toBe(false);
    expect(isValidSlug('a'.repeat(60))).toBe(true);
    expect(isValidSlug('a'.repeat(61))).toBe(false);
    expect(isValidSlug('-abc')).toBe(false);
    expect(isValidSlug('a--b')).toBe(false);
  });

  it('refuses what normalizes to nothing usable, naming the field', () => {
    expect(slugOrThrow('Le Petit Atelier', 'input.slug')).toBe('le-petit-atelier');
    expect(() => slugOrThrow('!!', 'input.slug')).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'input.slug' } }),
    );
  });

  it('normalizes categories, dropping duplicates', () => {
    expect(normalizeCategories(['Shoes', 'shoes', 'Prêt-à-porter'], 'input.categories')).toEqual([
      'shoes',
      'pret-a-porter',
    ]);
    expect(() => normalizeCategories(['ok', '!'], 'input.categories')).toThrow(
      expect.objectContaining({
        extensions: { code: 'BAD_USER_INPUT', field: 'input.categories.1' },
      }),
    );
  });
});
