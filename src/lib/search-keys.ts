/**
 * The words of one search bundle as Pagefind indexes them ("keys": marks folded, `đ` kept),
 * written by the build beside the bundle and read by the search page. Pure.
 *
 * Why: Pagefind's unquoted search of a word matches every word it starts ("da" also finds
 * "dân", "đang" aside) and reports all their positions, while its quoted search reports only
 * a page's first position, and for a word the bundle lacks it falls back to a shorter word
 * ("festivalx" finds "festival"). Knowing the bundle's keys, the search page takes the
 * positions of exactly one word: those of the word, less those of the longer words it starts
 * ({@link extensions}); and it never asks for a word the bundle lacks.
 */
import { indexKey, type QueryWord } from './search-query.ts';

/**
 * The keys file of a bundle from its vocabulary (`word count` lines, `vocabularyFile`): each
 * key once, one a line, in code-point order.
 *
 * @example
 * keysFile('đà 3\nđã 9\nlạt 2\n2022 4\n'); // '2022\nlat\nđa\n'
 */
export function keysFile(vocabulary: string): string {
  const keys = new Set<string>();
  for (const line of vocabulary.split('\n')) {
    const word = line.split(' ')[0];
    if (word) keys.add(indexKey(word));
  }
  return [...keys]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => `${key}\n`)
    .join('');
}

/**
 * A keys file read into a sorted list.
 *
 * @example
 * readKeys('2022\nlat\nđa\n'); // ['2022', 'lat', 'đa']
 */
export function readKeys(file: string): string[] {
  return file.split('\n').filter(Boolean);
}

/** Index of the first key not below `key` in the sorted list. */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (keys[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Whether the sorted keys hold `key` itself, or (with `prefix`) any key starting with it.
 *
 * @example
 * hasKey(['da', 'dan'], 'd', true); // true
 * hasKey(['da', 'dan'], 'd', false); // false
 */
export function hasKey(keys: readonly string[], key: string, prefix: boolean): boolean {
  const found = keys[lowerBound(keys, key)];
  return found !== undefined && (prefix ? found.startsWith(key) : found === key);
}

/**
 * The shortest prefixes covering every longer key that starts with `key`: `key` and one more
 * character. Searching each of them unquoted finds exactly the positions to take away from
 * `key`'s own unquoted search, and none of them falls back to a shorter word.
 *
 * @example
 * extensions(['da', 'dai', 'dan', 'dang', 'danh', 'đa'], 'da'); // ['dai', 'dan']
 */
export function extensions(keys: readonly string[], key: string): string[] {
  const found = new Set<string>();
  for (let index = lowerBound(keys, key); index < keys.length && keys[index]!.startsWith(key); index++) {
    const longer = keys[index]!;
    if (longer.length > key.length) found.add(longer.slice(0, key.length + 1));
  }
  return [...found];
}

/** The unquoted Pagefind searches that find one query word in a bundle. */
export interface WordLookups {
  /** The folded word, searched newest first: the date order, and whether it is in a title. */
  byDate: string;
  /** Each index key of the word the bundle holds, with the longer words to take away from it. */
  keys: { key: string; less: string[] }[];
  /** The word as typed, to search matching its marks (a word typed with marks). */
  spelled?: string;
}

/**
 * The searches that find a query word in a bundle with these (sorted) index words, or
 * `undefined` when the bundle lacks the word (Pagefind would answer with a shorter word it
 * starts). A whole word takes away the longer words it starts; a word still being typed
 * (`prefix`) keeps them.
 *
 * @example
 * lookups({ typed: 'đà', folded: 'da', keys: ['đa', 'da'], marked: true, prefix: false }, ['da', 'dan', 'đa', 'đang']);
 * // { byDate: 'da', keys: [{ key: 'đa', less: ['đan'] }, { key: 'da', less: ['dan'] }], spelled: 'đà' }
 */
export function lookups(word: QueryWord, keys: readonly string[]): WordLookups | undefined {
  const present = word.keys.filter((key) => hasKey(keys, key, word.prefix));
  if (present.length === 0) return undefined;
  return {
    // The folded word is always indexed: as written, or in the đ-folded copies of the page.
    byDate: word.folded,
    keys: present.map((key) => ({ key, less: word.prefix ? [] : extensions(keys, key) })),
    ...(word.marked ? { spelled: word.typed } : {}),
  };
}
