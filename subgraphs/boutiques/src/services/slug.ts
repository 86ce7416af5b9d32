import { Errors, words } from '@vitrine/platform';

export const SLUG_MIN_LENGTH = 3;
export const SLUG_MAX_LENGTH = 60;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Turns a name or a typed slug into URL form: accents dropped, lower case, every run of other
 * characters one hyphen, no hyphen at either end ("Café  Noir!" → "cafe-noir").
 */
export function normalizeSlug(value: string): string {
  return words(value).join('-');
}

export function isValidSlug(slug: string): boolean {
  return slug.length >= SLUG_MIN_LENGTH && slug.length <= SLUG_MAX_LENGTH && SLUG.test(slug);
}

/** The normalized slug, or BAD_USER_INPUT on `field` when nothing usable is left of it. */
export function slugOrThrow(value: string, field: string): string {
  const slug = normalizeSlug(value);
  if (!isValidSlug(slug)) {
    throw Errors.badUserInput(
      field,
      `${field.split('.').at(-1)} must give ${SLUG_MIN_LENGTH} to ${SLUG_MAX_LENGTH} characters of a-z, 0-9 and hyphens`,
    );
  }
  return slug;
}

export const MAX_CATEGORIES = 10;

/** Category slugs: normalized, duplicates dropped, order kept; BAD_USER_INPUT on the offending item. */
export function normalizeCategories(values: readonly string[], field: string): string[] {
  if (values.length > MAX_CATEGORIES) {
    throw Errors.badUserInput(field, `At most ${MAX_CATEGORIES} categories`);
  }
  const categories = values.map((value, i) => {
    const slug = normalizeSlug(value);
    if (slug.length < 2 || slug.length > 40) {
      throw Errors.badUserInput(
        `${field}.${i}`,
        'A category is 2 to 40 characters of a-z, 0-9 and hyphens',
      );
    }
    return slug;
  });
  return [...new Set(categories)];
}
