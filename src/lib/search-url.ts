/**
 * The search page's state as carried in its URL, so a search is a link people can share:
 * `/tim-kiem/?q=da+lat&category=du-lich&author=lo-thanh&year=2022&sort=moi-nhat`.
 * Pure functions shared by the page script and the tests.
 */
import type { RankOrder } from './search-rank.ts';
import { searchUrl } from './urls.ts';

/** `sort` value for newest first; relevance is the default and is left out of the URL. */
export const SORT_NEWEST = 'moi-nhat';

export interface SearchState {
  /** What the reader typed, as typed. */
  q: string;
  /** Category slug. */
  category: string;
  /** Author slug. */
  author: string;
  year: string;
  sort: '' | typeof SORT_NEWEST;
}

/** URL parameters, in the order they are written. */
export const SEARCH_PARAMS = ['q', 'category', 'author', 'year', 'sort'] as const;

/**
 * Reads the state from a query string; unknown parameters are ignored, missing ones empty.
 *
 * @example
 * readSearchState('?q=bao+loc&year=2022'); // { q: 'bao loc', category: '', author: '', year: '2022', sort: '' }
 */
export function readSearchState(query: string | URLSearchParams): SearchState {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const get = (name: string) => params.get(name)?.trim() ?? '';
  return {
    q: params.get('q') ?? '',
    category: get('category'),
    author: get('author'),
    year: get('year'),
    sort: get('sort') === SORT_NEWEST ? SORT_NEWEST : '',
  };
}

/**
 * The order results are listed in: by relevance unless the reader asked for newest first, or
 * gave no words (a filter alone has no relevance).
 *
 * @example
 * resultOrder('', 2); // 'relevance'
 * resultOrder('', 0); // 'date'
 * resultOrder(SORT_NEWEST, 2); // 'date'
 */
export function resultOrder(sort: SearchState['sort'], wordCount: number): RankOrder {
  return sort === SORT_NEWEST || wordCount === 0 ? 'date' : 'relevance';
}

/**
 * The search page URL for a state; empty values are left out.
 *
 * @example
 * searchStateUrl({ q: 'đà lạt', year: '2023' }); // '/tim-kiem/?q=%C4%91%C3%A0+l%E1%BA%A1t&year=2023'
 * searchStateUrl({}); // '/tim-kiem/'
 */
export function searchStateUrl(state: Partial<SearchState>): string {
  const params = new URLSearchParams();
  for (const name of SEARCH_PARAMS) {
    const value = state[name];
    if (value && value.trim()) params.set(name, value);
  }
  const query = params.toString();
  return query ? `${searchUrl()}?${query}` : searchUrl();
}
