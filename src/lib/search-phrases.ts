/**
 * A search bundle's phrase index: for every two words that stand side by side in its articles
 * (folded: "da lat"), the articles holding them, where, spelled how, and whether in the title.
 * Written by the build beside the bundle's Pagefind files, read by the search page: a query of
 * several words reads one small file per word pair and bundle, instead of Pagefind's index
 * chunks of each word, which for a common syllable ("đã", folded "da") hold every article.
 * Pure, shared by the build, the dev server and the search page.
 *
 * Pages are numbered as Pagefind numbers them: the build adds a bundle's pages newest first, so
 * a page's number is also its place in the bundle's date order.
 *
 * A pair file holds a line per pair, sorted: `pair \t spellings \t postings`, the spellings
 * (`đà lạt|đã lát`, lowercase) numbered from 0, the postings a page at a time,
 * `<page>:<occurrence>,…`, pages in ascending order, each number but the first as the
 * difference from the one before, an occurrence `[*]<position>[.<spelling>]` (`*` in the title;
 * spelling 0 left out); numbers in base 36.
 */
import { textFromHtml, tokenize } from './search-fold.ts';
import { foldVietnamese } from './text.ts';

/** The folder of a bundle's phrase index, beside its Pagefind files. */
export const PHRASES_DIR = 'phrases';
/** How many files a bundle's word pairs are spread over: a query reads one per pair. */
export const PHRASE_PARTS = 256;
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
 * The pair file that holds a pair of folded words (FNV-1a of the pair, two hex digits).
 *
 * @example
 * phrasePart('da lat'); // 'bf'
 */
export function phrasePart(pair: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < pair.length; index++) {
    hash ^= pair.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % PHRASE_PARTS).toString(16).padStart(2, '0');
}

/**
 * A pair file's path in its bundle (gzip-compressed, as Pagefind's own files).
 *
 * @example
 * phrasePath('bf'); // 'phrases/bf.bin'
 */
export function phrasePath(part: string): string {
  return `${PHRASES_DIR}/${part}.bin`;
}

/**
 * The page list file holding a page's fragment name: `PAGE_LIST_SIZE` names a file, a line each.
 *
 * @example
 * pageListPath(250); // 'phrases/pages/2.txt'
 */
export function pageListPath(page: number): string {
  return `${PHRASES_DIR}/pages/${Math.floor(page / PAGE_LIST_SIZE)}.txt`;
}

interface PairEntry {
  spellings: Map<string, number>;
  postings: string;
  lastPage: number;
}

/**
 * Builds one bundle's phrase index from its pages, added in page-number order.
 *
 * @example
 * const builder = new PhraseIndexBuilder();
 * builder.add({ words: ['đà', 'lạt'], title: 2 });
 * builder.add({ words: ['đã', 'lát', 'đá'], title: 0 });
 * builder.pairFiles();
 * // Map { 'phrases/bf.bin' => 'da lat\tđà lạt|đã lát\t0:*0 1:0.1\n', 'phrases/e1.bin' => 'lat da\tlát đá\t1:1\n' }
 */
export class PhraseIndexBuilder {
  readonly #pairs = new Map<string, PairEntry>();
  /** Words folded so far: a bundle's articles share most of theirs. */
  readonly #folded = new Map<string, string>();
  #pages = 0;

  /** Adds the next page's words (see {@link pageWords}). */
  add(page: PageWords): void {
    const number = this.#pages++;
    const folded = page.words.map((word) => {
      let fold = this.#folded.get(word);
      if (fold === undefined) {
        fold = foldVietnamese(word);
        this.#folded.set(word, fold);
      }
      return fold;
    });
    const occurrences = new Map<string, string[]>();
    for (let position = 0; position + 1 < folded.length; position++) {
      const pair = `${folded[position]} ${folded[position + 1]}`;
      let entry = this.#pairs.get(pair);
      if (!entry) {
        entry = { spellings: new Map(), postings: '', lastPage: -1 };
        this.#pairs.set(pair, entry);
      }
      const spelled = `${page.words[position]} ${page.words[position + 1]}`;
      let spelling = entry.spellings.get(spelled);
      if (spelling === undefined) {
        spelling = entry.spellings.size;
        entry.spellings.set(spelled, spelling);
      }
      const title = position + 1 < page.title ? '*' : '';
      const occurrence = `${title}${position.toString(36)}${spelling > 0 ? `.${spelling.toString(36)}` : ''}`;
      const list = occurrences.get(pair);
      if (list) list.push(occurrence);
      else occurrences.set(pair, [occurrence]);
    }
    for (const [pair, list] of occurrences) {
      const entry = this.#pairs.get(pair)!;
      const step = entry.lastPage < 0 ? number : number - entry.lastPage;
      entry.postings += `${entry.postings ? ' ' : ''}${step.toString(36)}:${list.join(',')}`;
      entry.lastPage = number;
    }
  }

  /** The pair files by path in the bundle, as text (the build compresses them). */
  pairFiles(): Map<string, string> {
    const parts = new Map<string, string[]>();
    for (const pair of this.#pairs.keys()) {
      const part = phrasePart(pair);
      const pairs = parts.get(part);
      if (pairs) pairs.push(pair);
      else parts.set(part, [pair]);
    }
    const files = new Map<string, string>();
    for (const part of [...parts.keys()].sort()) {
      const lines = parts
        .get(part)!
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((pair) => {
          const entry = this.#pairs.get(pair)!;
          return `${pair}\t${[...entry.spellings.keys()].join('|')}\t${entry.postings}\n`;
        });
      files.set(phrasePath(part), lines.join(''));
    }
    return files;
  }
}

/**
 * A bundle's page lists by path: `fragments` (Pagefind's fragment names by page number),
 * {@link PAGE_LIST_SIZE} a file, one a line.
 *
 * @example
 * pageListFiles(['vi_a1', 'vi_b2']); // Map { 'phrases/pages/0.txt' => 'vi_a1\nvi_b2\n' }
 */
export function pageListFiles(fragments: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (let start = 0; start < fragments.length; start += PAGE_LIST_SIZE) {
    const names = fragments.slice(start, start + PAGE_LIST_SIZE);
    files.set(pageListPath(start), names.map((name) => `${name}\n`).join(''));
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
 * readPair('da lat\tđà lạt|đã lát\t0:*0 1:0.1\n', 'da lat');
 * // Map { 0 => [{ position: 0, spelled: 'đà lạt', title: true }], 1 => [{ position: 0, spelled: 'đã lát', title: false }] }
 */
export function readPair(file: string, pair: string): Map<number, PairOccurrence[]> {
  const found = new Map<number, PairOccurrence[]>();
  const key = `${pair}\t`;
  const start = file.startsWith(key) ? 0 : file.indexOf(`\n${key}`) + 1;
  if (start === 0 && !file.startsWith(key)) return found;
  const end = file.indexOf('\n', start);
  const [, spellingList = '', postings = ''] = file.slice(start, end < 0 ? undefined : end).split('\t');
  const spellings = spellingList.split('|');
  let page = -1;
  for (const posting of postings.split(' ')) {
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
 * wholly in it; accented when one occurrence spells every marked word as typed.
 *
 * @example
 * phraseMatches([readPair('da lat\tđà lạt|đã lát\t0:*0 1:0.1\n', 'da lat')], ['đà', undefined]);
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
