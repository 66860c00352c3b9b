/**
 * A search bundle's phrase index: for every two words that stand side by side in its articles
 * (folded: "da lat"), the articles holding them, where, spelled how, and whether in the title;
 * and for every word alone, the articles holding it.
 * Written by the build beside the bundle's Pagefind files (`phrase-index-builder.ts`), read by
 * the search page: a query of several words reads one small file per word pair and bundle,
 * instead of Pagefind's index chunks of each word, which for a common syllable ("đã", folded
 * "da") hold every article. Pure, shared by the build, the dev server and the search page.
 *
 * Pages are numbered as Pagefind numbers them: the build adds a bundle's pages newest first, so
 * a page's number is also its place in the bundle's date order. The files of one version of a
 * bundle's index go in a folder named as Pagefind names that version's metadata (`vi_a74385dd9c`,
 * in `pagefind-entry.json`): the search page never mixes files of two builds, and they can be
 * cached for good.
 *
 * A pair file holds a line per pair, in the order the pairs were first seen:
 * `spellings \t postings`, the spellings (`đà lạt|đã lát`, lowercase, the first folded being the
 * pair) numbered from 0, the postings a page at a time, `<page>:<occurrence>,…`, pages in
 * ascending order, each number but the first as the difference from the one before, an
 * occurrence `[*]<position>[.<spelling>]` (`*` in the title; spelling 0 left out); numbers in
 * base 36. A word alone is the pair of it and the empty word (`tỉnh |tính `, folded `tinh `), with
 * its first occurrence in each page's title and its first in the body: a query of one word
 * reads one file per bundle too, where Pagefind's index chunk of a common word is large.
 */
import { textFromHtml, tokenize } from './search-fold.ts';
import { foldVietnamese } from './text.ts';

/** The folder of a bundle's phrase index, beside its Pagefind files. */
export const PHRASES_DIR = 'phrases';
/** How many files a bundle's word pairs are spread over: a query reads one per pair. */
export const PHRASE_PARTS = 1024;
/** Fragment names per page list file (`phrases/pages/<n>.txt`). */
export const PAGE_LIST_SIZE = 100;

// Elements Pagefind leaves out of the index (`data-pagefind-ignore`): the category link, the
// tags, the byline's label. Article bodies are sanitised Markdown and nest no such element.
const IGNORED = /<(\w+)\b[^>]*\sdata-pagefind-ignore\b[^>]*>[\s\S]*?<\/\1>/g;

/** The words of an indexed article, in order, lowercase, and how many of the first are its title. */
export interface PageWords {
  words: string[];
  title: number;
}

/**
 * The words of an indexed article page's region (its `data-pagefind-body` element), lowercase
 * and NFC, without what Pagefind ignores; the title is the `<h1>` and everything before it.
 *
 * @example
 * pageWords('<article><h1>Đà Lạt</h1><p data-pagefind-ignore>Tin</p><p>Mưa to</p></article>');
 * // { words: ['đà', 'lạt', 'mưa', 'to'], title: 2 }
 */
export function pageWords(region: string): PageWords {
  const html = region.replace(IGNORED, ' ');
  const words = (text: string) =>
    tokenize(textFromHtml(text).normalize('NFC')).map((token) => token.text.toLowerCase());
  const titleEnd = html.indexOf('</h1>');
  return { words: words(html), title: titleEnd < 0 ? 0 : words(html.slice(0, titleEnd)).length };
}

/**
 * The pair file that holds a pair of folded words (FNV-1a of the pair, three hex digits).
 *
 * @example
 * phrasePart('da lat'); // '1bf'
 */
export function phrasePart(pair: string): string {
  return partName(fnv1a(FNV_OFFSET, pair) % PHRASE_PARTS);
}

/**
 * The number of the pair file holding two folded words: {@link phrasePart} of the pair, without
 * joining them into a string.
 *
 * @example
 * partName(pairPart('da', 'lat')); // '1bf'
 */
export function pairPart(first: string, second: string): number {
  return fnv1a(fnv1a(fnv1a(FNV_OFFSET, first), ' '), second) % PHRASE_PARTS;
}

/**
 * A pair file's name from its number: three hex digits.
 *
 * @example
 * partName(447); // '1bf'
 */
export function partName(part: number): string {
  return part.toString(16).padStart(3, '0');
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a of `text`'s UTF-16 code units, continued from `hash`. */
function fnv1a(hash: number, text: string): number {
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash;
}

/**
 * A pair file's path in its bundle (gzip-compressed, as Pagefind's own files), for a version of
 * the bundle's index.
 *
 * @example
 * phrasePath('vi_a74385dd9c', '1bf'); // 'phrases/vi_a74385dd9c/1bf.bin'
 */
export function phrasePath(version: string, part: string): string {
  return `${PHRASES_DIR}/${version}/${part}.bin`;
}

/**
 * The page list file holding a page's fragment name: `PAGE_LIST_SIZE` names a file, a line each.
 *
 * @example
 * pageListPath('vi_a74385dd9c', 250); // 'phrases/vi_a74385dd9c/pages/2.txt'
 */
export function pageListPath(version: string, page: number): string {
  return `${PHRASES_DIR}/${version}/pages/${Math.floor(page / PAGE_LIST_SIZE)}.txt`;
}

/**
 * A bundle's page lists by path: `fragments` (Pagefind's fragment names by page number),
 * {@link PAGE_LIST_SIZE} a file, one a line.
 *
 * @example
 * pageListFiles('vi_1', ['vi_a1', 'vi_b2']); // Map { 'phrases/vi_1/pages/0.txt' => 'vi_a1\nvi_b2\n' }
 */
export function pageListFiles(version: string, fragments: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (let start = 0; start < fragments.length; start += PAGE_LIST_SIZE) {
    const names = fragments.slice(start, start + PAGE_LIST_SIZE);
    files.set(pageListPath(version, start), names.map((name) => `${name}\n`).join(''));
  }
  return files;
}

/** Where a pair stands in one page. */
export interface PairOccurrence {
  position: number;
  /** Its spelling, lowercase ("đà lạt"). */
  spelled: string;
  title: boolean;
}

/**
 * The pages of a pair file holding a pair, with its occurrences in each, by page number; an
 * empty map when the file has no such pair.
 *
 * @example
 * readPair('đà lạt|đã lát\t0:*0 1:0.1\n', 'da lat');
 * // Map { 0 => [{ position: 0, spelled: 'đà lạt', title: true }], 1 => [{ position: 0, spelled: 'đã lát', title: false }] }
 */
export function readPair(file: string, pair: string): Map<number, PairOccurrence[]> {
  const found = new Map<number, PairOccurrence[]>();
  let start = 0;
  for (let end = file.indexOf('\n'); end >= 0; start = end + 1, end = file.indexOf('\n', start)) {
    const tab = file.indexOf('\t', start);
    const spellings = file.slice(start, tab).split('|');
    if (foldVietnamese(spellings[0]!) !== pair) continue;
    let page = -1;
    for (const posting of file.slice(tab + 1, end).split(' ')) {
      const [step = '', list = ''] = posting.split(':');
      page = page < 0 ? parseInt(step, 36) : page + parseInt(step, 36);
      found.set(
        page,
        list.split(',').map((occurrence) => {
          const title = occurrence.startsWith('*');
          const [position = '', spelling = '0'] = (title ? occurrence.slice(1) : occurrence).split('.');
          return { position: parseInt(position, 36), spelled: spellings[parseInt(spelling, 36)] ?? '', title };
        }),
      );
    }
    break;
  }
  return found;
}

/** A page holding a phrase: whether in its title, and whether spelled as typed. */
export interface PhraseMatch {
  page: number;
  title: boolean;
  accented: boolean;
}

/**
 * The pages holding a phrase of `typed.length` words, given each adjacent pair's occurrences
 * (`pairs[i]`: words `i` and `i + 1`, see {@link readPair}): those where the pairs follow one
 * another. `typed[i]` is word `i` as the reader typed it when it had marks (a match must then
 * spell it so to count as accented), else `undefined`. In the title when one occurrence lies
 * wholly in it; accented when one occurrence spells every marked word as typed. A query of one
 * word has one entry, the word alone.
 *
 * @example
 * phraseMatches([readPair('đà lạt|đã lát\t0:*0 1:0.1\n', 'da lat')], ['đà', undefined]);
 * // [{ page: 0, title: true, accented: true }, { page: 1, title: false, accented: false }]
 * phraseMatches([readPair('tỉnh |tính \t0:*0,5 1:2.1\n', 'tinh ')], ['tỉnh']);
 * // [{ page: 0, title: true, accented: true }, { page: 1, title: false, accented: false }]
 */
export function phraseMatches(
  pairs: readonly ReadonlyMap<number, readonly PairOccurrence[]>[],
  typed: readonly (string | undefined)[],
): PhraseMatch[] {
  const [first, ...rest] = pairs;
  if (!first) return [];
  const matches: PhraseMatch[] = [];
  for (const [page, occurrences] of first) {
    const others = rest.map((pair) => pair.get(page));
    if (others.some((found) => !found)) continue;
    const byPosition = others.map((found) => new Map(found!.map((occurrence) => [occurrence.position, occurrence])));
    let title = false;
    let accented = false;
    let matched = false;
    for (const start of occurrences) {
      const chain = [start];
      for (const [index, positions] of byPosition.entries()) {
        const next = positions.get(start.position + index + 1);
        if (!next) break;
        chain.push(next);
      }
      if (chain.length !== pairs.length) continue;
      matched = true;
      title ||= chain.every((occurrence) => occurrence.title);
      // Word i is the first of pair i; the last word, the second of the last pair.
      const spelled = [
        ...chain.map((occurrence) => occurrence.spelled.split(' ')[0]),
        chain.at(-1)!.spelled.split(' ')[1],
      ];
      accented ||= typed.every((word, index) => word === undefined || word === spelled[index]);
    }
    if (matched) matches.push({ page, title, accented });
  }
  return matches;
}
