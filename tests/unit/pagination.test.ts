import { describe, expect, it } from 'vitest';
import { paginate, type ListPage } from '../../src/lib/pagination.ts';

const LIST = '/chuyen-muc/thoi-su/';

/** `count` articles numbered 1 (oldest) … count (newest), newest first like the archive. */
const articles = (count: number) => Array.from({ length: count }, (_, index) => count - index);

/** A page's items as "first..last", newest first. */
const span = (items: number[]) => (items.length ? `${items[0]}..${items[items.length - 1]}` : 'empty');

/** What a reader sees walking from the front page through "Tin cũ hơn" to the oldest page. */
function walkOlder(count: number): number[] {
  const { front, numbered } = paginate(articles(count), 20, LIST);
  const byUrl = new Map(numbered.map((page) => [page.url, page]));
  const seen = [...front.items];
  for (let page: ListPage<number> | undefined = byUrl.get(front.olderUrl ?? ''); page;) {
    seen.push(...page.items);
    page = byUrl.get(page.olderUrl ?? '');
  }
  return seen;
}

describe('paginate', () => {
  it('shows the newest articles that do not fill a page together with the newest full page on the front page', () => {
    const { front } = paginate(articles(45), 20, LIST);
    expect(span(front.items)).toBe('45..21');
    expect(front).toMatchObject({ url: LIST, numbers: [1], listUrl: LIST });
    expect(front.number).toBeUndefined();
    expect(front.newerUrl).toBeUndefined();
    expect(span(paginate(articles(40), 20, LIST).front.items)).toBe('40..21');
    expect(span(paginate(articles(75), 20, LIST).front.items)).toBe('75..41');
  });

  it('numbers full pages from the oldest, each newest first', () => {
    const { numbered } = paginate(articles(45), 20, LIST);
    expect(numbered.map((page) => [page.number, page.url, span(page.items)])).toEqual([
      [1, '/chuyen-muc/thoi-su/trang/1/', '20..1'],
      [2, '/chuyen-muc/thoi-su/trang/2/', '40..21'],
    ]);
  });

  it('shows every article once to a reader walking from the front page through older pages', () => {
    for (const count of [0, 1, 20, 21, 39, 40, 41, 45, 60, 61, 75, 200, 219]) {
      expect(walkOlder(count), `${count} articles`).toEqual(articles(count));
    }
  });

  it('keeps every numbered page the same articles at the same URL as articles keep coming', () => {
    let previous = paginate(articles(21), 20, LIST);
    for (let count = 22; count <= 101; count++) {
      const next = paginate(articles(count), 20, LIST);
      expect(next.numbered.length).toBeGreaterThanOrEqual(previous.numbered.length);
      previous.numbered.forEach((page, index) => {
        expect(next.numbered[index]!.items).toEqual(page.items);
        expect(next.numbered[index]!.url).toBe(page.url);
      });
      previous = next;
    }
  });

  it('has no numbered pages while everything fits on the front page', () => {
    for (const count of [0, 1, 20]) {
      const { front, numbered } = paginate(articles(count), 20, LIST);
      expect(numbered).toEqual([]);
      expect(front.items).toHaveLength(count);
      expect(front.numbers).toEqual([]);
      expect(front.olderUrl).toBeUndefined();
    }
  });

  it('makes page 1 once a page is full, while the front page still shows everything', () => {
    const { front, numbered } = paginate(articles(21), 20, LIST);
    expect(numbered.map((page) => span(page.items))).toEqual(['20..1']);
    expect(span(front.items)).toBe('21..1');
    expect(front.olderUrl).toBeUndefined();
  });

  it('links numbered pages to the older and newer page, and the pages the front shows back to the front page', () => {
    const { front, numbered } = paginate(articles(75), 20, LIST);
    expect(front.olderUrl).toBe('/chuyen-muc/thoi-su/trang/2/');
    expect(numbered.map((page) => [page.olderUrl, page.newerUrl])).toEqual([
      [undefined, '/chuyen-muc/thoi-su/trang/2/'],
      ['/chuyen-muc/thoi-su/trang/1/', LIST],
      ['/chuyen-muc/thoi-su/trang/2/', LIST],
    ]);
    expect(numbered.every((page) => page.listUrl === LIST)).toBe(true);
  });

  it('links a numbered page to its neighbours and page 1, the front page to the newest older pages and page 1', () => {
    const { front, numbered } = paginate(articles(200), 20, LIST);
    expect(front.numbers).toEqual([9, 8, 7, 6, 5, 1]);
    expect(numbered.map((page) => page.numbers)).toEqual([
      [3, 2, 1],
      [4, 3, 2, 1],
      [5, 4, 3, 2, 1],
      [6, 5, 4, 3, 2, 1],
      [7, 6, 5, 4, 3, 1],
      [8, 7, 6, 5, 4, 1],
      [9, 8, 7, 6, 5, 1],
      [10, 9, 8, 7, 6, 1],
      [10, 9, 8, 7, 1],
      [10, 9, 8, 1],
    ]);
  });

  it('keeps every page but the newest three exactly the same, links included, as articles keep coming', () => {
    let previous = paginate(articles(41), 20, LIST);
    let compared = 0;
    for (let count = 42; count <= 301; count++) {
      const next = paginate(articles(count), 20, LIST);
      for (let index = 0; index < previous.numbered.length - 3; index++) {
        expect(next.numbered[index]).toEqual(previous.numbered[index]);
        compared++;
      }
      previous = next;
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
