/**
 * Every kind of page of the `basic` fixture, served with the headers of public/_headers as
 * Cloudflare Pages or Netlify would send them, in Debian's Chromium: the header policy and
 * each page's own <meta> policy together must not block anything the page needs.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedInBrowser } from './harness.ts';

const PAGES = [
  '/',
  '/bai-viet/da-lat-don-khach/',
  '/bai-viet/noi-dung-nguy-hiem/',
  '/chuyen-muc/thoi-su/',
  '/chuyen-muc/thoi-su/trang/1/',
  '/tac-gia/lo-thanh/',
  '/the/bao-loc/',
  '/luu-tru/',
  '/luu-tru/2023/05/',
  '/tim-kiem/?q=da+lat',
  '/tin/da-lat-don-khach/',
  '/khong-co-trang-nay/',
];

const session = servedInBrowser('basic', {
  serve: { headers: true },
  context: { permissions: ['clipboard-read', 'clipboard-write'] },
});

/** Opens a page and collects what Chromium reports: CSP refusals, errors, failed requests. */
async function visit(url: string): Promise<{ page: Page; problems: string[]; headers: Record<string, string> }> {
  const page = await session.context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content.Security.Policy|Refused to/i.test(message.text())) {
      // The 404 page's own status is logged as a failed resource; it is expected.
      if (!/status of 404/.test(message.text())) problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Other hosts (YouTube embeds, the public URL redirect pages point to) are out of reach on
  // this closed network; only the site's own requests must succeed.
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(session.site.url))
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  // Violations are also reported as events in the page, for scripts that never log.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Refused to load (CSP ${event.violatedDirective}): ${event.blockedURI}`),
    );
  });
  const response = await page.goto(`${session.site.url}${url}`, { waitUntil: 'load' });
  if (url.startsWith('/tim-kiem/')) {
    await page.waitForFunction(() => {
      const root = document.querySelector('[data-search]');
      return root && !root.hasAttribute('aria-busy') && document.querySelector('[data-search-status]')?.textContent;
    });
  }
  return { page, problems, headers: (await response?.allHeaders()) ?? {} };
}

describe('pages under the CDN headers of public/_headers', () => {
  it.each(PAGES)('%s works with no CSP violation', async (url) => {
    const { page, problems, headers } = await visit(url);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the copy-link button working', async () => {
    const { page, problems } = await visit('/bai-viet/da-lat-don-khach/');
    await page.getByRole('button', { name: 'Sao chép liên kết' }).click();
    // The label changes once the clipboard write has resolved.
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('Đã sao chép liên kết');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      'https://thu-nghiem.example/bai-viet/da-lat-don-khach/',
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds articles on the search page (WebAssembly and its worker allowed)', async () => {
    const { page, problems } = await visit('/tim-kiem/?q=%C4%91%C3%A0+l%E1%BA%A1t');
    const found = await page
      .locator('.search-result a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(found).toContain('/bai-viet/da-lat-don-khach/');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('does block what the policy forbids (the check is live)', async () => {
    const { page } = await visit('/bai-viet/da-lat-don-khach/');
    const blocked = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), {
            once: true,
          });
          const script = document.createElement('script');
          script.textContent = 'window.injected = true';
          document.body.append(script);
          setTimeout(() => resolve('không bị chặn'), 2000);
        }),
    );
    expect(blocked).toBe('script-src-elem');
    await page.close();
  });
});
