/**
 * The search page's side of Pagefind: opens each search bundle (`src/lib/search-shards.ts`) as
 * an instance, and finds one bundle's matching articles for a parsed query, with what the
 * ranking rule (`src/lib/search-rank.ts`) needs to know of each: whether the words stand
 * together and in order, spelled as typed, in the title, and how new the article is.
 *
 * Pagefind ranks by its own score, and its unquoted search of a word matches every word it
 * starts ("da": "dân", "dao"), while a quoted one reports only a page's first position and, for
 * a word the bundle lacks, it falls back to a shorter word ("festivalx" finds "festival"). So
 * each query word is looked up on its own, unquoted, and its exact positions are those of the
 * word less those of the longer words it starts, known from the bundle's words
 * (`src/lib/search-keys.ts`, a file per first character, loaded when a query word needs it);
 * a word the bundle lacks is not asked for. The same unquoted search, newest first, gives the
 * date order and whether the word is in the title.
 */
import type { Candidate } from '../lib/search-rank.ts';
import { parseQuery, resolveQuery, type ParsedQuery, type QueryWord } from '../lib/search-query.ts';
import { phraseStart } from '../lib/search-rank.ts';
import { hasKey, keysPart, keysPath, lookups, mergeKeys, readKeys, type BundleKeys } from '../lib/search-keys.ts';
import { sharedTurns } from '../lib/in-turn.ts';
import { loadOnce } from '../lib/load-once.ts';
import { searchShardUrl } from '../lib/urls.ts';

/** The part of Pagefind's browser API used here (`/pagefind/pagefind.js`). */
export interface PagefindResultData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
export interface PagefindResult {
  id: string;
  score: number;
  /** Where the matched words stand in the page's text (word positions; the title comes first). */
  words: number[];
  /** Metadata fields (title, folded_title, …) where a query word matched. */
  matchedMetaFields?: string[];
  data: () => Promise<PagefindResultData>;
}
export interface PagefindSearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}
interface PagefindSearch {
  results: PagefindResult[];
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, options?: PagefindSearchOptions) => Promise<PagefindSearch>;
}
interface PagefindModule {
  createInstance: (options: Record<string, unknown>) => Pagefind;
}

/** Ranking boosts per metadata field (see `src/pages/bai-viet/[slug].astro`). */
const META_WEIGHTS = {
  title: 5,
  // The đ-folded copies rank like the text they were copied from.
  folded_title: 5,
  folded_text: 1,
  authors: 1,
  // Also in the body text; a second boost would favour every article from that day.
  dateline: 0,
};
const TITLE_FIELDS = ['title', 'folded_title'];
/** Words a bundle keeps what it found of, for the next searches: a few queries' worth. */
const WORDS_KEPT = 8;
const NEWEST_FIRST: Record<string, 'asc' | 'desc'> = { date: 'desc' };

/**
 * The text of the file at `path` in the bundle at `url`, decompressed when gzip-compressed (as
 * Pagefind's and the phrase index's files are; a server may already have decoded it);
 * `undefined` when the bundle has no such file. Any other failure throws.
 */
export async function bundleText(url: string, path: string): Promise<string | undefined> {
  const response = await fetch(`${url}${path}`);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  let bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  return new TextDecoder().decode(bytes);
}

/**
 * One search bundle, with its index words (`src/lib/search-keys.ts`). Its searches run side by
 * side, so their index chunks load at once, except those matching the marks as typed: they
 * switch the instance's `exactDiacritics` option for their own duration, so they wait for the
 * searches before them and those after them wait for them.
 */
export class Bundle {
  /** Searches side by side, but those matching the marks as typed alone. */
  readonly #turn = sharedTurns();
  /** What the bundle holds of the words asked for lately (`word`). */
  readonly #words = new Map<string, Promise<WordFinds>>();
  /** The keys files asked for, by part (`keysPart`). */
  readonly #parts = new Map<string, Promise<BundleKeys>>();
  /** Other files of the bundle read so far, by path (`file`). */
  readonly #files = new Map<string, Promise<string | undefined>>();
  /** The bundle's folder (`/pagefind/<shard>/`). */
  readonly url: string;
  readonly pagefind: Pagefind;
  /** Newest bundle 0; bundles hold consecutive months. */
  readonly position: number;

  constructor(pagefind: Pagefind, position: number, shard: string) {
    this.pagefind = pagefind;
    this.position = position;
    this.url = searchShardUrl(shard);
  }

  /**
   * The bundle's index words starting like any of `keys`, sorted, with their index chunks. A
   * keys file that is not there means the bundle has no word starting so; any other failure
   * fails the search that needs it, which says so.
   */
  async keys(keys: readonly string[]): Promise<BundleKeys> {
    const parts = [...new Set(keys.map(keysPart))].map((part) =>
      loadOnce(this.#parts, part, async () => {
        const text = await bundleText(this.url, keysPath(part));
        return text === undefined ? { keys: [], groups: [] } : readKeys(text);
      }),
    );
    return mergeKeys(await Promise.all(parts));
  }

  /**
   * A file of the bundle (`bundleText`), read once and kept for later searches; a failure fails
   * the search that needs it, which says so, and the next search asks again.
   */
  file(path: string): Promise<string | undefined> {
    return loadOnce(this.#files, path, () => bundleText(this.url, path));
  }

  search(term: string | null, options: PagefindSearchOptions): Promise<PagefindResult[]> {
    return this.#turn(async () => (await this.pagefind.search(term, options)).results);
  }

  /**
   * Searches matching the marks as typed, side by side, with the instance's `exactDiacritics`
   * option switched on for them alone: one switch for all of them, as each switch waits its
   * turn in Pagefind's worker behind the searches before it. Their results come as soon as they
   * are known; the bundle's next searches wait until the option is off again.
   */
  searchSpelled(terms: readonly string[], options: PagefindSearchOptions): Promise<PagefindResult[][]> {
    return new Promise((resolve, reject) => {
      void this.#turn(async () => {
        try {
          await this.pagefind.options({ exactDiacritics: true });
          resolve(await Promise.all(terms.map(async (term) => (await this.pagefind.search(term, options)).results)));
        } catch (error) {
          reject(error as Error);
        } finally {
          await this.pagefind.options({ exactDiacritics: false }).catch(() => undefined);
        }
      }, true);
    });
  }

  /**
   * What the bundle holds of a word, under filters: found once (`find`) and kept for the next
   * searches while it is among the last few words asked for.
   */
  word(word: QueryWord, filters: Record<string, string>, find: () => Promise<WordFinds>): Promise<WordFinds> {
    const key = JSON.stringify([word, filters]);
    let found = this.#words.get(key);
    if (found) {
      // The most recently asked for is kept longest.
      this.#words.delete(key);
    } else {
      found = find();
      found.catch(() => this.#words.delete(key));
    }
    this.#words.set(key, found);
    for (const oldest of this.#words.keys()) {
      if (this.#words.size <= WORDS_KEPT) break;
      this.#words.delete(oldest);
    }
    return found;
  }
}

/**
 * A Pagefind instance per bundle, newest first. Not one instance with the others merged in
 * (`mergeIndex`): that merges each search's counts too, and telling the bundles apart then took
 * a synthetic filter on every page, which Pagefind counts against the matching pages with a
 * linear search on every query. The newest bundle opens first and alone: its WebAssembly,
 * compiled once, serves every instance of the page, and the other bundles ship a placeholder
 * for it (see `WASM_PLACEHOLDER` in `src/lib/search-shards.ts`).
 */
export async function openShards(shards: readonly string[]): Promise<Bundle[]> {
  const [newest, ...older] = shards;
  if (!newest) return [];
  const { createInstance } = (await import(
    // The path is only known at run time: Vite must not try to bundle it.
    /* @vite-ignore */ `${searchShardUrl(newest)}pagefind.js`
  )) as PagefindModule;
  const open = (shard: string) =>
    createInstance({ basePath: searchShardUrl(shard), ranking: { metaWeights: META_WEIGHTS } });
  const first = open(newest);
  // A search waits until its instance has compiled Pagefind's WebAssembly.
  await first.search('');
  return [first, ...older.map(open)].map((pagefind, position) => new Bundle(pagefind, position, shards[position]!));
}

/** A matching article, with what the ranking rule knows of it. */
export interface Match extends Candidate {
  result: PagefindResult;
}

/** One bundle's answer: its matches, and which query words it has no article for. */
export interface BundleAnswer {
  matches: Match[];
  /** Indexes of query words that match no word of this bundle. */
  missing: number[];
}

/** A word's positions in each page that has it, by page. */
type Locations = Map<string, number[]>;

function addLocations(into: Locations, found: Locations): void {
  for (const [id, positions] of found) {
    const known = into.get(id);
    into.set(id, known ? known.concat(positions) : positions);
  }
}

/** Everything the bundle knows of one word: its pages' positions, titles and date order. */
export interface WordFinds {
  locations: Locations;
  /** Pages with the word in the title. */
  titled: Set<string>;
  /** The unquoted search's results, newest first. */
  byDate: PagefindResult[];
  /** The results of each index key of the word the bundle holds. */
  found: PagefindResult[][];
  /** The word as typed, to search matching its marks (a word typed with marks). */
  spelled?: string | undefined;
  /** The results of that search, once made. */
  spelledFound?: PagefindResult[];
}

/** The positions in `found` but those in `less`, by page. */
function positionsBut(found: readonly PagefindResult[], less: readonly PagefindResult[][]): Locations {
  const taken = new Map<string, Set<number>>();
  for (const result of less.flat()) {
    const set = taken.get(result.id) ?? new Set<number>();
    for (const position of result.words) set.add(position);
    taken.set(result.id, set);
  }
  const positions: Locations = new Map();
  for (const result of found) {
    const away = taken.get(result.id);
    const kept = away ? result.words.filter((position) => !away.has(position)) : result.words;
    if (kept.length > 0) positions.set(result.id, kept);
  }
  return positions;
}

/**
 * What `bundle` holds of `word`; the search matching its marks as typed is made by the search
 * for all its words at once.
 */
async function findWord(bundle: Bundle, word: QueryWord, filters: Record<string, string>): Promise<WordFinds> {
  const locations: Locations = new Map();
  const { keys, groups } = await bundle.keys(word.keys);
  const plan = lookups(word, keys, groups);
  if (!plan) return { locations, titled: new Set(), byDate: [], found: [] };
  // Every search of the word at once: their index chunks load side by side.
  const dated = bundle.search(plan.byDate, { filters, sort: NEWEST_FIRST });
  const searched = plan.keys.map(({ key, less }) =>
    Promise.all([
      key === plan.byDate ? dated : bundle.search(key, { filters }),
      Promise.all(less.map((extension) => bundle.search(extension, { filters }))),
    ]),
  );
  const [byDate, answers] = await Promise.all([dated, Promise.all(searched)]);
  const titled = new Set(
    byDate
      .filter((result) => result.matchedMetaFields?.some((field) => TITLE_FIELDS.includes(field)))
      .map((result) => result.id),
  );
  for (const [found, longer] of answers) addLocations(locations, positionsBut(found, longer));
  return { locations, titled, byDate, found: answers.map(([found]) => found), spelled: plan.spelled };
}

/** The positions of `spelled` (a word's words spelled as typed) that are the word's own, by page. */
function ownPositions(spelled: readonly PagefindResult[], locations: Locations): Locations {
  const accented: Locations = new Map();
  for (const [id, positions] of positionsBut(spelled, [])) {
    const own = new Set(locations.get(id));
    const kept = positions.filter((position) => own.has(position));
    if (kept.length > 0) accented.set(id, kept);
  }
  return accented;
}

/**
 * One bundle's articles holding every word of `query` (under `filters`), each with whether it
 * holds them as a phrase, as typed, in its title, and its place in the bundle's date order.
 * No matches when a word is missing from the bundle; every word is still looked up, to say which.
 */
export async function searchWords(
  bundle: Bundle,
  query: ParsedQuery,
  filters: Record<string, string>,
): Promise<BundleAnswer> {
  // Every word at once: the bundle runs their searches side by side.
  const finds = await Promise.all(
    query.words.map((word) => bundle.word(word, filters, () => findWord(bundle, word, filters))),
  );
  const missing = finds.flatMap((found, index) => (found.locations.size === 0 ? [index] : []));
  if (missing.length > 0 || finds.length === 0) return { matches: [], missing };
  // Spelled as typed: the words starting with that spelling, at the word's own positions.
  const unspelled = finds.filter((find) => find.spelled !== undefined && !find.spelledFound);
  if (unspelled.length > 0) {
    const spelled = await bundle.searchSpelled(
      unspelled.map((find) => find.spelled!),
      { filters },
    );
    unspelled.forEach((find, index) => (find.spelledFound = spelled[index]!));
  }
  // Each word's positions spelled as typed (for a word typed with marks).
  const asTyped = finds.map((find) => find.spelledFound && ownPositions(find.spelledFound, find.locations));
  // Every result seen, by page: the one whose data() shows the article.
  const seen = new Map<string, PagefindResult>();
  for (const find of finds) {
    for (const results of find.found)
      for (const result of results) if (!seen.has(result.id)) seen.set(result.id, result);
  }
  const [first] = finds as [WordFinds, ...WordFinds[]];
  const dateRank = new Map(first.byDate.map((result, rank) => [result.id, rank]));
  const matches: Match[] = [];
  for (const id of first.locations.keys()) {
    const positions = finds.map((find) => find.locations.get(id));
    if (positions.some((found) => !found)) continue;
    const result = seen.get(id);
    if (!result) continue;
    const phrase = phraseStart(positions as number[][]) >= 0;
    const typed = finds.map((_, index) => (asTyped[index] ? asTyped[index].get(id) : positions[index]));
    const accented = typed.every(Boolean) && (!phrase || phraseStart(typed as number[][]) >= 0);
    matches.push({
      result,
      phrase,
      accented,
      title: finds.every((find) => find.titled.has(id)),
      bundle: bundle.position,
      dateRank: dateRank.get(id) ?? Number.MAX_SAFE_INTEGER,
    });
  }
  return { matches, missing };
}

/**
 * A bundle's articles under `filters` alone (no words), newest first, as matches of their own.
 */
export async function searchFilters(bundle: Bundle, filters: Record<string, string>): Promise<Match[]> {
  const results = await bundle.search(null, { filters, sort: NEWEST_FIRST });
  return results.map((result, rank) => ({
    result,
    phrase: true,
    accented: true,
    title: false,
    bundle: bundle.position,
    dateRank: rank,
  }));
}

/**
 * The query as searched (`resolveQuery` in `src/lib/search-query.ts`), from the words every
 * bundle holds: those starting like the query's words, split or not.
 */
export async function resolveTyped(bundles: readonly Bundle[], typed: string): Promise<ParsedQuery> {
  const keys = await Promise.all(bundles.map((bundle) => bundle.keys(queryKeys(typed))));
  return resolveQuery(typed, (key) => keys.some((list) => hasKey(list.keys, key, false)));
}

/**
 * Every index key a query may look up, its words split into syllables or not; loading their keys
 * files ahead, while the reader types, spares the search the wait.
 */
export function queryKeys(typed: string): string[] {
  const words = [...parseQuery(typed).words, ...parseQuery(typed, { split: false }).words];
  return [...new Set(words.flatMap((word) => word.keys))];
}
