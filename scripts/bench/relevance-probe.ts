/**
 * The relevance benchmark in the browser: serves a built synthetic archive on loopback, asks
 * each query of `relevance.ts` on the search page in Debian's Chromium, reads every result
 * (pressing "Xem thêm kết quả" until none is left) and scores them against the articles that
 * hold the planted phrase, read from the generated Markdown.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../lib/chromium.ts';
import { serveDirectory } from '../lib/static-server.ts';
import { holdsPhrase, indexedText, PLANTED, RELEVANCE_QUERIES, scoreQuery, type QueryScore } from './relevance.ts';

/** Each planted phrase's articles (by slug), read from the site's `content/articles/`. */
async function relevantArticles(root: string): Promise<Set<string>[]> {
  const relevant = PLANTED.map(() => new Set<string>());
  const folder = path.join(root, 'content/articles');
  for (const year of await readdir(folder)) {
    for (const file of await readdir(path.join(folder, year))) {
      if (!file.endsWith('.md')) continue;
      const text = indexedText(await readFile(path.join(folder, year, file), 'utf8'));
      PLANTED.forEach((planted, index) => {
        if (holdsPhrase(text, planted.spellings[0]!)) relevant[index]!.add(file.slice(0, -'.md'.length));
      });
    }
  }
  return relevant;
}

/**
 * Scores every benchmark query on the site built at `root/dist` from `root/content`.
 *
 * @example
 * const scores = await measureRelevance('.bench/site'); // [{ query: 'di linh', relevant: 12, shown: 12, precisionAt10: 1, recall: 1 }, …]
 */
export async function measureRelevance(root: string): Promise<QueryScore[]> {
  const relevant = await relevantArticles(root);
  const site = await serveDirectory(path.join(root, 'dist'), {});
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_FLAGS] });
  try {
    const page = await browser.newPage();
    const scores: QueryScore[] = [];
    for (const { query, phrase } of RELEVANCE_QUERIES) {
      await page.goto(`${site.url}/tim-kiem/?${new URLSearchParams({ q: query }).toString()}`);
      const settled = () =>
        page.waitForFunction(() => {
          const root = document.querySelector('[data-search]');
          return root && !root.hasAttribute('aria-busy') && document.querySelector('[data-search-status]')?.textContent;
        });
      await settled();
      const more = page.locator('[data-search-more]');
      while (await more.isVisible()) {
        const count = await page.locator('.search-result').count();
        await more.click();
        await page.waitForFunction((before) => document.querySelectorAll('.search-result').length > before, count);
      }
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('.search-result a')].map((link) => link.getAttribute('href')!.split('/')[2]!),
      );
      scores.push(scoreQuery(query, shown, relevant[phrase]!));
    }
    return scores;
  } finally {
    await browser.close();
    await site.close();
  }
}
