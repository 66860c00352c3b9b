/**
 * RSS items for the site feed and each category feed, newest first, capped so feeds stay
 * small whatever the archive's size.
 */
import type { Article } from './archive.ts';

/** Items per feed: enough for readers who check daily at 40 articles a day. */
export const FEED_LIMIT = 50;

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description?: string | undefined;
  author?: string | undefined;
  categories: string[];
}

/**
 * @example
 * feedItems(archive.articles).length; // at most 50
 */
export function feedItems(articles: readonly Article[], limit = FEED_LIMIT): FeedItem[] {
  return articles.slice(0, limit).map((article) => ({
    title: article.title,
    link: article.url,
    pubDate: article.date,
    description: article.summary,
    author: article.authors.map((author) => author.name).join(', '),
    categories: [article.category.name, ...article.tags.map((tag) => tag.name)],
  }));
}
