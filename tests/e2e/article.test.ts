import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveFixture, type ServedSite } from './harness.ts';

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
  it('shows the dateline and copies the link with no CSP violation', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${site.url}/bai-viet/da-lat-don-khach/`);
    await expect(page.locator('.dateline time').first().textContent()).resolves.toBe('Thứ bảy, 01/06/2024 - 06:30');
    await page.getByRole('button', { name: 'Sao chép liên kết' }).click();
    // The status is set once the clipboard write resolves, after the click has returned.
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Đã sao chép liên kết');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      'https://thu-nghiem.example/bai-viet/da-lat-don-khach/',
    );
    expect(violations).toEqual([]);
    await context.close();
  });

  it('serves the Vietnamese 404 page for unknown URLs', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${site.url}/khong-co-trang-nay/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Không tìm thấy trang');
    await page.close();
  });
});
