/**
 * The search page in Debian's Chromium against the `search` fixture, built by the global
 * setup and served on loopback: every query readers type (also in NFD), excerpts,
 * ranking, filters, the URL round trip, empty and no-result states, keyboard use, CSP.
 */
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtFixture } from '../build/build-fixture.ts';
import { openSearch, servedInBrowser, shownResults, type ServedSite, type ShownResults as Shown } from './harness.ts';

const session = servedInBrowser('search');
let site: ServedSite;
let browser: Browser;
let page: Page;
beforeAll(() => ({ site, browser, page } = session));

/** Waits until the page has finished searching (and, if given, shows `query`'s results). */
const settled = (target: Page = page, query?: string) => shownResults(target, query);

/** Opens the search page with these URL parameters and waits for its results. */
const open = (params: Record<string, string>, target: Page = page) => openSearch(target, site, params);

const result = (shown: Shown, slug: string) => {
  const index = shown.slugs.indexOf(slug);
  expect(index, `${slug} in ${shown.slugs.join(', ')}`).toBeGreaterThanOrEqual(0);
  return { title: shown.titles[index]!, meta: shown.metas[index]!, excerpt: shown.excerpts[index]! };
};

const DA_LAT = ['da-lat-mua-hoa-da-quy', 'cho-phien-cuoi-tuan'];
const BAO_LOC = ['bao-loc-thu-hoach-che'];
const LO_THANH = ['bao-loc-thu-hoach-che', 'ca-phe-vao-vu'];
const DUC_TRONG = ['duc-trong-mo-rong-duong', 'ca-phe-vao-vu'];
const HOA_BINH = ['ky-niem-ngay-thong-nhat', 'thieu-nhi-ve-tranh'];
const THUY = ['nang-cap-ho-chua', 'thuy-dien-tich-nuoc'];

/** Each query must find the articles that contain the words. */
const QUERIES: [string, string[]][] = [
  ['Đà Lạt', DA_LAT],
  ['đà lạt', DA_LAT],
  ['da lat', DA_LAT],
  ['Da Lat', DA_LAT],
  ['DA LAT', DA_LAT],
  ['Bảo Lộc', BAO_LOC],
  ['bao loc', BAO_LOC],
  ['Lô Thanh', LO_THANH],
  ['lo thanh', LO_THANH],
  ['Đức Trọng', DUC_TRONG],
  ['duc trong', DUC_TRONG],
  ['hòa bình', HOA_BINH],
  ['hoà bình', HOA_BINH],
  ['thủy', THUY],
  ['thuỷ', THUY],
];

describe('finds what Vietnamese readers type', () => {
  it.each(QUERIES)('"%s" finds %j', async (query, slugs) => {
    const shown = await open({ q: query });
    expect(shown.slugs).toEqual(expect.arrayContaining(slugs));
  });

  it.each(QUERIES)('"%s" typed in NFD finds %j', async (query, slugs) => {
    const decomposed = query.normalize('NFD');
    const shown = await open({ q: decomposed });
    expect(shown.slugs).toEqual(expect.arrayContaining(slugs));
    expect(shown.status).toContain(`“${query}”`);
  });

  it('finds an article by its author, whose byline is indexed, and ranks the author first', async () => {
    const shown = await open({ q: 'lo thanh' });
    expect(shown.slugs.slice(0, 2).sort()).toEqual(LO_THANH);
  });

  it('takes decomposed text typed into the search box', async () => {
    await page.goto(`${site.url}/tim-kiem/`);
    await page.getByRole('searchbox', { name: 'Từ khóa' }).fill('Đức Trọng'.normalize('NFD'));
    await page.keyboard.press('Enter');
    const shown = await settled(page, 'Đức Trọng');
    expect(shown.slugs).toEqual(expect.arrayContaining(DUC_TRONG));
  });
});

describe('results', () => {
  it('show title, dateline, category and authors', async () => {
    const shown = await open({ q: 'bao loc' });
    expect(shown.slugs[0]).toBe('bao-loc-thu-hoach-che');
    expect(result(shown, 'bao-loc-thu-hoach-che')).toEqual({
      title: '<mark>Bảo Lộc</mark> vào vụ thu hoạch chè xuân',
      meta: 'Thứ tư, 11/05/2022 - 06:49 · Kinh tế · Lô Thanh',
      excerpt: expect.stringMatching(
        /^Những ngày đầu tháng 5, trên các đồi chè ở <mark>Bảo Lộc<\/mark>, người dân .*…$/,
      ),
    });
    expect(result(await open({ q: 'dã quỳ' }), 'da-lat-mua-hoa-da-quy').meta).toBe(
      'Thứ hai, 20/11/2023 - 07:30 · Du lịch · Minh Đức, Hoàng Yến',
    );
  });

  it('highlight the original Vietnamese words a folded query matched', async () => {
    const daLat = await open({ q: 'da lat' });
    expect(result(daLat, 'cho-phien-cuoi-tuan').excerpt).toContain('khách từ <mark>Đà Lạt</mark> xuống');
    // The phrase is marked, not each word that folds like one of its syllables ("dã").
    expect(result(daLat, 'da-lat-mua-hoa-da-quy').title).toBe('<mark>Đà Lạt</mark> rực rỡ mùa hoa dã quỳ');

    const ducTrong = await open({ q: 'duc trong' });
    expect(result(ducTrong, 'ca-phe-vao-vu').excerpt).toContain('Tại huyện <mark>Đức Trọng</mark>, nông dân');
    expect(result(ducTrong, 'duc-trong-mo-rong-duong').title).toBe('<mark>Đức Trọng</mark> mở rộng đường liên xã');

    expect(result(await open({ q: 'lo thanh' }), 'bao-loc-thu-hoach-che').excerpt).toContain('<mark>Lô Thanh</mark>');
  });

  it('highlight each tone placement as the article spells it', async () => {
    const shown = await open({ q: 'hoà bình' });
    expect(result(shown, 'ky-niem-ngay-thong-nhat').excerpt).toContain('vì <mark>hòa bình</mark>, độc lập');
    expect(result(shown, 'thieu-nhi-ve-tranh').excerpt).toContain('thế giới <mark>hoà bình</mark>, xanh');
    const thuy = await open({ q: 'thuy' });
    expect(result(thuy, 'nang-cap-ho-chua').excerpt).toContain('Công trình <mark>thủy</mark> lợi');
    expect(result(thuy, 'thuy-dien-tich-nuoc').title).toBe('Các nhà máy <mark>thuỷ</mark> điện tích nước mùa khô');
  });

  it('load ten at a time, then more on request, moving focus to the first new result', async () => {
    const shown = await open({ q: 'c' });
    expect(shown.status).toBe('Tìm thấy 12 kết quả cho “c”.');
    expect(shown.slugs).toHaveLength(10);
    await page.getByRole('button', { name: 'Xem thêm kết quả' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 12);
    await expect(page.getByRole('button', { name: 'Xem thêm kết quả' }).isHidden()).resolves.toBe(true);
    const focused = await page.evaluate(() =>
      document.activeElement?.closest('li')?.matches('.search-result:nth-child(11)'),
    );
    expect(focused).toBe(true);
  });
});

describe('ranking', () => {
  it.each([
    ['Đức Trọng', 'duc-trong-mo-rong-duong', 'ca-phe-vao-vu'],
    ['duc trong', 'duc-trong-mo-rong-duong', 'ca-phe-vao-vu'],
    ['cồng chiêng', 'lien-hoan-cong-chieng', 'le-mung-lua-moi'],
    ['cong chieng', 'lien-hoan-cong-chieng', 'le-mung-lua-moi'],
  ])('"%s": the title match (%s) ranks above the body match (%s)', async (query, title, body) => {
    const { slugs } = await open({ q: query });
    expect(slugs.indexOf(title)).toBeGreaterThanOrEqual(0);
    expect(slugs.indexOf(title)).toBeLessThan(slugs.indexOf(body));
  });

  it.each(['Đà Lạt', 'đà lạt', 'Đà Lạt'.normalize('NFD')])(
    '"%s": the exact, accented match ranks above a folded one ("đã lát")',
    async (query) => {
      const { slugs } = await open({ q: query });
      // Both only in the body: "khách từ Đà Lạt xuống" against "công nhân đã lát gạch".
      expect(slugs).toContain('via-he-tran-phu');
      expect(slugs.indexOf('cho-phien-cuoi-tuan')).toBeLessThan(slugs.indexOf('via-he-tran-phu'));
    },
  );

  it('typed a word at a time, ranks and marks as opened from its URL', async () => {
    const opened = await open({ q: 'Đà Lạt' });
    await page.goto(`${site.url}/tim-kiem/`);
    const box = page.getByRole('searchbox', { name: 'Từ khóa' });
    await box.pressSequentially('Đà ', { delay: 30 });
    await settled(page, 'Đà');
    await box.pressSequentially('Lạt', { delay: 30 });
    const typed = await settled(page, 'Đà Lạt');
    expect(typed).toEqual(opened);
    expect(typed.slugs.indexOf('cho-phien-cuoi-tuan')).toBeLessThan(typed.slugs.indexOf('via-he-tran-phu'));
  });

  it('sorts newest first on request, and says so in the URL', async () => {
    const shown = await open({ q: 'năm nay', sort: 'moi-nhat' });
    expect(shown.slugs).toEqual(['da-lat-mua-hoa-da-quy', 'ca-phe-vao-vu', 'bao-loc-thu-hoach-che']);
    await expect(page.getByRole('combobox', { name: 'Sắp xếp' }).inputValue()).resolves.toBe('moi-nhat');
    await page.getByRole('combobox', { name: 'Sắp xếp' }).selectOption('');
    await page.waitForFunction(() => !location.search.includes('sort='));
    expect(new URL(page.url()).search).toBe('?q=n%C4%83m+nay');
  });
});

describe('filters', () => {
  it.each([
    [{ category: 'kinh-te' }, ['bao-loc-thu-hoach-che', 'ca-phe-vao-vu'], 'Chuyên mục'],
    [{ author: 'lo-thanh' }, ['bao-loc-thu-hoach-che', 'ca-phe-vao-vu'], 'Tác giả'],
    [{ year: '2023' }, ['ca-phe-vao-vu', 'da-lat-mua-hoa-da-quy'], 'Năm'],
  ])('%j narrows "năm nay" to %j and sets the %s select', async (filter, slugs, label) => {
    const shown = await open({ q: 'năm nay', ...filter });
    expect([...shown.slugs].sort()).toEqual(slugs);
    await expect(page.getByRole('combobox', { name: label }).inputValue()).resolves.toBe(Object.values(filter)[0]);
  });

  it('apply when chosen, and are written to the URL', async () => {
    await open({ q: 'năm nay' });
    await page.getByRole('combobox', { name: 'Năm' }).selectOption('2022');
    await page.waitForFunction(() => location.search.includes('year=2022'));
    const shown = await settled(page);
    expect(shown.slugs).toEqual(['bao-loc-thu-hoach-che']);
    await page.getByRole('combobox', { name: 'Chuyên mục' }).selectOption({ label: 'Kinh tế' });
    await page.waitForFunction(() => location.search.includes('category='));
    expect(new URL(page.url()).search).toBe('?q=n%C4%83m+nay&category=kinh-te&year=2022');
  });

  it('list an author’s articles newest first without any words', async () => {
    const shown = await open({ author: 'lo-thanh' });
    expect(shown.status).toBe('Có 2 bài viết phù hợp với bộ lọc.');
    expect(shown.slugs).toEqual(['ca-phe-vao-vu', 'bao-loc-thu-hoach-che']);
  });

  it('list newest first across the index’s bundles (each of these four articles is in another one)', async () => {
    const shown = await open({ author: 'minh-duc' });
    expect(shown.slugs).toEqual([
      'ky-niem-ngay-thong-nhat',
      'thuy-dien-tich-nuoc',
      'da-lat-mua-hoa-da-quy',
      'le-mung-lua-moi',
    ]);
  });

  it('show the newer bundles’ articles at once while an older bundle is still loading', async () => {
    const own = await browser.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // The oldest bundle's filter and index chunks wait until the newer bundles' results are on screen.
    await own.route(/\/pagefind\/2021-03_2022-08\/(filter|index)\//, async (route) => {
      await held;
      await route.continue();
    });
    await own.goto(`${site.url}/tim-kiem/?author=minh-duc`);
    await own.waitForFunction(() => document.querySelectorAll('.search-result').length === 3);
    const slugs = () =>
      own.evaluate(() =>
        [...document.querySelectorAll('.search-result a')].map((link) => link.getAttribute('href')!.split('/')[2]),
      );
    await expect(slugs()).resolves.toEqual(['ky-niem-ngay-thong-nhat', 'thuy-dien-tich-nuoc', 'da-lat-mua-hoa-da-quy']);
    await expect(own.locator('[data-search]').getAttribute('aria-busy')).resolves.toBe('true');
    await expect(own.getByRole('status').textContent()).resolves.toBe('Đang tìm…');
    release();
    const shown = await settled(own);
    expect(shown.status).toBe('Có 4 bài viết phù hợp với bộ lọc.');
    expect(shown.slugs).toEqual([
      'ky-niem-ngay-thong-nhat',
      'thuy-dien-tich-nuoc',
      'da-lat-mua-hoa-da-quy',
      'le-mung-lua-moi',
    ]);
    await own.close();
  });

  it('drop a value the page does not offer (an old link) from the form and the URL', async () => {
    const shown = await open({ q: 'bao loc', category: 'khong-co' });
    expect(shown.slugs[0]).toBe('bao-loc-thu-hoach-che');
    await expect(page.getByRole('combobox', { name: 'Chuyên mục' }).inputValue()).resolves.toBe('');
    expect(new URL(page.url()).search).toBe('?q=bao+loc');
  });
});

describe('the URL', () => {
  it('carries a shareable search: opening it fills the form and shows the results', async () => {
    const shown = await open({ q: 'bao loc', category: 'kinh-te', sort: 'moi-nhat' });
    await expect(page.getByRole('searchbox', { name: 'Từ khóa' }).inputValue()).resolves.toBe('bao loc');
    await expect(page.getByRole('combobox', { name: 'Chuyên mục' }).inputValue()).resolves.toBe('kinh-te');
    await expect(page.getByRole('combobox', { name: 'Sắp xếp' }).inputValue()).resolves.toBe('moi-nhat');
    expect(shown.slugs).toEqual(['bao-loc-thu-hoach-che']);
    expect(new URL(page.url()).search).toBe('?q=bao+loc&category=kinh-te&sort=moi-nhat');
  });

  it('follows typing, and a reload brings the same search back', async () => {
    await page.goto(`${site.url}/tim-kiem/`);
    await page.getByRole('searchbox', { name: 'Từ khóa' }).pressSequentially('da lat', { delay: 30 });
    await settled(page, 'da lat');
    expect(new URL(page.url()).search).toBe('?q=da+lat');
    await page.getByRole('searchbox', { name: 'Từ khóa' }).fill('Bảo Lộc');
    await settled(page, 'Bảo Lộc');
    expect(new URL(page.url()).search).toBe('?q=B%E1%BA%A3o+L%E1%BB%99c');
    await page.reload();
    const shown = await settled(page, 'Bảo Lộc');
    expect(shown.slugs[0]).toBe('bao-loc-thu-hoach-che');
    await expect(page.getByRole('searchbox', { name: 'Từ khóa' }).inputValue()).resolves.toBe('Bảo Lộc');
  });
});

describe('states', () => {
  it('invites a search when there is no query', async () => {
    const shown = await open({});
    expect(shown.status).toBe('Nhập từ khóa để tìm bài viết trong kho lưu trữ.');
    expect(shown.slugs).toEqual([]);
    await expect(page.getByRole('button', { name: 'Xem thêm kết quả' }).isHidden()).resolves.toBe(true);
  });

  it('says in Vietnamese when nothing matches, and counts what does', async () => {
    expect((await open({ q: 'xyzabc' })).status).toBe('Không tìm thấy kết quả nào cho “xyzabc”.');
    expect((await open({ q: 'hoà bình' })).status).toBe('Tìm thấy 2 kết quả cho “hoà bình”.');
  });

  it('explains that search needs JavaScript when it is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(`${site.url}/tim-kiem/?q=da+lat`);
    // Playwright's text selectors skip <noscript>; the paragraph itself is rendered and visible.
    const message = noScript.locator('noscript p');
    await expect(message.isVisible()).resolves.toBe(true);
    await expect(message.textContent()).resolves.toMatch(/^Tìm kiếm cần JavaScript\./);
    await context.close();
  });
});

describe('keyboard and screen readers', () => {
  it('reaches the header search box with Tab, searches with Enter, and lands on the results', async () => {
    const own = await browser.newPage();
    await own.goto(`${site.url}/`);
    for (let press = 0; press < 10; press++) {
      await own.keyboard.press('Tab');
      if (await own.evaluate(() => document.activeElement?.id === 'site-search')) break;
    }
    await expect(own.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('q');
    await own.keyboard.type('bao loc');
    await own.keyboard.press('Enter');
    await own.waitForURL(`${site.url}/tim-kiem/?q=bao+loc`);
    const shown = await settled(own, 'bao loc');
    expect(shown.slugs[0]).toBe('bao-loc-thu-hoach-che');
    await own.close();
  });

  it('labels every control, announces the count and lists results as links', async () => {
    await open({ q: 'duc trong' });
    await expect(page.getByRole('search').count()).resolves.toBe(1);
    for (const name of ['Chuyên mục', 'Tác giả', 'Năm', 'Sắp xếp']) {
      await expect(page.getByRole('combobox', { name }).count()).resolves.toBe(1);
    }
    const status = page.getByRole('status');
    await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
    // Not ky-niem-ngay-thong-nhat, by "Minh Đức", "long trọng": the words apart.
    await expect(status.textContent()).resolves.toBe('Tìm thấy 2 kết quả cho “duc trong”.');
    const list = page.getByRole('list', { name: 'Kết quả tìm kiếm' });
    await expect(list.getByRole('listitem').count()).resolves.toBe(2);
    await expect(list.getByRole('link', { name: 'Đức Trọng mở rộng đường liên xã' }).count()).resolves.toBe(1);
  });

  it('moves from the search box through the controls to the results with Tab', async () => {
    await open({ q: 'bao loc' });
    await page.getByRole('searchbox', { name: 'Từ khóa' }).focus();
    const order: string[] = [];
    for (let press = 0; press < 7; press++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || ''));
    }
    expect(order).toEqual([
      'Tìm',
      'Lọc và sắp xếp',
      'search-category',
      'search-author',
      'search-year',
      'search-sort',
      'Bảo Lộc vào vụ thu hoạch chè xuân',
    ]);
  });
});

describe('security', () => {
  it('searches in Pagefind’s worker with no Content-Security-Policy violation', async () => {
    const own = await browser.newPage();
    const problems: string[] = [];
    own.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    own.on('pageerror', (error) => problems.push(error.message));
    const shown = await open({ q: 'da lat' }, own);
    expect(shown.slugs.length).toBeGreaterThan(0);
    await own.getByRole('searchbox', { name: 'Từ khóa' }).fill('bao loc');
    await settled(own, 'bao loc');
    expect(own.workers().map((worker) => new URL(worker.url()).pathname)).toContain(
      '/pagefind/2024-04/pagefind-worker.js',
    );
    const csp = await own.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
    expect(problems).toEqual([]);
    await own.close();
  });
});

describe('downloads', () => {
  it('fetch Pagefind’s WebAssembly once, from the newest bundle: the older bundles ship a 13-byte placeholder', async () => {
    const own = await browser.newPage();
    const fetched: Promise<[string, string]>[] = [];
    own.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (!/\/wasm\.[\w-]+\.pagefind$/.test(pathname)) return;
      const size = (bytes: Buffer) => (bytes.length > 30_000 ? 'Pagefind' : bytes.toString());
      fetched.push(response.body().then((bytes): [string, string] => [pathname, size(bytes)]));
    });
    // Two words: every bundle is searched, for the every-word rule.
    expect((await open({ q: 'dân tộc' }, own)).slugs).toEqual(['lien-hoan-cong-chieng']);
    expect((await Promise.all(fetched)).sort()).toEqual([
      ['/pagefind/2021-03_2022-08/wasm.unknown.pagefind', 'pagefind_dcd\0'],
      ['/pagefind/2022-09_2023-11/wasm.unknown.pagefind', 'pagefind_dcd\0'],
      ['/pagefind/2024-01/wasm.unknown.pagefind', 'pagefind_dcd\0'],
      ['/pagefind/2024-04/wasm.unknown.pagefind', 'Pagefind'],
    ]);
    await own.close();
  });
});

describe('only article text is indexed', () => {
  const read = (slug: string) => builtFixture('search').read(`bai-viet/${slug}/index.html`);
  const article = () => read('cho-phien-cuoi-tuan');

  it.each([
    ['rss', 'cho-phien-cuoi-tuan', 'Theo dõi qua RSS', 'the footer'],
    ['pháp', 'cho-phien-cuoi-tuan', 'Pháp luật', 'the navigation'],
    ['facebook', 'cho-phien-cuoi-tuan', 'Facebook', 'the share links'],
    ['zalo', 'cho-phien-cuoi-tuan', 'Zalo', 'the share links'],
    ['chia sẻ', 'cho-phien-cuoi-tuan', 'Chia sẻ bài viết', 'the share heading'],
    ['jpg', 'thuy-dien-tich-nuoc', '.jpg', 'the image URL'],
    ['avif', 'thuy-dien-tich-nuoc', '.avif', 'the image URL'],
    ['phẳng', 'thuy-dien-tich-nuoc', 'alt="Mặt hồ phẳng lặng"', 'the image’s alt text'],
  ])('"%s" (in %s only as %j, %s) finds nothing', async (query, slug, text) => {
    expect(read(slug)).toContain(text);
    expect((await open({ q: query })).slugs).toEqual([]);
  });

  it('the image caption is article text', async () => {
    const shown = await open({ q: 'hồ chứa' });
    expect(result(shown, 'thuy-dien-tich-nuoc').excerpt).toContain('<mark>Hồ chứa</mark> nước mùa khô');
  });

  it('a title shown in other articles’ related lists finds only its own article', async () => {
    expect(article()).toContain('Liên hoan cồng chiêng các dân tộc');
    expect((await open({ q: 'dân tộc' })).slugs).toEqual(['lien-hoan-cong-chieng']);
  });

  it('tags are not indexed', async () => {
    const tagged = builtFixture('search').read('bai-viet/da-lat-mua-hoa-da-quy/index.html');
    expect(tagged).toContain('>Langbiang</a>');
    expect((await open({ q: 'langbiang' })).slugs).not.toContain('da-lat-mua-hoa-da-quy');
  });
});
