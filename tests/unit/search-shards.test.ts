import { describe, expect, it } from 'vitest';
import {
  countByYear,
  groupIntoShards,
  indexedDocument,
  indexedRegion,
  planShards,
  regionDigest,
  shardFingerprint,
  shardOrder,
} from '../../src/lib/search-shards.ts';

const ARTICLE =
  '<article class="article" data-pagefind-body data-pagefind-filter="year:2022"><h1>Đà Lạt</h1><p>Hoa.</p></article>';

describe('indexedRegion', () => {
  it('returns the indexed element and its year, and nothing around it', () => {
    expect(indexedRegion(`<html><body><nav>Bài liên quan</nav>${ARTICLE}<aside>Mới</aside></body></html>`)).toEqual({
      region: ARTICLE,
      year: '2022',
    });
  });

  it('ignores a year filter inside the element: the year is the opening tag’s', () => {
    const html =
      '<article data-pagefind-body data-pagefind-filter="year:2021"><a data-pagefind-filter="year:1999">x</a></article>';
    expect(indexedRegion(html)?.year).toBe('2021');
  });

  it.each([
    ['a page without an indexed element (a redirect page)', '<html><body><p>Chuyển hướng</p></body></html>'],
    ['an element without a year', '<article data-pagefind-body><h1>x</h1></article>'],
    ['an element that is never closed', '<article data-pagefind-body data-pagefind-filter="year:2022"><h1>x</h1>'],
  ])('is undefined for %s', (_case, html) => {
    expect(indexedRegion(html)).toBeUndefined();
  });
});

describe('regionDigest', () => {
  it('differs when one character of the region differs', () => {
    expect(regionDigest(ARTICLE)).toBe(regionDigest(ARTICLE));
    expect(regionDigest(ARTICLE)).not.toBe(regionDigest(ARTICLE.replace('Hoa.', 'Hoa!')));
  });
});

describe('shardFingerprint', () => {
  const pages = [
    { url: '/bai-viet/da-lat/', digest: 'a' },
    { url: '/bai-viet/bao-loc/', digest: 'b' },
  ];

  it('does not depend on the order pages were read in', () => {
    expect(shardFingerprint(pages, 'pagefind 1.6.0')).toBe(shardFingerprint([...pages].reverse(), 'pagefind 1.6.0'));
  });

  it.each([
    ['a page’s region', [pages[0]!, { ...pages[1]!, digest: 'c' }], 'pagefind 1.6.0'],
    ['a page’s URL', [pages[0]!, { ...pages[1]!, url: '/bai-viet/bao-loc-2/' }], 'pagefind 1.6.0'],
    ['a page added', [...pages, { url: '/bai-viet/di-linh/', digest: 'd' }], 'pagefind 1.6.0'],
    ['the Pagefind version', pages, 'pagefind 1.6.1'],
  ])('changes with %s', (_case, changed, salt) => {
    expect(shardFingerprint(changed, salt)).not.toBe(shardFingerprint(pages, 'pagefind 1.6.0'));
  });
});

describe('countByYear', () => {
  it('counts the pages of each year', () => {
    expect(countByYear(['2023', '2024', '2023'])).toEqual(
      new Map([
        ['2023', 2],
        ['2024', 1],
      ]),
    );
  });
});

describe('planShards', () => {
  const plan = (counts: Record<string, number>, min = 2500) =>
    Object.fromEntries(planShards(new Map(Object.entries(counts)), min));

  it('keeps the newest year alone, however small, and groups older years into runs of enough pages', () => {
    expect(plan({ '2019': 900, '2020': 1700, '2021': 3000, '2022': 1200, '2023': 1400, '2024': 40 })).toEqual({
      '2019': '2019-2020',
      '2020': '2019-2020',
      '2021': '2021',
      '2022': '2022-2023',
      '2023': '2022-2023',
      '2024': '2024',
    });
  });

  it('adds a short last run to the run before it', () => {
    expect(plan({ '2019': 3000, '2020': 100, '2021': 50 })).toEqual({
      '2019': '2019-2020',
      '2020': '2019-2020',
      '2021': '2021',
    });
  });

  it('makes one shard of all older years when together they are few', () => {
    expect(plan({ '2021': 3, '2022': 4, '2023': 3, '2024': 2 })).toEqual({
      '2021': '2021-2023',
      '2022': '2021-2023',
      '2023': '2021-2023',
      '2024': '2024',
    });
  });

  it('gives every year its own shard in a large archive', () => {
    expect(Object.values(plan({ '2022': 7000, '2023': 7100, '2024': 6900, '2025': 500 }))).toEqual([
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
  });

  it('plans nothing for an empty archive', () => {
    expect(plan({})).toEqual({});
  });
});

describe('shardOrder', () => {
  it('lists each shard once, newest first', () => {
    expect(shardOrder(['2019-2020', '2024', '2021-2023', '2024'])).toEqual(['2024', '2021-2023', '2019-2020']);
  });
});

describe('indexedDocument', () => {
  it('wraps the element in a Vietnamese page and nothing else', () => {
    expect(indexedDocument(ARTICLE)).toBe(`<!doctype html><html lang="vi"><body>${ARTICLE}</body></html>`);
  });
});

describe('groupIntoShards', () => {
  it('groups pages by the planned shards, newest shard first', () => {
    const pages = [
      { year: '2022', url: '/a/' },
      { year: '2024', url: '/b/' },
      { year: '2023', url: '/c/' },
    ];
    expect([...groupIntoShards(pages)]).toEqual([
      ['2024', [{ year: '2024', url: '/b/' }]],
      [
        '2022-2023',
        [
          { year: '2022', url: '/a/' },
          { year: '2023', url: '/c/' },
        ],
      ],
    ]);
  });
});
