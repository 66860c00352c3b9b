/**
 * The search page in the browser: reads the query and filters from the URL, searches the
 * Pagefind bundles built by `src/integrations/search-index.ts` (`search-flow.ts`), shows the
 * results with what matched marked in the original Vietnamese, suggests a close word of the
 * archive when a word matches nothing, and keeps the URL in sync as the reader types.
 */
import { t, type MessageKey } from '../i18n/vi.ts';
import type { MarkSpec } from '../lib/search-fold.ts';
import { parseQuery, replaceWords, type ParsedQuery } from '../lib/search-query.ts';
import { VOCABULARY_FILE, readVocabulary, suggestWord } from '../lib/search-rank.ts';
import { readSearchState, resultOrder, searchStateUrl, SORT_NEWEST, type SearchState } from '../lib/search-url.ts';
import { searchShardUrl } from '../lib/urls.ts';
import { openShards, queryKeys, resolveTyped, type Bundle, type Match } from './search-bundles.ts';
import { holdsPhrase, preparePhrase, searchAll } from './search-flow.ts';
import { resultItem, suggestionNode } from './search-render.ts';

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 200;

/** The search page's elements. */
interface Page {
  root: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  filterSelects: HTMLSelectElement[];
  sortSelect: HTMLSelectElement;
  status: HTMLElement;
  suggestion: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(pageOf(root));

function pageOf(root: HTMLElement): Page {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  return {
    root,
    form,
    input: form.querySelector<HTMLInputElement>('input[name="q"]')!,
    filterSelects: [...form.querySelectorAll<HTMLSelectElement>('[data-search-filter]')],
    sortSelect: form.querySelector<HTMLSelectElement>('[data-search-sort]')!,
    status: root.querySelector<HTMLElement>('[data-search-status]')!,
    suggestion: root.querySelector<HTMLElement>('[data-search-suggestion]')!,
    list: root.querySelector<HTMLOListElement>('[data-search-results]')!,
    more: root.querySelector<HTMLButtonElement>('[data-search-more]')!,
  };
}

function filterName(select: HTMLSelectElement): 'category' | 'author' | 'year' {
  return select.dataset['searchFilter'] as 'category' | 'author' | 'year';
}

function readForm(page: Page): SearchState {
  const state = readSearchState('');
  state.q = page.input.value;
  for (const select of page.filterSelects) state[filterName(select)] = select.value;
  state.sort = page.sortSelect.value === SORT_NEWEST ? SORT_NEWEST : '';
  return state;
}

function writeForm(page: Page, state: SearchState): void {
  page.input.value = state.q;
  for (const select of page.filterSelects) {
    const name = filterName(select);
    // A value the page does not offer (an old link) is dropped rather than half-applied.
    select.value = [...select.options].some((option) => option.value === state[name]) ? state[name] : '';
  }
  page.sortSelect.value = state.sort;
}

/** The chosen filters as Pagefind indexed them (the names printed on the articles). */
function pagefindFilters(page: Page): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const select of page.filterSelects) {
    const value = select.selectedOptions[0]?.dataset['filter'];
    if (select.value && value) filters[filterName(select)] = value;
  }
  return filters;
}

/** The closest words of the archive to the query's missing ones, as a query; undefined without any. */
async function suggestion(
  shards: readonly string[],
  words: readonly string[],
  text: string,
): Promise<string | undefined> {
  const files = await Promise.all(
    shards.map(async (shard) => {
      // Without a bundle's words, the others still suggest.
      const response = await fetch(`${searchShardUrl(shard)}${VOCABULARY_FILE}`).catch(() => undefined);
      return response?.ok ? response.text() : '';
    }),
  );
  const vocabulary = readVocabulary(files);
  const replacements = new Map<string, string>();
  for (const word of words) {
    const closest = suggestWord(word, vocabulary);
    if (closest) replacements.set(word, closest);
  }
  return replacements.size > 0 ? replaceWords(parseQuery(text), replacements) : undefined;
}

/** The status line once a search has finished: how many, for what, and whether apart. */
function finishedStatus(query: ParsedQuery, found: number, apart: boolean): string {
  const count = found.toLocaleString('vi-VN');
  if (query.words.length === 0) return t(found ? 'search.countFiltered' : 'search.noneFiltered', { count });
  if (found === 0) return t('search.none', { query: query.text });
  return t(apart ? 'search.countApart' : 'search.count', { count, query: query.text });
}

function start(page: Page) {
  const { root, input, filterSelects, sortSelect, status, list, more } = page;
  // The search bundles (the newest month, then runs of older months), newest first (src/lib/search-shards.ts).
  const shards = (root.dataset['searchShards'] ?? '').split(' ').filter(Boolean);
  let bundles: Promise<Bundle[]> | undefined;
  const openBundles = () => {
    bundles ??= openShards(shards);
    return bundles;
  };

  let generation = 0;
  let results: Match[] = [];
  let shown = 0;
  let marks: MarkSpec = { words: [], phrase: false };
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Loads and builds the results after those shown, up to `until`; `undefined` if a newer search started. */
  const renderNext = async (current: number, until = shown + PAGE_SIZE) => {
    const next = results.slice(shown, until);
    const data = await Promise.all(next.map((match) => match.result.data()));
    if (current !== generation) return undefined;
    shown += next.length;
    more.hidden = shown >= results.length;
    return data.map((result, index) => resultItem(result, { ...marks, phrase: next[index]!.phrase }));
  };

  const say = (key: MessageKey, params: Record<string, string> = {}) => {
    status.textContent = t(key, params);
  };

  const run = async () => {
    clearTimeout(timer);
    const state = readForm(page);
    const url = searchStateUrl(state);
    if (url !== location.pathname + location.search) history.replaceState(history.state, '', url);
    let query = parseQuery(state.q);
    const filters = pagefindFilters(page);
    const current = ++generation;
    // False once a newer search has begun: this one then stops and shows nothing more.
    const isCurrent = () => current === generation;
    page.suggestion.replaceChildren();
    if (query.words.length === 0 && Object.keys(filters).length === 0) {
      results = [];
      shown = 0;
      list.replaceChildren();
      more.hidden = true;
      say(query.text ? 'search.none' : 'search.empty', { query: query.text, count: '0' });
      root.removeAttribute('aria-busy');
      return;
    }
    root.setAttribute('aria-busy', 'true');
    try {
      const open = await openBundles();
      if (query.words.length > 0)
        query = (await holdsPhrase(open, query, filters)) ?? (await resolveTyped(open, state.q));
      if (!isCurrent()) return;
      // Without words there is no relevance: a filter alone lists articles newest first.
      const order = resultOrder(state.sort, query.words.length);
      results = [];
      shown = 0;
      marks = { words: query.words, phrase: true };
      // The previous results stay on screen until this search's first ones replace them.
      more.hidden = true;
      let listed = false;
      const { batches, outcome } = searchAll(open, query, filters, order, isCurrent);
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
        if (order === 'date') say('search.loading');
      }
      if (!isCurrent()) return;
      if (!listed) list.replaceChildren();
      status.textContent = finishedStatus(query, results.length, outcome.apart);
      const missing = outcome.missing.map((index) => query.words[index]!.typed);
      if (results.length === 0 && missing.length > 0) {
        const suggested = await suggestion(shards, missing, query.text);
        if (suggested && isCurrent()) page.suggestion.replaceChildren(suggestionNode(suggested, state));
      }
    } catch (error) {
      if (!isCurrent()) return;
      console.error(error);
      bundles = undefined;
      list.replaceChildren();
      more.hidden = true;
      say('search.unavailable');
    } finally {
      if (isCurrent()) root.removeAttribute('aria-busy');
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const typed = parseQuery(input.value);
    // The words' keys files: known from a word's first letter, each loads once.
    const keys = queryKeys(input.value);
    if (keys.length > 0) {
      void openBundles()
        .then((open) => Promise.all(open.map((bundle) => bundle.keys(keys))))
        .catch(() => undefined);
    }
    // A word of one letter so far starts a good share of the archive's words: the search waits
    // for its next letter (or Enter) instead of reading the index chunks of all of them.
    const last = typed.words.at(-1);
    if (last?.prefix && [...last.folded].length < 2) return;
    // While the page waits for the reader to pause, the phrase as typed so far is looked up and
    // its first results read: it is likely typed whole, and the search then only shows them.
    const order = resultOrder(readForm(page).sort, typed.words.length);
    void openBundles()
      .then((open) => preparePhrase(open, typed, pagefindFilters(page), order, PAGE_SIZE))
      .catch(() => undefined);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });
  for (const select of [...filterSelects, sortSelect]) select.addEventListener('change', () => void run());
  page.form.addEventListener('submit', (event) => {
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

  writeForm(page, readSearchState(location.search));
  foldFilters(page);
  void run();
  // Whoever opens the search page is about to search: fetch Pagefind and compile its
  // WebAssembly now, so the first query only waits for its own index chunks.
  void openBundles().catch(() => undefined);
}

/**
 * On a phone the filters fold behind their heading, so the first results show without scrolling;
 * they stay open where there is room, or when a filter is in use.
 */
function foldFilters(page: Page): void {
  const box = page.form.querySelector<HTMLDetailsElement>('[data-search-filters]');
  if (!box) return;
  const inUse = page.filterSelects.some((select) => select.value) || page.sortSelect.selectedIndex > 0;
  box.open = inUse || !matchMedia('(max-width: 40rem)').matches;
}
