import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArchive } from '../data/archive.ts';
import { feedItems } from '../lib/feeds.ts';

export const GET: APIRoute = async () => {
  const { site, articles } = await getArchive();
  return rss({
    title: site.name,
    description: site.description,
    site: site.url,
    items: feedItems(articles),
    customData: '<language>vi</language>',
    trailingSlash: true,
  });
};
