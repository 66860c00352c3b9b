/**
 * Browser-test harness: serves a built fixture's `dist/` on loopback the way a static CDN
 * would (directory index, `404.html` for unknown paths, optionally `_headers`) and drives
 * Debian's Chromium through playwright-core. No browser is ever downloaded.
 */
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath } from '../../scripts/lib/chromium.ts';
import { serveDirectory, type ServedSite, type ServeOptions } from '../../scripts/lib/static-server.ts';
import { fixturePath } from '../build/build-fixture.ts';

export type { ServedSite } from '../../scripts/lib/static-server.ts';

/**
 * Serves `tests/fixtures/<name>/dist` on 127.0.0.1 at a free port; with `{ headers: true }`
 * also sends the headers of its `_headers` file, as Cloudflare Pages or Netlify would.
 */
export function serveFixture(name: string, options: ServeOptions = {}): Promise<ServedSite> {
  return serveDirectory(path.join(fixturePath(name), 'dist'), options);
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
}

/** What {@link servedInBrowser} sets up; filled in by the suite's `beforeAll`. */
export interface BrowserSession {
  site: ServedSite;
  browser: Browser;
  context: BrowserContext;
  /** A page of `context`, for tests that share one. */
  page: Page;
}

/**
 * One served fixture and one Chromium context for a whole test file: registers the file's
 * `beforeAll` (`prepare`, if given, such as building the fixture; serve, launch, open the
 * context and a page) and `afterAll` (close both).
 *
 * @example
 * const session = servedInBrowser('basic', { serve: { headers: true }, context: { bypassCSP: true } });
 * it('…', async () => { const page = await session.context.newPage(); await page.goto(`${session.site.url}/`); });
 */
export function servedInBrowser(
  name: string,
  options: { serve?: ServeOptions; context?: BrowserContextOptions; prepare?: () => Promise<void> | void } = {},
): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    await options.prepare?.();
    session.site = await serveFixture(name, options.serve);
    session.browser = await launchBrowser();
    session.context = await session.browser.newContext(options.context);
    session.page = await session.context.newPage();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.site?.close();
  });
  return session;
}

/** What the search page shows once it has searched. */
export interface ShownResults {
  /** The count, or why there is nothing. */
  status: string;
  /** The "did you mean" paragraph's HTML, empty when there is none. */
  suggestion: string;
  /** Article slugs, in the order shown. */
  slugs: string[];
  titles: string[];
  metas: string[];
  excerpts: string[];
}

/**
 * Waits until the search page in `page` has finished searching (and, given `query`, shows the
 * status of that query), then reads what it shows.
 *
 * @example
 * await page.getByRole('searchbox').fill('Đức Trọng');
 * const { slugs } = await shownResults(page, 'Đức Trọng');
 */
export async function shownResults(page: Page, query?: string): Promise<ShownResults> {
  await page.waitForFunction((expected) => {
    const root = document.querySelector('[data-search]');
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    return root && !root.hasAttribute('aria-busy') && status !== '' && (!expected || status.includes(expected));
  }, query?.normalize('NFC'));
  return page.evaluate(() => {
    const items = [...document.querySelectorAll('.search-result')];
    return {
      status: document.querySelector('[data-search-status]')!.textContent!,
      suggestion: document.querySelector('[data-search-suggestion]')!.innerHTML,
      slugs: items.map((item) => item.querySelector('a')!.getAttribute('href')!.split('/')[2]!),
      titles: items.map((item) => item.querySelector('a')!.innerHTML),
      metas: items.map((item) => item.querySelector('.search-result__meta')!.textContent!),
      excerpts: items.map((item) => item.querySelector('.search-result__excerpt')!.innerHTML),
    };
  });
}

/**
 * Opens the search page of `site` in `page` with these URL parameters and reads its results.
 *
 * @example
 * const shown = await openSearch(session.page, session.site, { q: 'da lat', sort: 'moi-nhat' });
 */
export async function openSearch(
  page: Page,
  site: Pick<ServedSite, 'url'>,
  params: Record<string, string>,
): Promise<ShownResults> {
  const query = new URLSearchParams(params).toString();
  await page.goto(`${site.url}/tim-kiem/${query ? `?${query}` : ''}`);
  return shownResults(page);
}
