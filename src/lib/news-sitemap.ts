/**
 * The Google News sitemap: articles published in the two days before the build, written by the
 * `sitemap` library (which escapes the text and checks each news entry).
 */
import { Readable } from 'node:stream';
import { ErrorLevel, SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap';
import { toVietnamIso } from './dates.ts';
import { absoluteUrl } from './urls.ts';

const TWO_DAYS_MS = 2 * 24 * 60 * 60 * 1000;

const XMLNS = { news: true, video: false, image: false, xhtml: false };

/** The library writes no `<urlset>` without a URL in it; this is the same file with none. */
const EMPTY = `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"></urlset>`;

/**
 * @example
 * await newsSitemap([{ title: 'Đà Lạt', url: '/bai-viet/da-lat/', date }], { name: 'LTV', url: 'https://x.vn' }, now);
 * // '<?xml …><urlset …><url><loc>https://x.vn/bai-viet/da-lat/</loc><news:news>…'
 */
export async function newsSitemap(
  articles: readonly { title: string; url: string; date: Date }[],
  site: { name: string; url: string },
  now: Date,
): Promise<string> {
  const entries = articles
    .filter(
      (article) => article.date.getTime() <= now.getTime() && now.getTime() - article.date.getTime() <= TWO_DAYS_MS,
    )
    .map((article): SitemapItemLoose => ({
      url: absoluteUrl(article.url, site.url),
      news: {
        publication: { name: site.name, language: 'vi' },
        publication_date: toVietnamIso(article.date),
        title: article.title,
      },
    }));
  if (entries.length === 0) return EMPTY;
  const stream = new SitemapStream({ xmlns: XMLNS, level: ErrorLevel.THROW });
  return (await streamToPromise(Readable.from(entries).pipe(stream))).toString('utf8');
}
