/**
 * The search page's side of the phrase index (`src/lib/search-phrases.ts`): the articles
 * holding a query's words together and in order, found from one small file per word pair and
 * bundle, without asking Pagefind. A common syllable ("đã", folded "da") is in nearly every
 * article, so Pagefind's index chunks of "da lat" hold every article's positions of "da"; the
 * pair file holds those of "da lat" alone. The results' text comes from the same fragment files
 * Pagefind shows results from.
 */
import {
  PAGE_LIST_SIZE,
  pageListPath,
  phraseMatches,
  phrasePart,
  phrasePath,
  readPair,
} from '../lib/search-phrases.ts';
import type { ParsedQuery } from '../lib/search-query.ts';
import type { Bundle, Match, PagefindResult, PagefindResultData } from './search-bundles.ts';

/** Pagefind's mark at the start of its files once decompressed. */
const SIGNATURE = 'pagefind_dcd';

/** Each bundle's index version, from its `pagefind-entry.json` (see `src/lib/search-phrases.ts`). */
const versions = new WeakMap<Bundle, Promise<string>>();

/**
 * The version of the bundle's index the phrase files to read belong to: the one Pagefind
 * itself reads, named in the entry file it loaded when the page opened.
 */
function bundleVersion(bundle: Bundle): Promise<string> {
  let version = versions.get(bundle);
  if (!version) {
    version = fetch(`${bundle.url}pagefind-entry.json`).then(async (response) => {
      if (!response.ok) throw new Error(`pagefind-entry.json: ${response.status}`);
      const entry = (await response.json()) as { languages?: Record<string, { hash?: string }> };
      const hash = Object.values(entry.languages ?? {})[0]?.hash;
      if (!hash) throw new Error('pagefind-entry.json: no index');
      return hash;
    });
    // A failed read is tried again by the next search.
    version.catch(() => versions.delete(bundle));
    versions.set(bundle, version);
  }
  return version;
}

/** The phrase index files each bundle has loaded, by path: loaded once, kept for later searches. */
const loaded = new WeakMap<Bundle, Map<string, Promise<Uint8Array | undefined>>>();

/**
 * A file of a bundle, decompressed when gzip-compressed (a server may already have decoded it);
 * `undefined` when the bundle has no such file. Any other failure fails the search that needs it,
 * which says so, and the next search asks again.
 */
function bundleFile(bundle: Bundle, file: string): Promise<Uint8Array | undefined> {
  let files = loaded.get(bundle);
  if (!files) {
    files = new Map();
    loaded.set(bundle, files);
  }
  let loading = files.get(file);
  if (!loading) {
    loading = fetchFile(bundle, file);
    loading.catch(() => files.delete(file));
    files.set(file, loading);
  }
  return loading;
}

async function fetchFile(bundle: Bundle, file: string): Promise<Uint8Array | undefined> {
  const response = await fetch(`${bundle.url}${file}`);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${file}: ${response.status}`);
  return gunzip(new Uint8Array(await response.arrayBuffer()));
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Whether a query is answered from the phrase index first: two words or more, every one whole
 * (the last not a prefix of longer words), and no filter, which only Pagefind knows of.
 */
export function phraseQuery(query: ParsedQuery, filters: Record<string, string>): boolean {
  return query.words.length >= 2 && query.words.every((word) => !word.prefix) && Object.keys(filters).length === 0;
}

/** The folded pairs of a query's neighbouring words ("da lat"). */
function wordPairs(query: ParsedQuery): string[] {
  return query.words.slice(1).map((word, index) => `${query.words[index]!.folded} ${word.folded}`);
}

/**
 * The articles of `bundle` holding the query's words together and in order, as matches ranked
 * by `src/lib/search-rank.ts`: spelled as typed or not, in the title or not, their place in the
 * bundle's date order (the page number).
 */
export async function searchPhrase(bundle: Bundle, query: ParsedQuery): Promise<Match[]> {
  const pairs = wordPairs(query);
  const version = await bundleVersion(bundle);
  const files = await Promise.all(pairs.map((pair) => bundleFile(bundle, phrasePath(version, phrasePart(pair)))));
  if (files.some((file) => !file)) return [];
  const text = new TextDecoder();
  const found = pairs.map((pair, index) => readPair(text.decode(files[index]), pair));
  const typed = query.words.map((word) => (word.marked ? word.typed : undefined));
  return phraseMatches(found, typed).map((match) => ({
    result: pageResult(bundle, version, match.page),
    phrase: true,
    accented: match.accented,
    title: match.title,
    bundle: bundle.position,
    dateRank: match.page,
  }));
}

/**
 * A page of the bundle as Pagefind's results are, its data read from its fragment file once
 * (the search page may read it ahead, while the reader pauses).
 */
function pageResult(bundle: Bundle, version: string, page: number): PagefindResult {
  let data: Promise<PagefindResultData> | undefined;
  const read = () => {
    data = pageData(bundle, version, page);
    // A failed read is tried again by the next caller.
    data.catch(() => (data = undefined));
    return data;
  };
  return { id: `${bundle.position}/${page}`, score: 0, words: [], data: () => data ?? read() };
}

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

async function pageData(bundle: Bundle, version: string, page: number): Promise<PagefindResultData> {
  const listPath = pageListPath(version, page);
  const list = await bundleFile(bundle, listPath);
  const name = list && new TextDecoder().decode(list).split('\n')[page % PAGE_LIST_SIZE];
  if (!name) throw new Error(`${listPath}: no page ${page}`);
  const file = `fragment/${name}.pf_fragment`;
  const bytes = await fetchFile(bundle, file);
  const text = bytes && new TextDecoder().decode(bytes);
  if (!text?.startsWith(SIGNATURE)) throw new Error(`${file}: not a Pagefind fragment`);
  const fragment = JSON.parse(text.slice(SIGNATURE.length)) as Fragment;
  // Pagefind marks some word boundaries with zero-width spaces, which its own results drop.
  return { ...fragment, content: fragment.content.replace(/\u200B/g, '') };
}
