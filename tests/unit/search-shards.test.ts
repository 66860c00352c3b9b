import { describe, expect, it } from 'vitest';
import {
  countPages,
  groupIntoShards,
  indexedDocument,
  indexedRegion,
  planShards,
  regionDigest,
  shardFingerprint,
  shardOrder,
} from '../../src/lib/search-shards.ts';

const ARTICLE =
  '<article class="article" data-pagefind-body data-pagefind-filter="year:2022" data-search-month="2022-05"><h1>Đà Lạt</h1><p>Hoa.</p></article>';

describe('indexedRegion', () => {
  it('returns the indexed element and its month, and nothing around it', () => {
    expect(indexedRegion(`<html><body><nav>Bài liên quan</nav>${ARTICLE}<aside>Mới</aside></body></html>`)).toEqual({
      region: ARTICLE,
      month: '2022-05',
    });
  });

  it('ignores a month inside the element: the month is the opening tag’s', () => {
    const html =
      '<article data-pagefind-body data-search-month="2021-03"><a data-search-month="1999-01">x</a></article>';
    expect(indexedRegion(html)?.month).toBe('2021-03');
  });

  it.each([
    ['a page without an indexed element (a redirect page)', '<html><body><p>Chuyển hướng</p></body></html>'],
    ['an element without a month', '<article data-pagefind-body data-pagefind-filter="year:2022"><h1>x</h1></article>'],
    ['an element that is never closed', '<article data-pagefind-body data-search-month="2022-05"><h1>x</h1>'],
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

describe('countPages', () => {
  it('counts the pages of each month', () => {
    expect(countPages(['2023-05', '2024-01', '2023-05'])).toEqual(
      new Map([
        ['2023-05', 2],
        ['2024-01', 1],
      ]),
    );
  });
});

describe('planShards', () => {
  const plan = (counts: Record<string, number>, min = 2500) =>
    Object.fromEntries(planShards(new Map(Object.entries(counts)), min));

  it('keeps the newest month alone, then the rest of its year, and groups older years into runs of enough pages', () => {
    expect(
      plan({
        '2019-01': 900,
        '2020-06': 1700,
        '2021-02': 1500,
        '2021-09': 1500,
        '2022-03': 1200,
        '2023-12': 1400,
        '2024-01': 40,
        '2024-02': 35,
        '2024-03': 3,
      }),
    ).toEqual({
      '2019-01': '2019-2020',
      '2020-06': '2019-2020',
      '2021-02': '2021',
      '2021-09': '2021',
      '2022-03': '2022-2023',
      '2023-12': '2022-2023',
      '2024-01': '2024',
      '2024-02': '2024',
      '2024-03': '2024-03',
    });
  });

  it('has no shard for the newest year when its newest month is its only one (a new year’s January)', () => {
    expect(plan({ '2024-11': 900, '2024-12': 950, '2025-01': 30 })).toEqual({
      '2024-11': '2024',
      '2024-12': '2024',
      '2025-01': '2025-01',
    });
  });

  it('adds a short last run to the run before it', () => {
    expect(plan({ '2019-05': 3000, '2020-05': 100, '2021-05': 50, '2021-06': 5 })).toEqual({
      '2019-05': '2019-2020',
      '2020-05': '2019-2020',
      '2021-05': '2021',
      '2021-06': '2021-06',
    });
  });

  it('makes one shard of all older years when together they are few', () => {
    expect(plan({ '2021-01': 3, '2022-01': 4, '2023-01': 3, '2024-01': 1, '2024-04': 1 })).toEqual({
      '2021-01': '2021-2023',
      '2022-01': '2021-2023',
      '2023-01': '2021-2023',
      '2024-01': '2024',
      '2024-04': '2024-04',
    });
  });

  it('gives every year its own shard in a large archive', () => {
    expect(new Set(Object.values(plan({ '2022-06': 7000, '2023-06': 7100, '2024-06': 6900, '2025-06': 500 })))).toEqual(
      new Set(['2022', '2023', '2024', '2025-06']),
    );
  });

  it('plans nothing for an empty archive', () => {
    expect(plan({})).toEqual({});
  });
});

describe('shardOrder', () => {
  it('lists each shard once, newest first, the newest month before the rest of its year', () => {
    expect(shardOrder(['2019-2020', '2024', '2024-04', '2021-2023', '2024'])).toEqual([
      '2024-04',
      '2024',
      '2021-2023',
      '2019-2020',
    ]);
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
      { month: '2022-03', url: '/a/' },
      { month: '2024-04', url: '/b/' },
      { month: '2023-08', url: '/c/' },
      { month: '2024-01', url: '/d/' },
    ];
    expect([...groupIntoShards(pages)]).toEqual([
      ['2024-04', [{ month: '2024-04', url: '/b/' }]],
      ['2024', [{ month: '2024-01', url: '/d/' }]],
      [
        '2022-2023',
        [
          { month: '2022-03', url: '/a/' },
          { month: '2023-08', url: '/c/' },
        ],
      ],
    ]);
  });
});
