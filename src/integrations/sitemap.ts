/**
 * The sitemap: `sitemap-index.xml` and `sitemap-0.xml`, `sitemap-1.xml`, … of up to 50,000
 * pages each, listing every page the build wrote but the error pages (`src/lib/sitemap.ts`),
 * written at `astro:build:done` with the `sitemap` library. The Google News sitemap of the
 * last two days is a page of its own (`src/pages/sitemap-news.xml.ts`).
 */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SitemapAndIndexStream, SitemapStream } from 'sitemap';
import { sitemapUrls } from '../lib/sitemap.ts';

/** The most URLs a sitemap file may hold (sitemaps.org). */
const URLS_PER_FILE = 50_000;

/**
 * Writes the sitemap of `urls` into `dir`: `sitemap-index.xml` pointing at `sitemap-<n>.xml`
 * files of `urlsPerFile` URLs each.
 *
 * @example
 * await writeSitemap('dist', ['https://x.vn/'], 'https://x.vn/'); // dist/sitemap-index.xml, dist/sitemap-0.xml
 */
export async function writeSitemap(
  dir: string,
  urls: readonly string[],
  siteUrl: string,
  urlsPerFile = URLS_PER_FILE,
): Promise<void> {
  const files = new SitemapAndIndexStream({
    limit: urlsPerFile,
    getSitemapStream: (index) => {
      const name = `sitemap-${index}.xml`;
      const sitemap = new SitemapStream({
        hostname: siteUrl,
        xmlns: { news: false, video: false, image: false, xhtml: false },
      });
      return [{ url: new URL(name, siteUrl).href }, sitemap, sitemap.pipe(createWriteStream(path.join(dir, name)))];
    },
  });
  await pipeline(
    Readable.from(urls.map((url) => ({ url }))),
    files,
    createWriteStream(path.join(dir, 'sitemap-index.xml')),
  );
}

/**
 * Astro integration: writes the sitemap once the site is built. A site without a `url` gets
 * none (there is no address to list).
 *
 * @example
 * integrations: [sitemap(), archivePostbuild(), searchIndex()];
 */
export function sitemap(): AstroIntegration {
  let siteUrl: string | undefined;
  return {
    name: 'news-archive-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteUrl = config.site && new URL(config.base, config.site).href;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (!siteUrl) return logger.warn('Không có địa chỉ trang (url trong content/site.yaml): bỏ qua sitemap.');
        const urls = sitemapUrls(
          pages.map((page) => page.pathname),
          siteUrl,
        );
        await writeSitemap(fileURLToPath(dir), urls, siteUrl);
        logger.info(`sitemap-index.xml: ${urls.length} trang`);
      },
    },
  };
}
