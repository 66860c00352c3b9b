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
interface PagefindSearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}
interface Pagefind {
  init: () => Promise<void>;
  mergeIndex: (basePath: string, options?: Record<string, unknown>) => Promise<void>;
  preload: (query: string, options?: PagefindSearchOptions) => Promise<void>;
  search: (query: string | null, options?: PagefindSearchOptions) => Promise<{ results: PagefindResult[] }>;
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

  // One search bundle per year, newest first (src/integrations/search-index.ts).
  const shards = (root.dataset['searchShards'] ?? '').split(' ').filter(Boolean);
  const instances = new Map<Order, Promise<Pagefind | undefined>>();
  const loadPagefind = (order: Order) => {
    let instance = instances.get(order);
    if (!instance) {
      instance = openShards(shards, order);
      instances.set(order, instance);
    }
    return instance;
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
      const api = await loadPagefind(order);
      const found = api
        ? await searchEveryWord(api, query, { filters, ...(order === 'date' ? { sort: { date: 'desc' } } : {}) })
        : [];
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
      instances.clear();
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
    if (query) {
      const order: Order = sortSelect.value === SORT_NEWEST ? 'date' : 'relevance';
      void loadPagefind(order).then((api) => api?.preload(query, { filters: pagefindFilters() }));
    }
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
  void loadPagefind('relevance')
    .then((api) => api?.init())
    .catch(() => undefined);
}

/**
 * Searches, keeping only results that contain every word. Pagefind ignores a word its index
 * lacks altogether instead of matching nothing, so with one bundle per year "dân tộc" would
 * find every 2022 article with "dân" when no 2022 article has "tộc". Each word is therefore
 * also searched alone (the same index chunks, already loaded), and a result must be found by
 * all of them. A quoted phrase is exact already.
 */
async function searchEveryWord(
  api: Pagefind,
  query: string,
  options: PagefindSearchOptions,
): Promise<PagefindResult[]> {
  const { results } = await api.search(query || null, options);
  const words = query.split(/\s+/).filter(Boolean);
  if (words.length < 2 || /^\s*".+"\s*$/.test(query)) return results;
  const alone = await Promise.all(words.map((word) => api.search(word, { filters: options.filters ?? {} })));
  const found = alone.map((search) => new Set(search.results.map((result) => result.id)));
  return results.filter((result) => found.every((ids) => ids.has(result.id)));
}

/**
 * One Pagefind instance over every year's bundle: the newest is the primary (its script and
 * WebAssembly are loaded), the others are merged into it. Pagefind merges the bundles' results
 * by relevance score even in a search sorted by date, so the date order gets an instance of
 * its own whose bundles all weigh 0: every score is then 0, and the stable merge keeps each
 * bundle's date order, bundles newest year first. `undefined` when the archive is empty.
 */
async function openShards(shards: readonly string[], order: Order): Promise<Pagefind | undefined> {
  const [primary, ...others] = shards;
  if (!primary) return undefined;
  const { createInstance } = (await import(
    // The path is only known at run time: Vite must not try to bundle it.
    /* @vite-ignore */ `${searchShardUrl(primary)}pagefind.js`
  )) as PagefindModule;
  const options = { ranking: { metaWeights: META_WEIGHTS }, indexWeight: order === 'date' ? 0 : 1 };
  const api = createInstance({ ...options, basePath: searchShardUrl(primary) });
  // Merged in this order (each call registers its bundle before it awaits anything), which
  // is the order a date-sorted search lists them in.
  await Promise.all([api.init(), ...others.map((shard) => api.mergeIndex(searchShardUrl(shard), options))]);
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
