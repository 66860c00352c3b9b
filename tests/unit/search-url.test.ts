import { describe, expect, it } from 'vitest';
import { readSearchState, resultOrder, searchStateUrl, SORT_NEWEST } from '../../src/lib/search-url.ts';

describe('readSearchState', () => {
  it('reads query, filters and sort from a query string', () => {
    expect(readSearchState('?q=bao+loc&category=kinh-te&author=lo-thanh&year=2022&sort=moi-nhat')).toEqual({
      q: 'bao loc',
      category: 'kinh-te',
      author: 'lo-thanh',
      year: '2022',
      sort: 'moi-nhat',
    });
  });

  it('leaves missing parameters empty and ignores unknown ones and sort values', () => {
    expect(readSearchState(new URLSearchParams('q=%C4%91%C3%A0&sort=cu-nhat&page=2'))).toEqual({
      q: 'đà',
      category: '',
      author: '',
      year: '',
      sort: '',
    });
  });
});

describe('searchStateUrl', () => {
  it('writes only non-empty values, in a fixed order', () => {
    expect(searchStateUrl({ year: '2023', q: 'đà lạt', category: '', sort: 'moi-nhat' })).toBe(
      '/tim-kiem/?q=%C4%91%C3%A0+l%E1%BA%A1t&year=2023&sort=moi-nhat',
    );
  });

  it('is the bare search page for an empty state', () => {
    expect(searchStateUrl({ q: '   ' })).toBe('/tim-kiem/');
  });

  it('round-trips through readSearchState', () => {
    const state = { q: 'Lô Thanh', category: 'kinh-te', author: 'lo-thanh', year: '2022', sort: 'moi-nhat' } as const;
    expect(readSearchState(searchStateUrl(state).split('?')[1]!)).toEqual(state);
  });
});

describe('resultOrder', () => {
  it('ranks by relevance when there are words and no newest-first sort', () => {
    expect(resultOrder('', 2)).toBe('relevance');
  });

  it('lists newest first when asked, or when only filters are given', () => {
    expect(resultOrder(SORT_NEWEST, 2)).toBe('date');
    expect(resultOrder('', 0)).toBe('date');
  });
});
