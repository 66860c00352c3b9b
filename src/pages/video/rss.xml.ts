import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArchive } from '../../data/archive.ts';
import { t } from '../../i18n/vi.ts';
import { feedItems } from '../../lib/feeds.ts';
import { absoluteUrl, videoUrl } from '../../lib/urls.ts';

export const GET: APIRoute = async () => {
  const { site, videos } = await getArchive();
  return rss({
    title: t('feed.title', { site: site.name, name: t('video.title') }),
    description: t('video.description', { site: site.name }),
    site: absoluteUrl(videoUrl(), site.url),
    items: feedItems(videos).map((item) => ({ ...item, link: absoluteUrl(item.link, site.url) })),
    customData: '<language>vi</language>',
    trailingSlash: true,
  });
};
