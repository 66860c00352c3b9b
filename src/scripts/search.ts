/**
 * The search page in the browser: reads the query and filters from the URL, searches the
 * Pagefind index built by `src/integrations/search-index.ts`, shows results with an excerpt
 * highlighted in the original Vietnamese, and keeps the URL in sync as the reader types.
 */
import { t } from '../i18n/vi.ts';
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
  data: () => Promise<PagefindResultData>;
}
/** A value, or (`any`) one of several values. */
type PagefindFilter = string | { any: readonly string[] };
interface PagefindSearchOptions {
  filters?: Record<string, PagefindFilter>;
  sort?: Record<string, 'asc' | 'desc'>;
}
interface PagefindSearch {
  results: PagefindResult[];
  /** Pages per filter value among the pages that match the words, before any filter. */
  totalFilters: Record<string, Record<string, number> | undefined>;
}
interface Pagefind {
  init: () => Promise<void>;
  mergeIndex: (basePath: string, options?: Record<string, unknown>) => Promise<void>;
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
  let pagefind: Promise<Pagefind | undefined> | undefined;
  const loadPagefind = () => {
    pagefind ??= openShards(shards);
    return pagefind;
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

  const run = async () => {
    clearTimeout(timer);
    const state = readForm();
    const url = searchStateUrl(state);
    if (url !== location.pathname + location.search) history.replaceState(history.state, '', url);
    const query = normalizeQuery(state.q);
    const filters = pagefindFilters();
    const current = ++generation;
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
      // Without words there is no relevance: a filter alone lists articles newest first.
      const order: Order = state.sort === SORT_NEWEST || !query ? 'date' : 'relevance';
      const api = await loadPagefind();
      const found = api ? await searchShards(api, shards, query, filters, order) : [];
      if (current !== generation) return;
      results = found;
      shown = 0;
      shownQuery = query;
      const items = await renderNext(current);
      if (!items) return;
      list.replaceChildren(...items);
      const count = results.length.toLocaleString('vi-VN');
      status.textContent = query
        ? t(results.length ? 'search.count' : 'search.none', { count, query })
        : t(results.length ? 'search.countFiltered' : 'search.noneFiltered', { count });
    } catch (error) {
      if (current !== generation) return;
      console.error(error);
      pagefind = undefined;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = t('search.unavailable');
    } finally {
      if (current === generation) root.removeAttribute('aria-busy');
    }
  };

  /** Loads and builds the next page of results; `undefined` if a newer search started. */
  const renderNext = async (current: number) => {
    const page = results.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(page.map((result) => result.data()));
    if (current !== generation) return undefined;
    shown += page.length;
    more.hidden = shown >= results.length;
    return data.map((result) => resultItem(result, shownQuery));
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = normalizeQuery(input.value);
    // Start fetching the index chunks while the reader is still typing.
    if (query) void loadPagefind().then((api) => api?.preload(query, { filters: pagefindFilters() }));
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
  // WebAssembly now, so the first query only waits for its own index chunk.
  void loadPagefind()
    .then((api) => api?.init())
    .catch(() => undefined);
}

/** Synthetic filter naming each result's bundle (Pagefind's `mergeFilter`). */
const SHARD_FILTER = 'shard';
/** A bundle name no bundle has (they are months): a search under it ranks nothing, it only counts. */
const NO_SHARD = 'none';

/**
 * Searches the bundles, in relevance or date order, keeping only results that contain every
 * word.
 *
 * Date order: Pagefind sorts by date within one bundle by scoring each page with its rank in
 * that bundle, then merges bundles by score, which interleaves them wrongly. So a date-sorted
 * search runs once per bundle, newest bundle first (each bundle's pages carry a synthetic
 * `shard` filter), and the results are concatenated.
 */
async function searchShards(
  api: Pagefind,
  shards: readonly string[],
  query: string,
  filters: Record<string, string>,
  order: Order,
): Promise<PagefindResult[]> {
  const scope = await shardsWithEveryWord(api, shards, query);
  if (order === 'relevance') {
    if (scope.length === 0) return [];
    const inScope = scope.length === shards.length ? filters : { ...filters, [SHARD_FILTER]: { any: scope } };
    return (await api.search(query, { filters: inScope })).results;
  }
  const byShard = await Promise.all(
    scope.map(
      async (shard) =>
        (
          await api.search(query || null, {
            filters: { ...filters, [SHARD_FILTER]: shard },
            sort: { date: 'desc' },
          })
        ).results,
    ),
  );
  return byShard.flat();
}

/**
 * The bundles whose index has every word of `query` (all of them for one word or a quoted
 * phrase), newest first.
 *
 * Pagefind ignores a word its index lacks altogether instead of matching nothing, so with the
 * archive split into bundles "dân tộc" would find every article of a bundle with "dân" when no
 * article of that bundle has "tộc". Where a bundle has every word, its own answer is right.
 * Each word is counted per bundle by searching it under a bundle filter nothing passes: Pagefind
 * then counts the matching pages per bundle (`totalFilters`) without ranking them, from the
 * index chunks the query itself loads.
 */
async function shardsWithEveryWord(
  api: Pagefind,
  shards: readonly string[],
  query: string,
): Promise<readonly string[]> {
  const words = query.split(/\s+/).filter(Boolean);
  if (words.length < 2 || /^\s*".+"\s*$/.test(query)) return shards;
  const counts = await Promise.all(
    words.map(
      async (word) =>
        (await api.search(word, { filters: { [SHARD_FILTER]: NO_SHARD } })).totalFilters[SHARD_FILTER] ?? {},
    ),
  );
  return shards.filter((shard) => counts.every((pages) => (pages[shard] ?? 0) > 0));
}

/**
 * One Pagefind instance over every bundle: the newest is the primary (its script and
 * WebAssembly are loaded), the others are merged into it, each tagged with a synthetic `shard`
 * filter. `undefined` when the archive is empty.
 */
async function openShards(shards: readonly string[]): Promise<Pagefind | undefined> {
  const [primary, ...others] = shards;
  if (!primary) return undefined;
  const { createInstance } = (await import(
    // The path is only known at run time: Vite must not try to bundle it.
    /* @vite-ignore */ `${searchShardUrl(primary)}pagefind.js`
  )) as PagefindModule;
  const ranking = { metaWeights: META_WEIGHTS };
  const tag = (shard: string) => ({ ranking, mergeFilter: { [SHARD_FILTER]: shard } });
  const api = createInstance({ ...tag(primary), basePath: searchShardUrl(primary) });
  await Promise.all([api.init(), ...others.map((shard) => api.mergeIndex(searchShardUrl(shard), tag(shard)))]);
  return api;
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
