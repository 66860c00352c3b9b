/**
 * The sidebar beside an article: "Cùng chuyên mục", chosen from the article's place in its
 * category, and "Tin mới nhất", a small JSON file written once per build that the page fetches.
 * An article's own HTML therefore never changes when an article of another category is
 * published, so a rebuild re-renders (and a deploy re-uploads) only the pages that changed.
 */
import type { Archive, Article } from './archive.ts';
import { formatShortDate, toVietnamIso } from './dates.ts';
import { lowerBound } from './lower-bound.ts';

/** How many articles each list of the sidebar shows. */
export const SIDEBAR_SIZE = 5;

/**
 * The JSON file of the newest articles (`src/pages/bai-viet/moi-nhat.json.ts`): inside the
 * article folder, whose slugs never hold a dot, so no article can ever claim it.
 */
export const LATEST_NEWS_URL = '/bai-viet/moi-nhat.json';

/** One entry of the sidebar's lists, as the page shows it and the JSON file carries it. */
export interface SidebarEntry {
  title: string;
  url: string;
  /** ISO 8601 with Vietnam's offset, for `<time datetime>`. */
  datetime: string;
  /** `11/05/2022`. */
  date: string;
  video: boolean;
}

/**
 * An article as a sidebar entry.
 *
 * @example
 * sidebarEntry(article); // { title: 'Đà Lạt đón khách', url: '/bai-viet/da-lat-don-khach/', date: '01/06/2024', … }
 */
export function sidebarEntry(article: Article): SidebarEntry {
  return {
    title: article.title,
    url: article.url,
    datetime: toVietnamIso(article.date),
    date: formatShortDate(article.date),
    video: Boolean(article.video),
  };
}

/**
 * The newest articles for the JSON file: one more than a page shows, so a page that is itself
 * among them still lists {@link SIDEBAR_SIZE} others.
 *
 * @example
 * latestEntries(archive.articles).length; // 6 (or fewer in a smaller archive)
 */
export function latestEntries(articles: readonly Article[], limit = SIDEBAR_SIZE): SidebarEntry[] {
  return articles.slice(0, limit + 1).map(sidebarEntry);
}

/**
 * What an article page lists under "Tin mới nhất" from the JSON file: the newest entries but
 * the page's own, keeping only same-site paths (the file is data, never trusted as markup).
 *
 * @example
 * latestForPage(entries, '/bai-viet/a/'); // up to 5 entries, none of them /bai-viet/a/
 */
export function latestForPage(entries: unknown, currentPath: string, limit = SIDEBAR_SIZE): SidebarEntry[] {
  if (!Array.isArray(entries)) return [];
  return entries
    .filter(
      (entry): entry is SidebarEntry =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof entry.title === 'string' &&
        typeof entry.url === 'string' &&
        /^\/(?!\/)/.test(entry.url) &&
        typeof entry.datetime === 'string' &&
        typeof entry.date === 'string',
    )
    .filter((entry) => entry.url !== currentPath)
    .slice(0, limit);
}

/**
 * "Cùng chuyên mục": the articles of the same category published just before this one (just
 * after it, for the oldest few), skipping those the page already links to. Publishing an
 * article in another category never changes the list, nor does publishing a newer one in the
 * same category once the article has `limit` older ones. Reads the category's list around the
 * article only, so the cost per page stays the same however large the archive grows.
 *
 * @example
 * sameCategoryArticles(archive, article, [older, newer, ...related]).map((a) => a.title);
 */
export function sameCategoryArticles(
  archive: Pick<Archive, 'articles' | 'related'>,
  article: Article,
  linked: readonly (Article | undefined)[] = [],
  limit = SIDEBAR_SIZE,
): Article[] {
  const { position, byCategory } = archive.related;
  const self = position.get(article);
  const list = byCategory.get(article.category.slug);
  if (self === undefined || !list) return [];
  const skip = new Set<Article | undefined>([article, ...linked]);
  const at = lowerBound(list, self);
  const chosen: number[] = [];
  // Positions ascend from the newest: older articles follow the article's own position.
  for (let index = at + 1; index < list.length && chosen.length < limit; index++) {
    if (!skip.has(archive.articles[list[index]!])) chosen.push(list[index]!);
  }
  for (let index = at - 1; index >= 0 && chosen.length < limit; index--) {
    if (!skip.has(archive.articles[list[index]!])) chosen.push(list[index]!);
  }
  return chosen.sort((a, b) => a - b).map((at) => archive.articles[at]!);
}
