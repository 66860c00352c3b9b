/**
 * `npm run screenshots [-- --dist DIR] [--out DIR]`: what a reader sees of the built site, as
 * pictures for the docs: the home page, an article and a search, on a laptop (1366×900) and a
 * phone (390×844), in Debian's Chromium. Build first (`npm run build`); the pictures are
 * written to `docs/screenshots/`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from './lib/chromium.ts';
import { serveDirectory } from './lib/static-server.ts';

const { values } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, out: { type: 'string', default: 'docs/screenshots' } },
});
const out = path.resolve(values.out);
mkdirSync(out, { recursive: true });

/** The article shown is the home page's lead story, so it always exists. */
const PAGES = [
  { name: 'trang-chu', url: '/' },
  { name: 'bai-viet', url: undefined },
  { name: 'tim-kiem', url: '/tim-kiem/?q=%C4%90%C3%A0+L%E1%BA%A1t' },
] as const;
const SCREENS = [
  { name: 'may-tinh', width: 1366, height: 900 },
  { name: 'dien-thoai', width: 390, height: 844 },
] as const;

const site = await serveDirectory(path.resolve(values.dist));
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_FLAGS] });
try {
  for (const screen of SCREENS) {
    const page = await browser.newPage({ viewport: { width: screen.width, height: screen.height } });
    for (const shot of PAGES) {
      let url: string | undefined = shot.url;
      if (url === undefined) {
        await page.goto(`${site.url}/`);
        url = (await page.locator('.story--lead a').first().getAttribute('href')) ?? '/';
      }
      await page.goto(`${site.url}${url}`, { waitUntil: 'networkidle' });
      if (shot.name === 'tim-kiem') {
        await page.waitForFunction(() => !document.querySelector('[data-search]')?.hasAttribute('aria-busy'));
      }
      const file = path.join(out, `${shot.name}-${screen.name}.png`);
      await page.screenshot({ path: file });
      console.log(path.relative(process.cwd(), file));
    }
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
