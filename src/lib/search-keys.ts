/**
 * The words of one search bundle as Pagefind indexes them ("keys": marks folded, `đ` kept),
 * written by the build beside the bundle and read by the search page. Pure.
 *
 * Why: Pagefind's unquoted search of a word matches every word it starts ("da" also finds
 * "dân", "đang" aside) and reports all their positions, while its quoted search reports only
 * a page's first position, and for a word the bundle lacks it falls back to a shorter word
 * ("festivalx" finds "festival"). Knowing the bundle's keys, the search page takes the
 * positions of exactly one word: those of the word, less those of the longer words it starts
 * in the same index chunk ({@link extensions}); and it never asks for a word the bundle lacks.
 */
import type { ChunkRange } from './pagefind-meta.ts';
import { indexKey, type QueryWord } from './search-query.ts';
import { lowerBound } from './lower-bound.ts';

/** The folder of a bundle's keys files, beside its Pagefind files. */
export const KEYS_DIR = 'keys';

/**
 * The keys file that holds the index words starting like `key`, by the first character: a
 * letter or digit names its own file, `đ` is `dd` (as typed in Telex), anything else `_`. A
 * search loads only the files of its words' first characters, not a bundle's every word.
 *
 * @example
 * keysPart('lat'); // 'l'
 * keysPart('đa'); // 'dd'
 * keysPart('ß'); // '_'
 */
export function keysPart(key: string): string {
  const first = key.charAt(0);
  if (/^[a-z0-9]$/.test(first)) return first;
  return first === 'đ' ? 'dd' : '_';
}

/**
 * A keys file's path in its bundle.
 *
 * @example
 * keysPath('dd'); // 'keys/dd.txt'
 */
export function keysPath(part: string): string {
  return `${KEYS_DIR}/${part}.txt`;
}

/**
 * The keys files of a bundle from its vocabulary (`word count` lines, `vocabularyText`), by
 * {@link keysPath}: each key once, one a line, in code-point order; given the bundle's index
 * chunks (`src/lib/pagefind-meta.ts`), a blank line between the keys of one chunk and the next.
 *
 * @example
 * keysFiles('đà 3\nđã 9\nlạt 2\nlâm 1\n2022 4\n'); // Map { 'keys/2.txt' => '2022\n', 'keys/l.txt' => 'lam\nlat\n', 'keys/dd.txt' => 'đa\n' }
 * keysFiles('lạt 2\nlâm 1\n', [{ from: 'a', to: 'lam' }, { from: 'lan', to: 'z' }]).get('keys/l.txt'); // 'lam\n\nlat\n'
 */
export function keysFiles(vocabulary: string, chunks?: readonly ChunkRange[]): Map<string, string> {
  const keys = new Set<string>();
  for (const line of vocabulary.split('\n')) {
    const word = line.split(' ')[0];
    if (word) keys.add(indexKey(word));
  }
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // A key outside every chunk (Pagefind split the text otherwise) is a group of its own.
  const chunkOf = (key: string) => (chunks ? chunks.findIndex((chunk) => chunk.from <= key && key <= chunk.to) : 0);
  const files = new Map<string, string>();
  const previous = new Map<string, number>();
  sorted.forEach((key, index) => {
    const file = keysPath(keysPart(key));
    const found = chunkOf(key);
    const group = found === -1 ? -1 - index : found;
    const before = previous.get(file);
    const line = before !== undefined && group !== before ? `\n${key}\n` : `${key}\n`;
    previous.set(file, group);
    files.set(file, (files.get(file) ?? '') + line);
  });
  return files;
}

/** A bundle's index words, sorted, with the index chunk (a group number) each is in. */
export interface BundleKeys {
  keys: string[];
  groups: number[];
}

/**
 * A keys file read: the sorted keys, and their chunk groups (numbered from 0 by blank lines).
 *
 * @example
 * readKeys('2022\nlat\n\nđa\n'); // { keys: ['2022', 'lat', 'đa'], groups: [0, 0, 1] }
 */
export function readKeys(file: string): BundleKeys {
  const keys: string[] = [];
  const groups: number[] = [];
  let group = 0;
  for (const line of file.split('\n').slice(0, file.endsWith('\n') ? -1 : undefined)) {
    if (line === '') {
      group += 1;
      continue;
    }
    keys.push(line);
    groups.push(group);
  }
  return { keys, groups };
}

/**
 * Keys files read ({@link readKeys}) as one sorted list, each file's chunk groups kept apart
 * from the others'.
 *
 * @example
 * mergeKeys([readKeys('lam\n\nlat\n'), readKeys('da\n')]); // { keys: ['da', 'lam', 'lat'], groups: [2, 0, 1] }
 */
export function mergeKeys(parts: readonly BundleKeys[]): BundleKeys {
  const entries: [string, number][] = [];
  let offset = 0;
  for (const part of parts) {
    part.keys.forEach((key, index) => entries.push([key, offset + part.groups[index]!]));
    offset += (part.groups.at(-1) ?? -1) + 1;
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { keys: entries.map(([key]) => key), groups: entries.map(([, group]) => group) };
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
 * The shortest prefixes covering every longer key that starts with `key` in the same index
 * chunk (`groups`, when given): `key` and one more character. Pagefind's unquoted search of
 * `key` reads the chunk `key` falls in, so these are the words to take away from its
 * positions; searching each of them unquoted finds exactly those, reads no other chunk, and
 * none of them falls back to a shorter word.
 *
 * @example
 * extensions(['da', 'dai', 'dan', 'dang', 'danh', 'đa'], 'da'); // ['dai', 'dan']
 * extensions(['da', 'dai', 'dan', 'đa'], 'da', [0, 0, 1, 1]); // ['dai']
 */
export function extensions(keys: readonly string[], key: string, groups?: readonly number[]): string[] {
  const found = new Set<string>();
  const start = lowerBound(keys, key);
  const group = groups?.[start];
  for (let index = start; index < keys.length && keys[index]!.startsWith(key); index++) {
    if (groups && groups[index] !== group) break;
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
 * The searches that find a query word in a bundle with these (sorted) index words (and their
 * chunk groups, see {@link extensions}), or
 * `undefined` when the bundle lacks the word (Pagefind would answer with a shorter word it
 * starts). A whole word takes away the longer words it starts; a word still being typed
 * (`prefix`) keeps them.
 *
 * @example
 * lookups({ typed: 'đà', folded: 'da', keys: ['đa', 'da'], marked: true, prefix: false }, ['da', 'dan', 'đa', 'đang']);
 * // { byDate: 'da', keys: [{ key: 'đa', less: ['đan'] }, { key: 'da', less: ['dan'] }], spelled: 'đà' }
 */
export function lookups(word: QueryWord, keys: readonly string[], groups?: readonly number[]): WordLookups | undefined {
  const present = word.keys.filter((key) => hasKey(keys, key, word.prefix));
  if (present.length === 0) return undefined;
  return {
    // The folded word is always indexed: as written, or in the đ-folded copies of the page.
    byDate: word.folded,
    keys: present.map((key) => ({ key, less: word.prefix ? [] : extensions(keys, key, groups) })),
    ...(word.marked ? { spelled: word.typed } : {}),
  };
}
