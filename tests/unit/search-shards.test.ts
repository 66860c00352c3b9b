import { describe, expect, it } from 'vitest';
import {
  indexOrder,
  countPages,
  groupIntoShards,
  indexedDocument,
  indexedRegion,
  isWasmPlaceholder,
  planShards,
  regionDigest,
  shardFingerprint,
  shardOrder,
  SHARDS_BEFORE_DOUBLING,
  shardSize,
  WASM_PLACEHOLDER,
} from '../../src/lib/search-shards.ts';

const ARTICLE =
  '<article class="article" data-pagefind-body data-pagefind-filter="year:2022" data-search-month="2022-05"><h1>Đà Lạt</h1><p>Hoa.</p></article>';

describe('indexedRegion', () => {
  it('returns the indexed element and its month, and nothing around it', () => {
    expect(indexedRegion(`<html><body><nav>Bài liên quan</nav>${ARTICLE}<aside>Mới</aside></body></html>`)).toEqual({
      region: ARTICLE,
      month: '2022-05',
      time: 0,
    });
  });

  it('reads the time Pagefind sorts the article by', () => {
    const time =
      '<time datetime="2022-05-11T06:49:00+07:00" data-pagefind-meta="dateline" data-pagefind-sort="date[datetime]">Thứ tư</time>';
    const updated = '<time datetime="2023-01-01T00:00:00+07:00">Cập nhật</time>';
    expect(indexedRegion(ARTICLE.replace('<p>', `<p>${time}${updated}`))?.time).toBe(Date.UTC(2022, 4, 10, 23, 49));
  });

  it('leaves out the pictures, whose file names change with the photo, and keeps their caption', () => {
    const figure = (digest: string) =>
      `<figure><picture><source srcset="/anh/a-${digest}-400.avif 400w" type="image/avif"><img src="/anh/a-${digest}-400.jpg" alt="Hồ"></picture><figcaption>Hồ Xuân Hương</figcaption></figure>`;
    const page = (digest: string) =>
      `<article data-pagefind-body data-search-month="2024-06"><h1>Đà Lạt</h1>${figure(digest)}<p>Hoa.</p></article>`;
    expect(indexedRegion(page('0123456789abcdef'))?.region).toBe(
      '<article data-pagefind-body data-search-month="2024-06"><h1>Đà Lạt</h1><figure><figcaption>Hồ Xuân Hương</figcaption></figure><p>Hoa.</p></article>',
    );
    expect(indexedRegion(page('fedcba9876543210'))).toEqual(indexedRegion(page('0123456789abcdef')));
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

describe('indexOrder', () => {
  it('puts the newest first, then orders by URL', () => {
    const pages = [
      { url: '/b/', time: Date.parse('2022-05-11T06:49:00+07:00') },
      { url: '/c/', time: Date.parse('2023-01-02T08:00:00+07:00') },
      { url: '/a/', time: Date.parse('2022-05-11T06:49:00+07:00') },
    ];
    expect(indexOrder(pages).map((page) => page.url)).toEqual(['/c/', '/a/', '/b/']);
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

describe('shardSize', () => {
  it.each([
    [0, 2000],
    [10_000, 2000],
    [63_999, 2000],
    [64_000, 4000],
    [100_000, 4000],
    [140_000, 8000],
  ])('for %i pages is %i', (pages, size) => {
    expect(shardSize(pages)).toBe(size);
  });

  it('keeps a large archive at 16 to 32 shards', () => {
    for (const pages of [32_000, 50_000, 100_000, 250_000, 1_000_000]) {
      const shards = pages / shardSize(pages);
      expect(shards).toBeGreaterThanOrEqual(SHARDS_BEFORE_DOUBLING);
      expect(shards).toBeLessThanOrEqual(2 * SHARDS_BEFORE_DOUBLING);
    }
  });
});

describe('planShards', () => {
  const plan = (counts: Record<string, number>, size?: number) =>
    Object.fromEntries(planShards(new Map(Object.entries(counts)), size));

  it('keeps the newest month alone and gathers older months, oldest first, into runs of enough pages', () => {
    expect(
      plan(
        {
          '2023-11': 600,
          '2023-12': 500,
          '2024-01': 1200,
          '2024-02': 300,
          '2024-03': 300,
          '2024-04': 40,
        },
        1000,
      ),
    ).toEqual({
      '2023-11': '2023-11_2023-12',
      '2023-12': '2023-11_2023-12',
      '2024-01': '2024-01',
      '2024-02': '2024-02_2024-03',
      '2024-03': '2024-02_2024-03',
      '2024-04': '2024-04',
    });
  });

  it('leaves runs of older months alone as articles are added, and the month’s turn changes only the last run', () => {
    const before = {
      '2024-01': 600,
      '2024-02': 500,
      '2024-03': 700,
      '2024-04': 40,
    };
    const newArticle = { ...before, '2024-04': 41 };
    const nextMonth = { ...before, '2024-04': 900, '2024-05': 1 };
    expect(plan(before, 1000)).toEqual({
      '2024-01': '2024-01_2024-02',
      '2024-02': '2024-01_2024-02',
      '2024-03': '2024-03',
      '2024-04': '2024-04',
    });
    expect(plan(newArticle, 1000)).toEqual(plan(before, 1000));
    expect(plan(nextMonth, 1000)).toEqual({
      '2024-01': '2024-01_2024-02',
      '2024-02': '2024-01_2024-02',
      '2024-03': '2024-03_2024-04',
      '2024-04': '2024-03_2024-04',
      '2024-05': '2024-05',
    });
  });

  it('sizes runs for the whole archive when no size is given', () => {
    const months = Object.fromEntries(
      Array.from({ length: 120 }, (_, index) => [
        `${2015 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
        800,
      ]),
    );
    // 96,000 pages: runs of 4,000, five months of 800 each
    const shards = new Set(Object.values(plan(months)));
    expect(shards.size).toBe(Math.ceil(119 / 5) + 1);
    expect([...shards].slice(0, 2)).toEqual(['2015-01_2015-05', '2015-06_2015-10']);
  });

  it('makes one shard of all older months when together they are few, and one of a lone month', () => {
    expect(plan({ '2021-01': 3, '2022-01': 4, '2023-01': 3, '2024-04': 1 })).toEqual({
      '2021-01': '2021-01_2023-01',
      '2022-01': '2021-01_2023-01',
      '2023-01': '2021-01_2023-01',
      '2024-04': '2024-04',
    });
    expect(plan({ '2024-04': 12 })).toEqual({ '2024-04': '2024-04' });
  });

  it('plans nothing for an empty archive', () => {
    expect(plan({})).toEqual({});
  });
});

describe('shardOrder', () => {
  it('lists each shard once, newest first by the last month it holds', () => {
    expect(shardOrder(['2019-01_2020-06', '2024-04', '2020-07', '2021-01_2024-03', '2024-04'])).toEqual([
      '2024-04',
      '2021-01_2024-03',
      '2020-07',
      '2019-01_2020-06',
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
      [
        '2022-03_2024-01',
        [
          { month: '2022-03', url: '/a/' },
          { month: '2023-08', url: '/c/' },
          { month: '2024-01', url: '/d/' },
        ],
      ],
    ]);
  });

  it('takes the site’s shard size', () => {
    const pages = ['2022-03', '2023-08', '2024-01', '2024-04'].map((month) => ({ month }));
    expect([...groupIntoShards(pages, 2).keys()]).toEqual(['2024-04', '2024-01', '2022-03_2023-08']);
  });
});

describe('isWasmPlaceholder', () => {
  it('knows the placeholder, whose 13 bytes Pagefind reads as an already decompressed file', () => {
    expect(new TextDecoder().decode(WASM_PLACEHOLDER)).toBe('pagefind_dcd\0');
    expect(isWasmPlaceholder(WASM_PLACEHOLDER.slice())).toBe(true);
  });

  it('tells Pagefind’s own WebAssembly from it, even a file of the same length', () => {
    expect(isWasmPlaceholder(new TextEncoder().encode('pagefind_dcd\x01'))).toBe(false);
    expect(isWasmPlaceholder(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0]))).toBe(false);
    expect(isWasmPlaceholder(new Uint8Array())).toBe(false);
  });
});
