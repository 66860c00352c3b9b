/**
 * Browser-test harness: serves a built fixture's `dist/` on loopback the way a static CDN
 * would (directory index, `404.html` for unknown paths, optionally `_headers`) and drives
 * Debian's Chromium through playwright-core. No browser is ever downloaded.
 */
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
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
}

/**
 * One served fixture and one Chromium context for a whole test file: registers the file's
 * `beforeAll` (serve, launch, open the context) and `afterAll` (close both).
 *
 * @example
 * const session = servedInBrowser('basic', { serve: { headers: true }, context: { bypassCSP: true } });
 * it('…', async () => { const page = await session.context.newPage(); await page.goto(`${session.site.url}/`); });
 */
export function servedInBrowser(
  name: string,
  options: { serve?: ServeOptions; context?: BrowserContextOptions } = {},
): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    session.site = await serveFixture(name, options.serve);
    session.browser = await launchBrowser();
    session.context = await session.browser.newContext(options.context);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.site?.close();
  });
  return session;
}
