/**
 * The search page's side of the phrase index (`src/lib/search-phrases.ts`): the articles
 * holding a query's words together and in order (or its one word), found from one small file
 * per word pair and bundle, without asking Pagefind. A common syllable ("đã", folded "da") is
 * in nearly every article, so Pagefind's index chunks of "da lat" hold every article's
 * positions of "da"; the pair file holds those of "da lat" alone. The results' text comes from
 * the same fragment files Pagefind shows results from.
 */
import {
  PAGE_LIST_SIZE,
  pageListPath,
  phraseMatches,
  phrasePart,
  phrasePath,
  readPair,
} from '../lib/search-phrases.ts';
import { loadOnce } from '../lib/load-once.ts';
import { PAGEFIND_SIGNATURE } from '../lib/pagefind-meta.ts';
import type { ParsedQuery } from '../lib/search-query.ts';
import { bundleText, type Bundle, type Match, type PagefindResult, type PagefindResultData } from './search-bundles.ts';

/** The entry file Pagefind reads first in each bundle, naming the version of its index. */
const PAGEFIND_ENTRY = 'pagefind-entry.json';

/** Each bundle's index version, from its `pagefind-entry.json` (see `src/lib/search-phrases.ts`). */
const versions = new WeakMap<Bundle, Promise<string>>();

/**
 * The version of the bundle's index the phrase files to read belong to: the one Pagefind
 * itself reads, named in the entry file it loaded when the page opened.
 */
function bundleVersion(bundle: Bundle): Promise<string> {
  return loadOnce(versions, bundle, async () => {
    const text = await bundleText(bundle.url, PAGEFIND_ENTRY);
    const entry = JSON.parse(text ?? '{}') as { languages?: Record<string, { hash?: string }> };
    const hash = Object.values(entry.languages ?? {})[0]?.hash;
    if (!hash) throw new Error(`${PAGEFIND_ENTRY}: no index`);
    return hash;
  });
}

/**
 * Whether a query is answered from the phrase index first: one word or more, every one whole
 * (the last not a prefix of longer words), and no filter, which only Pagefind knows of.
 */
export function phraseQuery(query: ParsedQuery, filters: Record<string, string>): boolean {
  return query.words.length >= 1 && query.words.every((word) => !word.prefix) && Object.keys(filters).length === 0;
}

/** The folded pairs of a query's neighbouring words ("da lat"), or its one word alone ("tinh "). */
function wordPairs(query: ParsedQuery): string[] {
  const [first, ...rest] = query.words;
  if (rest.length === 0) return first ? [`${first.folded} `] : [];
  return rest.map((word, index) => `${query.words[index]!.folded} ${word.folded}`);
}

/**
 * The articles of `bundle` holding the query's words together and in order, as matches ranked
 * by `src/lib/search-rank.ts`: spelled as typed or not, in the title or not, their place in the
 * bundle's date order (the page number).
 */
export async function searchPhrase(bundle: Bundle, query: ParsedQuery): Promise<Match[]> {
  const pairs = wordPairs(query);
  const version = await bundleVersion(bundle);
  const files = await Promise.all(pairs.map((pair) => bundle.file(phrasePath(version, phrasePart(pair)))));
  if (files.some((file) => file === undefined)) return [];
  const found = pairs.map((pair, index) => readPair(files[index]!, pair));
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

/** Each result's data, read once (`pageResult`). */
const resultData = new WeakMap<PagefindResult, Promise<PagefindResultData>>();

/**
 * A page of the bundle as Pagefind's results are, its data read from its fragment file once
 * (the search page may read it ahead, while the reader pauses).
 */
function pageResult(bundle: Bundle, version: string, page: number): PagefindResult {
  const result: PagefindResult = {
    id: `${bundle.position}/${page}`,
    score: 0,
    words: [],
    data: () => loadOnce(resultData, result, () => pageData(bundle, version, page)),
  };
  return result;
}

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

async function pageData(bundle: Bundle, version: string, page: number): Promise<PagefindResultData> {
  const listPath = pageListPath(version, page);
  const name = (await bundle.file(listPath))?.split('\n')[page % PAGE_LIST_SIZE];
  if (!name) throw new Error(`${listPath}: no page ${page}`);
  // Not kept: a result's fragment is read once, as the page shows it.
  const file = `fragment/${name}.pf_fragment`;
  const text = await bundleText(bundle.url, file);
  if (!text?.startsWith(PAGEFIND_SIGNATURE)) throw new Error(`${file}: not a Pagefind fragment`);
  const fragment = JSON.parse(text.slice(PAGEFIND_SIGNATURE.length)) as Fragment;
  // Pagefind marks some word boundaries with zero-width spaces, which its own results drop.
  return { ...fragment, content: fragment.content.replace(/\u200B/g, '') };
}
