import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../../data/archive.ts';
import { t } from '../../../i18n/vi.ts';
import { feedItems } from '../../../lib/feeds.ts';
import type { Article } from '../../../lib/archive.ts';
import type { Category } from '../../../lib/schema.ts';
import { absoluteUrl, categoryUrl } from '../../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const { byCategory } = await getArchive();
  return [...byCategory.values()].map((group) => ({
    params: { category: group.key },
    props: { category: group.info, articles: group.articles },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ category: Category; articles: Article[] }> = async ({ props }) => {
  const { site } = await getArchive();
  return rss({
    title: t('feed.title', { site: site.name, name: props.category.name }),
    description: props.category.description,
    site: absoluteUrl(categoryUrl(props.category.slug), site.url),
    items: feedItems(props.articles).map((item) => ({ ...item, link: absoluteUrl(item.link, site.url) })),
    customData: '<language>vi</language>',
    trailingSlash: true,
  });
};
