/**
 * The Google News sitemap: articles published in the two days before the build.
 */
import { toVietnamIso } from './dates.ts';
import { absoluteUrl } from './urls.ts';
import { escapeXml } from './xml.ts';

const TWO_DAYS_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * @example
 * newsSitemap([{ title: 'Đà Lạt', url: '/bai-viet/da-lat/', date }], { name: 'LTV', url: 'https://x.vn' }, now);
 * // '<?xml …><urlset …><url><loc>https://x.vn/bai-viet/da-lat/</loc><news:news>…'
 */
export function newsSitemap(
  articles: readonly { title: string; url: string; date: Date }[],
  site: { name: string; url: string },
  now: Date,
): string {
  const recent = articles.filter(
    (article) => article.date.getTime() <= now.getTime() && now.getTime() - article.date.getTime() <= TWO_DAYS_MS,
  );
  const urls = recent.map(
    (article) =>
      `<url><loc>${escapeXml(absoluteUrl(article.url, site.url))}</loc><news:news><news:publication><news:name>${escapeXml(site.name)}</news:name><news:language>vi</news:language></news:publication><news:publication_date>${toVietnamIso(article.date)}</news:publication_date><news:title>${escapeXml(article.title)}</news:title></news:news></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
