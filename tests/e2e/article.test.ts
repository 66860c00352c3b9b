import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveFixture, type ServedSite } from './harness.ts';

/** Collects every Content-Security-Policy refusal on the page, as Chromium reports it. */
async function watchPolicy(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Content-Security-Policy ${event.violatedDirective}: ${event.blockedURI}`),
    );
  });
  return violations;
}

const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveFixture('basic');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('article page in a browser', () => {
  it("asks nothing of the video's host until the reader presses play, then plays it in place", async () => {
    const page = await browser.newPage();
    const thirdParty: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(site.url)) thirdParty.push(request.url());
    });
    // The player's host is answered here, so the test needs no network.
    await page.route('https://www.youtube-nocookie.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<p>trình phát</p>' }),
    );
    await page.goto(`${site.url}/bai-viet/thoi-su-so-4/`);
    await page.waitForLoadState('networkidle');
    expect(thirdParty).toEqual([]);
    await expect(page.locator('iframe').count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Phát video: Thời sự số 4' }).click();
    await expect
      .poll(() => page.locator('.video-poster iframe').getAttribute('src'))
      .toBe('https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1');
    await expect.poll(() => thirdParty).toEqual(['https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1']);
    await page.close();
  });

  it('prints the article with its address, without the page around it', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/bai-viet/da-lat-don-khach/`);
    await expect(page.locator('.print-url').isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-url').textContent()).resolves.toBe(
      'https://thu-nghiem.example/bai-viet/da-lat-don-khach/',
    );
    await expect(page.locator('.print-url').isVisible()).resolves.toBe(true);
    await expect(page.locator('.site-footer').isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('keeps the footer at the bottom of the window on a short page, and offers dark colours', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${site.url}/404.html`);
    const footer = await page.locator('.site-footer').boundingBox();
    expect(footer!.y + footer!.height).toBeGreaterThanOrEqual(899);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect(background()).resolves.toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(background()).resolves.toBe('rgb(21, 24, 28)');
    await page.close();
  });

  it('shows the dateline and copies the link with no CSP violation', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${site.url}/bai-viet/da-lat-don-khach/`);
    await expect(page.locator('.dateline time').first().textContent()).resolves.toBe('Thứ bảy, 01/06/2024 - 06:30');
    await expect(page.locator('.dateline').first().innerText()).resolves.toBe(
      'Thứ bảy, 01/06/2024 - 06:30 · 1 phút đọc',
    );
    await page.getByRole('button', { name: 'Sao chép liên kết' }).click();
    // The status is set once the clipboard write resolves, after the click has returned.
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Đã sao chép liên kết');
    // The reader sees it: shown, in a size that reads, right by the button.
    const status = await page.getByRole('status').boundingBox();
    const button = await page.getByRole('button', { name: 'Sao chép liên kết' }).boundingBox();
    expect(status!.height).toBeGreaterThan(14);
    expect(Math.abs(status!.y - (button!.y + button!.height))).toBeLessThan(60);
    await expect(page.getByRole('status').isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      'https://thu-nghiem.example/bai-viet/da-lat-don-khach/',
    );
    expect(violations).toEqual([]);
    await context.close();
  });

  it('copies the link beside body markup named after what the page script uses, and follows in-page links', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const violations = await watchPolicy(page);
    await page.goto(`${site.url}/bai-viet/noi-dung-nguy-hiem/`);
    // The body holds <img name="querySelectorAll">, <form id="querySelectorAll">, <a id="navigator">…
    await expect(page.locator('.article__body img[name$="querySelectorAll"]').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Sao chép liên kết' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Đã sao chép liên kết');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      'https://thu-nghiem.example/bai-viet/noi-dung-nguy-hiem/',
    );
    await page.getByRole('link', { name: 'chú thích cuối bài' }).click();
    await expect
      .poll(() => page.evaluate(() => document.querySelector(':target')?.textContent))
      .toBe('Chú thích: nội dung thử nghiệm.');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('shows a body image from an https:// address, which the page policy allows', async () => {
    const page = await browser.newPage();
    const violations = await watchPolicy(page);
    // This closed network reaches no other host: the image's host answers from here.
    await page.route('https://anh.thu-nghiem.example/**', (route) =>
      route.fulfill({ contentType: 'image/png', body: Buffer.from(ONE_PIXEL_PNG, 'base64') }),
    );
    await page.goto(`${site.url}/bai-viet/thoi-su-so-5/`);
    const image = page.getByRole('img', { name: 'Chợ Bảo Lộc sáng sớm' });
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(1);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('sends a redirect page on to the new URL, under its own policy', async () => {
    const page = await browser.newPage();
    const violations = await watchPolicy(page);
    await page.route('https://thu-nghiem.example/**', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<title>Bài mới</title>' }),
    );
    const html = await (await fetch(`${site.url}/tin/da-lat-don-khach/`)).text();
    expect(html).toContain(
      `<meta http-equiv="content-security-policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">`,
    );
    await page.goto(`${site.url}/tin/da-lat-don-khach/`);
    await page.waitForURL('https://thu-nghiem.example/bai-viet/da-lat-don-khach/');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('serves the Vietnamese 404 page for unknown URLs', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${site.url}/khong-co-trang-nay/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Không tìm thấy trang');
    await page.close();
  });
});
