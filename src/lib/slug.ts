import { foldVietnamese } from './text.ts';

/**
 * Turns Vietnamese text into a URL segment: ASCII, lowercase, hyphenated, diacritics
 * stripped and `đ` to `d`. The same rule serves articles, categories, authors, tags and
 * the importer's file names, so a URL never depends on where the text came from.
 *
 * Hand-written rather than a slug library because the common ones transliterate `đ` to
 * `dj` (German/Serbian tables) and the fold is already needed for search.
 *
 * @example
 * slugify('Cụm thi đua số 1 ký kết giao ước thi đua năm 2022');
 * // 'cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022'
 */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
