import type { APIRoute } from 'astro';
import { getArchive } from '../data/archive.ts';
import { absoluteUrl } from '../lib/urls.ts';

export const GET: APIRoute = async () => {
  const { site } = await getArchive();
  const body = [
    'User-agent: *',
    'Allow: /',
    // Result pages (`/tim-kiem/?q=…`) stay out of crawlers; the search page itself may be indexed.
    'Disallow: /tim-kiem/?',
    '',
    `Sitemap: ${absoluteUrl('/sitemap-index.xml', site.url)}`,
    `Sitemap: ${absoluteUrl('/sitemap-news.xml', site.url)}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
