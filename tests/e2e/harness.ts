/**
 * Browser-test harness: serves a built fixture's `dist/` on loopback the way a static CDN
 * would (directory index, `404.html` for unknown paths, optionally `_headers`) and drives
 * Debian's Chromium through playwright-core. No browser is ever downloaded.
 */
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
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
