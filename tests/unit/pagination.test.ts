import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/lib/pagination.ts';

const LIST = '/chuyen-muc/thoi-su/';

/** `count` articles numbered 1 (oldest) … count (newest), newest first like the archive. */
const articles = (count: number) => Array.from({ length: count }, (_, index) => count - index);

/** A page's items as "first..last", newest first. */
const span = (items: number[]) => (items.length ? `${items[0]}..${items[items.length - 1]}` : 'empty');

describe('paginate', () => {
  it('shows the newest pageSize articles on the front page', () => {
    const { front } = paginate(articles(45), 20, LIST);
    expect(span(front.items)).toBe('45..26');
    expect(front).toMatchObject({ url: LIST, numbers: [3, 2, 1], listUrl: LIST });
    expect(front.number).toBeUndefined();
    expect(front.newerUrl).toBeUndefined();
  });

  it('numbers pages from the oldest, each newest first', () => {
    const { numbered } = paginate(articles(45), 20, LIST);
    expect(numbered.map((page) => [page.number, page.url, span(page.items)])).toEqual([
      [1, '/chuyen-muc/thoi-su/trang/1/', '20..1'],
      [2, '/chuyen-muc/thoi-su/trang/2/', '40..21'],
      [3, '/chuyen-muc/thoi-su/trang/3/', '45..41'],
    ]);
  });

  it('keeps full pages unchanged when a newer article is added', () => {
    const before = paginate(articles(45), 20, LIST);
    const after = paginate(articles(46), 20, LIST);
    // Pages 1 and 2 are full: same URL, same articles, same links, forever.
    expect(after.numbered[0]).toEqual(before.numbered[0]);
    expect(after.numbered[1]).toEqual(before.numbered[1]);
    // Only the newest numbered page and the front page change.
    expect(span(before.numbered[2]!.items)).toBe('45..41');
    expect(span(after.numbered[2]!.items)).toBe('46..41');
    expect(span(before.front.items)).toBe('45..26');
    expect(span(after.front.items)).toBe('46..27');
    expect(after.numbered).toHaveLength(3);
  });

  it('keeps every earlier page unchanged as articles keep coming', () => {
    let previous = paginate(articles(21), 20, LIST);
    for (let count = 22; count <= 101; count++) {
      const next = paginate(articles(count), 20, LIST);
      const fullPages = Math.floor((count - 1) / 20);
      for (let index = 0; index < fullPages; index++) {
        expect(next.numbered[index]!.items).toEqual(previous.numbered[index]!.items);
        expect(next.numbered[index]!.url).toBe(previous.numbered[index]!.url);
      }
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

  it('starts numbering as soon as one article does not fit', () => {
    const { front, numbered } = paginate(articles(21), 20, LIST);
    expect(numbered.map((page) => span(page.items))).toEqual(['20..1', '21..21']);
    expect(front.olderUrl).toBe('/chuyen-muc/thoi-su/trang/1/');
  });

  it('links the front page to the page holding the first article it does not show', () => {
    // 45 articles: the front shows 45..26, so article 25 (page 2) is the next older one.
    expect(paginate(articles(45), 20, LIST).front.olderUrl).toBe('/chuyen-muc/thoi-su/trang/2/');
    // 40 articles: the front shows 40..21, exactly page 2, so the next older one is on page 1.
    expect(paginate(articles(40), 20, LIST).front.olderUrl).toBe('/chuyen-muc/thoi-su/trang/1/');
    // 46 articles: the front shows 46..27, article 26 is on page 2.
    expect(paginate(articles(46), 20, LIST).front.olderUrl).toBe('/chuyen-muc/thoi-su/trang/2/');
  });

  it('links numbered pages to the older and newer page, and the newest one back to the front page', () => {
    const { numbered } = paginate(articles(45), 20, LIST);
    expect(numbered.map((page) => [page.olderUrl, page.newerUrl])).toEqual([
      [undefined, '/chuyen-muc/thoi-su/trang/2/'],
      ['/chuyen-muc/thoi-su/trang/1/', '/chuyen-muc/thoi-su/trang/3/'],
      ['/chuyen-muc/thoi-su/trang/2/', LIST],
    ]);
    expect(numbered.every((page) => page.listUrl === LIST)).toBe(true);
  });

  it('links a numbered page to its neighbours and page 1, the front page to the newest pages and page 1', () => {
    const { front, numbered } = paginate(articles(200), 20, LIST);
    expect(front.numbers).toEqual([10, 9, 8, 7, 6, 1]);
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

  it('keeps every page but the newest two exactly the same, links included, as articles keep coming', () => {
    let previous = paginate(articles(41), 20, LIST);
    for (let count = 42; count <= 301; count++) {
      const next = paginate(articles(count), 20, LIST);
      const stable = Math.floor((count - 1) / 20) - 2;
      for (let index = 0; index < stable; index++) {
        expect(next.numbered[index]).toEqual(previous.numbered[index]);
      }
      previous = next;
    }
  });

  it('never loses or repeats an article across the numbered pages', () => {
    for (const count of [21, 39, 40, 41, 45, 60, 61]) {
      const all = paginate(articles(count), 20, LIST).numbered.flatMap((page) => page.items);
      expect(all.sort((a, b) => a - b)).toEqual(articles(count).reverse());
    }
  });
});
