/**
 * What a reader sees at a phone's width (390 px) and a laptop's (1366 px): the headline high on
 * the screen, nothing wider than the screen, a compact header that stays, the station's mark,
 * the article's sidebar beside it where there is room, and something to read after a search
 * that found nothing.
 */
import { describe, expect, it } from 'vitest';
import { servedInBrowser } from './harness.ts';

const session = servedInBrowser('basic');

const PAGES = [
  '/',
  '/bai-viet/da-lat-don-khach/',
  '/bai-viet/thoi-su-so-3/',
  '/chuyen-muc/thoi-su/',
  '/tim-kiem/?q=%C4%90%C3%A0+L%E1%BA%A1t',
  '/404.html',
];

describe('on a phone, 390 px wide', () => {
  it('shows the article headline within the first 250 px, under a one-line trail', async () => {
    const page = await session.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${session.site.url}/bai-viet/da-lat-don-khach/`);
    const headline = await page.locator('h1').boundingBox();
    expect(headline!.y).toBeLessThan(250);
    const trail = await page.locator('.breadcrumbs ol').boundingBox();
    const link = await page.locator('.breadcrumbs li').first().boundingBox();
    expect(trail!.height).toBeLessThan(link!.height * 1.5);
    await page.close();
  });

  it('keeps a compact header on screen, with the logo, the short name and a search button', async () => {
    const page = await session.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${session.site.url}/bai-viet/da-lat-don-khach/`);
    await expect(page.locator('.site-name__logo').isVisible()).resolves.toBe(true);
    await expect(page.locator('.site-name').innerText()).resolves.toBe('Thử Nghiệm');
    await expect(page.locator('#site-search').isVisible()).resolves.toBe(false);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThan(110);
    await page.mouse.wheel(0, 1500);
    await expect.poll(async () => (await page.locator('.site-header').boundingBox())!.y).toBe(0);
    await page.getByRole('link', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/\/tim-kiem\/$/);
    await page.close();
  });

  it('folds the search filters, so the first result shows without scrolling; a filter in use keeps them open', async () => {
    const page = await session.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${session.site.url}/tim-kiem/?q=${encodeURIComponent('Đà Lạt')}`);
    const first = page.locator('[data-search-results] li').first();
    await first.waitFor();
    expect((await first.boundingBox())!.y).toBeLessThan(844 - 40);
    await expect(page.locator('[data-search-filters]').getAttribute('open')).resolves.toBeNull();
    await page.locator('[data-search-filters] summary').click();
    await expect(page.locator('#search-category').isVisible()).resolves.toBe(true);
    await page.goto(`${session.site.url}/tim-kiem/?q=${encodeURIComponent('Đà Lạt')}&sort=moi-nhat`);
    await expect(page.locator('[data-search-filters]').getAttribute('open')).resolves.toBe('');
    await page.close();
  });

  it('scrolls the category bar sideways instead of wrapping it', async () => {
    const page = await session.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${session.site.url}/`);
    const items = await page
      .locator('.site-nav li')
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().top));
    expect(new Set(items).size).toBe(1);
    await page.close();
  });

  it('puts the sidebar after the article and its related news', async () => {
    const page = await session.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${session.site.url}/bai-viet/thoi-su-so-3/`);
    await page.locator('.sidebar__slot li').first().waitFor();
    const related = await page.locator('.related').boundingBox();
    const aside = await page.getByRole('complementary', { name: 'Tin khác' }).boundingBox();
    expect(aside!.y).toBeGreaterThanOrEqual(related!.y + related!.height);
    expect(aside!.width).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('offers the latest news after a search that finds nothing, and none beside results', async () => {
    const page = await session.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${session.site.url}/tim-kiem/?q=xyzzyqwv`);
    await expect
      .poll(() => page.locator('[data-search-status]').textContent())
      .toBe('Không tìm thấy kết quả nào cho “xyzzyqwv”.');
    // The status is written before the suggestion is looked up; the search ends when aria-busy goes.
    await page.locator('.search-page:not([aria-busy])').waitFor();
    const latest = page.getByRole('region', { name: 'Tin mới nhất' });
    await expect(latest.isVisible()).resolves.toBe(true);
    const links = latest.locator('h3 a');
    await expect(links.count()).resolves.toBe(5);
    await expect(links.first().getAttribute('href')).resolves.toBe('/bai-viet/da-lat-don-khach/');
    await page.goto(`${session.site.url}/tim-kiem/?q=${encodeURIComponent('Đà Lạt')}`);
    await page.locator('[data-search-results] li').first().waitFor();
    await expect(page.locator('[data-search-latest]').isVisible()).resolves.toBe(false);
    await page.close();
  });
});

describe.each([
  [390, 844],
  [1366, 900],
])('at %i px', (width, height) => {
  it('never scrolls sideways', async () => {
    const page = await session.browser.newPage({ viewport: { width, height } });
    for (const url of PAGES) {
      await page.goto(`${session.site.url}${url}`);
      await expect(
        page.evaluate(() => document.documentElement.scrollWidth),
        url,
      ).resolves.toBeLessThanOrEqual(width);
    }
    await page.close();
  });
});

describe('on a laptop, 1366 px wide', () => {
  it('keeps the search filters open', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${session.site.url}/tim-kiem/`);
    await expect(page.locator('[data-search-filters]').getAttribute('open')).resolves.toBe('');
    await expect(page.locator('#search-category').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('puts the sidebar beside the article body, its lists linking other articles, and moves nothing as it fills', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${session.site.url}/bai-viet/thoi-su-so-3/`);
    const aside = page.getByRole('complementary', { name: 'Tin khác' });
    await aside.locator('.sidebar__slot li').first().waitFor();
    const body = (await page.locator('.article').boundingBox())!;
    const sidebar = (await aside.boundingBox())!;
    expect(sidebar.x).toBeGreaterThanOrEqual(body.x + body.width);
    expect(sidebar.x + sidebar.width).toBeLessThanOrEqual(1366);
    expect(Math.abs(sidebar.y - body.y)).toBeLessThan(60);
    // Under the article, the sharing, previous/next and related lists are as wide as its text.
    for (const selector of ['.share', '.prev-next', '.related .article-list']) {
      expect((await page.locator(selector).boundingBox())!.width, selector).toBe(body.width);
    }
    await expect(aside.getByRole('link', { name: 'Cùng chuyên mục Thời sự' }).getAttribute('href')).resolves.toBe(
      '/chuyen-muc/thoi-su/',
    );
    const links = await aside.locator('li a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    // One of the same category, then the five newest but this page itself.
    expect(links).toEqual([
      '/bai-viet/noi-dung-nguy-hiem/',
      '/bai-viet/da-lat-don-khach/',
      '/bai-viet/noi-dung-nguy-hiem/',
      '/bai-viet/thoi-su-so-6/',
      '/bai-viet/thoi-su-so-5/',
      '/bai-viet/thoi-su-so-4/',
    ]);
    await expect(aside.getByRole('link', { name: 'Video: Thời sự số 4' }).isVisible()).resolves.toBe(true);
    const shifted = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((entries) => {
            for (const entry of entries.getEntries()) total += (entry as unknown as { value: number }).value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 200);
        }),
    );
    expect(shifted).toBeLessThan(0.01);
    await page.close();
  });
});
