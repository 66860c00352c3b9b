/**
 * What a reader sees at a phone's width (390 px) and a laptop's (1366 px): the headline high on
 * the screen, nothing wider than the screen, a compact header that stays, the station's mark.
 */
import { describe, expect, it } from 'vitest';
import { servedInBrowser } from './harness.ts';

const session = servedInBrowser('basic');

const PAGES = [
  '/',
  '/bai-viet/da-lat-don-khach/',
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
});
