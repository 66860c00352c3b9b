import type { APIRoute } from 'astro';
import { buildTime, getArchive } from '../data/archive.ts';
import { newsSitemap } from '../lib/news-sitemap.ts';

export const GET: APIRoute = async () => {
  const { site, articles } = await getArchive();
  return new Response(await newsSitemap(articles, site, buildTime()), {
    headers: { 'Content-Type': 'application/xml' },
  });
};
