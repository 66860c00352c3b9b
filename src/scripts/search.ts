/**
 * The search page in the browser: reads the query and filters from the URL, searches the
 * Pagefind index built by `src/integrations/search-index.ts`, shows results with an excerpt
 * highlighted in the original Vietnamese, and keeps the URL in sync as the reader types.
 */
import { t } from '../i18n/vi.ts';
import { inTurn } from '../lib/in-turn.ts';
import { excerpt, highlight, normalizeQuery, stripLeading, type ExcerptPart } from '../lib/search-fold.ts';
import { readSearchState, searchStateUrl, SORT_NEWEST, type SearchState } from '../lib/search-url.ts';
import { searchShardUrl } from '../lib/urls.ts';

/** The part of Pagefind's browser API used here (`/pagefind/pagefind.js`). */
interface PagefindResultData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}
interface PagefindSearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}
interface PagefindSearch {
  results: PagefindResult[];
  /** Pages that match the words, before any filter. */
  unfilteredResultCount: number;
}
interface Pagefind {
  preload: (query: string, options?: PagefindSearchOptions) => Promise<void>;
  search: (query: string | null, options?: PagefindSearchOptions) => Promise<PagefindSearch>;
}
interface PagefindModule {
  createInstance: (options: Record<string, unknown>) => Pagefind;
}
/** Relevance, or newest first (with words or without: a filter alone lists by date). */
type Order = 'relevance' | 'date';

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 200;
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

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(root);

function start(root: HTMLElement) {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const filterSelects = [...form.querySelectorAll<HTMLSelectElement>('[data-search-filter]')];
  const sortSelect = form.querySelector<HTMLSelectElement>('[data-search-sort]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;

  // The search bundles (the newest month, then runs of older months), newest first (src/lib/search-shards.ts).
  const shards = (root.dataset['searchShards'] ?? '').split(' ').filter(Boolean);
  // A Pagefind instance per bundle, newest first.
  let bundles: Promise<Pagefind[]> | undefined;
  const openBundles = () => {
    bundles ??= openShards(shards);
    return bundles;
  };

  let generation = 0;
  let results: PagefindResult[] = [];
  let shown = 0;
  let shownQuery = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const readForm = (): SearchState => {
    const state = readSearchState('');
    state.q = input.value;
    for (const select of filterSelects) {
      const name = select.dataset['searchFilter'] as 'category' | 'author' | 'year';
      state[name] = select.value;
    }
    state.sort = sortSelect.value === SORT_NEWEST ? SORT_NEWEST : '';
    return state;
  };

  const writeForm = (state: SearchState) => {
    input.value = state.q;
    for (const select of filterSelects) {
      const name = select.dataset['searchFilter'] as 'category' | 'author' | 'year';
      // A value the page does not offer (an old link) is dropped rather than half-applied.
      select.value = [...select.options].some((option) => option.value === state[name]) ? state[name] : '';
    }
    sortSelect.value = state.sort;
  };

  const pagefindFilters = () => {
    const filters: Record<string, string> = {};
    for (const select of filterSelects) {
      const value = select.selectedOptions[0]?.dataset['filter'];
      if (select.value && value) filters[select.dataset['searchFilter']!] = value;
    }
    return filters;
  };

  // Index chunks fetched while the reader types, one round (every bundle) at a time for the
  // latest text: Pagefind's worker answers one request at a time, and a round per keystroke
  // ("d", "da", "da ", …) queued so many loads at 100,000 articles that the search itself waited
  // seconds behind them.
  let preloading = false;
  let toPreload: string | undefined;
  const preloadLatest = async () => {
    preloading = true;
    try {
      for (let query = toPreload; query; query = toPreload) {
        toPreload = undefined;
        const filters = pagefindFilters();
        await Promise.all((await openBundles()).map((bundle) => bundle.preload(query!, { filters })));
      }
    } catch {
      // A bundle that cannot load fails the search itself, which says so.
    } finally {
      preloading = false;
    }
  };

  const run = async () => {
    clearTimeout(timer);
    // The search loads the index chunks it needs itself.
    toPreload = undefined;
    const state = readForm();
    const url = searchStateUrl(state);
    if (url !== location.pathname + location.search) history.replaceState(history.state, '', url);
    const query = normalizeQuery(state.q);
    const filters = pagefindFilters();
    const current = ++generation;
    // False once a newer search has begun: this one then stops and shows nothing more.
    const isCurrent = () => current === generation;
    if (!query && Object.keys(filters).length === 0) {
      results = [];
      shown = 0;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = t('search.empty');
      root.removeAttribute('aria-busy');
      return;
    }
    root.setAttribute('aria-busy', 'true');
    try {
      const open = await openBundles();
      if (!isCurrent()) return;
      // Without words there is no relevance: a filter alone lists articles newest first.
      const order: Order = state.sort === SORT_NEWEST || !query ? 'date' : 'relevance';
      results = [];
      shown = 0;
      shownQuery = query;
      // The previous results stay on screen until this search's first ones replace them.
      more.hidden = true;
      let listed = false;
      // Newest first, each bundle's results are shown as they come, so the first page of a
      // large archive appears once the newest bundles have answered, not all of them.
      const batches =
        order === 'relevance'
          ? [byRelevance(open, query, filters, isCurrent)]
          : newestFirst(open, query, filters, isCurrent);
      for await (const batch of batches) {
        if (!isCurrent()) return;
        // Not push(...batch): tens of thousands of arguments can overflow the stack.
        results = results.length > 0 ? results.concat(batch) : batch;
        more.hidden = shown >= results.length;
        if (shown >= PAGE_SIZE) continue;
        const items = await renderNext(current, PAGE_SIZE);
        if (!items) return;
        if (listed) list.append(...items);
        else list.replaceChildren(...items);
        listed = true;
        if (order === 'date') status.textContent = t('search.loading');
      }
      if (!isCurrent()) return;
      if (!listed) list.replaceChildren();
      const count = results.length.toLocaleString('vi-VN');
      status.textContent = query
        ? t(results.length ? 'search.count' : 'search.none', { count, query })
        : t(results.length ? 'search.countFiltered' : 'search.noneFiltered', { count });
    } catch (error) {
      if (!isCurrent()) return;
      console.error(error);
      bundles = undefined;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = t('search.unavailable');
    } finally {
      if (isCurrent()) root.removeAttribute('aria-busy');
    }
  };

  /**
   * Loads and builds the results after those shown, up to `until` (the next ten by default);
   * `undefined` if a newer search started.
   */
  const renderNext = async (current: number, until = shown + PAGE_SIZE) => {
    const page = results.slice(shown, until);
    const data = await Promise.all(page.map((result) => result.data()));
    if (current !== generation) return undefined;
    shown += page.length;
    more.hidden = shown >= results.length;
    return data.map((result) => resultItem(result, shownQuery));
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    toPreload = normalizeQuery(input.value) || undefined;
    if (toPreload && !preloading) void preloadLatest();
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });
  for (const select of [...filterSelects, sortSelect]) select.addEventListener('change', () => void run());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  more.addEventListener('click', async () => {
    const items = await renderNext(generation);
    if (!items) return;
    list.append(...items);
    // Keyboard and screen-reader users continue from the first new result.
    items[0]?.querySelector('a')?.focus();
  });

  writeForm(readSearchState(location.search));
  void run();
  // Whoever opens the search page is about to search: fetch Pagefind and compile its
  // WebAssembly now, so the first query only waits for its own index chunks.
  void openBundles().catch(() => undefined);
}

/** A filter no page has: a search under it ranks nothing, it only counts the matching pages. */
const COUNT_ONLY = { filters: { 'count-only': '' } };

/**
 * Bundle searches waiting in Pagefind's worker at once. The worker answers one request at a
 * time, so a search the reader's next keystroke made stale would otherwise hold up the new one
 * behind every bundle's search (seconds at 100,000 articles); with a few at a time it stops
 * within a few bundles. Six: what a browser fetches at once from one host over HTTP/1.1, so
 * the index chunks of six bundles still load side by side.
 */
const SEARCHES_IN_FLIGHT = 6;

/**
 * Searches the bundles by relevance, keeping only results that contain every word: the
 * bundles' results merged by score, as Pagefind's own `mergeIndex` merges them. Stops starting
 * bundle searches once `current()` is false (a newer search began); what it returns then is
 * partial, for the caller to drop.
 */
async function byRelevance(
  bundles: readonly Pagefind[],
  query: string,
  filters: Record<string, string>,
  current: () => boolean,
): Promise<PagefindResult[]> {
  const found: PagefindResult[][] = [];
  for await (const results of inTurn(bundles, SEARCHES_IN_FLIGHT, current, (bundle) =>
    searchBundle(bundle, query, { filters }),
  )) {
    found.push(results);
  }
  // The sort is stable: equal scores keep the newer bundle first.
  return found.flat().sort((a, b) => b.score - a.score);
}

/**
 * Searches the bundles newest first, each bundle's results newest first, keeping only results
 * that contain every word; yields each bundle's results in turn, and stops once `current()` is
 * false. Pagefind sorts by date within one bundle by scoring each page with its rank in that
 * bundle, so scores from two bundles do not compare: the bundles' results are concatenated. The
 * newest bundle is searched first, then, once its results are taken, the older ones a few at a
 * time (see {@link SEARCHES_IN_FLIGHT}).
 */
async function* newestFirst(
  bundles: readonly Pagefind[],
  query: string,
  filters: Record<string, string>,
  current: () => boolean,
): AsyncGenerator<PagefindResult[]> {
  const options: PagefindSearchOptions = { filters, sort: { date: 'desc' } };
  const [newest, ...older] = bundles;
  if (!newest) return;
  // The newest bundle alone, and its results shown, before the others are searched: Pagefind's
  // worker answers in turn, so both its search and the loading of the results it shows would
  // otherwise wait behind the older bundles' searches.
  yield await searchBundle(newest, query, options);
  yield* inTurn(older, SEARCHES_IN_FLIGHT, current, (bundle) => searchBundle(bundle, query, options));
}

/** One bundle's results, or none when its index lacks a word of `query` (see {@link hasEveryWord}). */
async function searchBundle(
  bundle: Pagefind,
  query: string,
  options: PagefindSearchOptions,
): Promise<PagefindResult[]> {
  return (await hasEveryWord(bundle, query)) ? (await bundle.search(query || null, options)).results : [];
}

/**
 * Whether a bundle's index has every word of `query` (always, for one word, a quoted phrase
 * or no words).
 *
 * Pagefind ignores a word its index lacks altogether instead of matching nothing, so with the
 * archive split into bundles "dân tộc" would find every article of a bundle with "dân" when no
 * article of that bundle has "tộc". Where a bundle has every word, its own answer is right. Each
 * word is counted by a search under a filter no page has: Pagefind then counts the matching
 * pages without ranking them, from the index chunks the query itself loads.
 */
async function hasEveryWord(bundle: Pagefind, query: string): Promise<boolean> {
  const words = query.split(/\s+/).filter(Boolean);
  if (words.length < 2 || /^\s*".+"\s*$/.test(query)) return true;
  const counts = await Promise.all(words.map((word) => bundle.search(word, COUNT_ONLY)));
  return counts.every((count) => count.unfilteredResultCount > 0);
}

/**
 * A Pagefind instance per bundle, newest first. Not one instance with the others merged in
 * (`mergeIndex`): that merges each search's counts too, and telling the bundles apart then took
 * a synthetic filter on every page, which Pagefind counts against the matching pages with a
 * linear search on every query (a second per word at 100,000 articles; 10 ms without it).
 * The newest bundle opens first and alone: its WebAssembly, compiled once, serves every
 * instance of the page, and the other bundles ship a placeholder for it (see
 * `WASM_PLACEHOLDER` in `src/lib/search-shards.ts`).
 */
async function openShards(shards: readonly string[]): Promise<Pagefind[]> {
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
  return [first, ...older.map(open)];
}

function resultItem(result: PagefindResultData, query: string): HTMLLIElement {
  const item = element('li', 'search-result');
  const heading = element('h2', 'search-result__title');
  const link = element('a');
  link.href = result.url;
  link.append(...excerptNodes(highlight(result.meta['title'] ?? result.url, query)));
  heading.append(link);

  const meta = element('p', 'meta search-result__meta');
  const details = [
    result.meta['dateline'],
    result.filters['category']?.[0],
    result.meta['authors'] ?? result.filters['author']?.join(', '),
  ].filter((detail): detail is string => Boolean(detail));
  meta.textContent = details.join(' · ');

  const text = stripLeading(result.content, [result.meta['title'], result.meta['dateline']]);
  const summary = element('p', 'search-result__excerpt');
  summary.append(...excerptNodes(excerpt(text, query)));
  item.append(heading, meta, summary);
  return item;
}

/** Text nodes and `<mark>`s, never HTML strings: Pagefind's `content` is raw page text. */
function excerptNodes(parts: readonly ExcerptPart[]): Node[] {
  return parts.map((part) => {
    if (!part.mark) return document.createTextNode(part.text);
    const mark = element('mark');
    mark.textContent = part.text;
    return mark;
  });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}
