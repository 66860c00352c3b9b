/**
 * The published archive as the pages see it: articles filtered (no drafts, nothing dated
 * after the build), sorted newest first, and indexed once by category, author, tag, year
 * and month, so no page ever scans or sorts the whole collection again.
 */
import { cacheKey } from './cache-key.ts';
import { formatDateline, vietnamParts } from './dates.ts';
import type { ArticleData, ArticleImage, AuthorProfile, Category, SiteSettings } from './schema.ts';
import { slugify } from './slug.ts';
import { articleUrl, authorUrl, tagUrl } from './urls.ts';

/** What the loader hands over for each article. */
export interface ArticleSource {
  file: string;
  data: ArticleData;
  /** Names the rendered body, read only by the article's own page (`src/data/article-html.ts`). */
  htmlKey: string;
  /** Changes whenever the image file does (size and time), so cached pages notice a replaced photo. */
  imageVersion?: string | undefined;
}

export interface Person {
  name: string;
  slug: string;
  url: string;
}

export interface Tag {
  name: string;
  slug: string;
  url: string;
}

export interface Article {
  file: string;
  slug: string;
  url: string;
  title: string;
  date: Date;
  updated?: Date | undefined;
  dateline: string;
  summary?: string | undefined;
  /** Digest of the source the body was rendered from; names the rendered body. */
  htmlKey: string;
  category: Category;
  authors: Person[];
  tags: Tag[];
  image?: ArticleImage | undefined;
  imageVersion?: string | undefined;
  source?: string | undefined;
  aliases: string[];
  year: number;
  /** Zero-padded month, `05`. */
  month: string;
}

export interface ArticleGroup<T> {
  key: string;
  info: T;
  /** Newest first. */
  articles: Article[];
}

export interface Archive {
  /**
   * Digest of what every page shows beside its own content (site settings, category menu):
   * the salt of every incremental-build cache key.
   */
  layoutKey: string;
  site: SiteSettings;
  categories: Category[];
  /** Published articles, newest first. */
  articles: Article[];
  bySlug: Map<string, Article>;
  byCategory: Map<string, ArticleGroup<Category>>;
  byAuthor: Map<string, ArticleGroup<Person & { bio: string }>>;
  byTag: Map<string, ArticleGroup<Tag>>;
  /** Key: `2022`. */
  byYear: Map<string, ArticleGroup<{ year: number }>>;
  /** Key: `2022/05`. */
  byMonth: Map<string, ArticleGroup<{ year: number; month: string }>>;
}

/** Drops empty slugs and later spellings of the same slug (`Lâm Đồng`, `lâm đồng`). */
function uniqueBySlug<T extends { slug: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => item.slug && !seen.has(item.slug) && seen.add(item.slug));
}

/** Newest first; equal dates fall back to the slug so order never depends on file order. */
export function compareNewestFirst(a: Article, b: Article): number {
  return b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug);
}

function group<T>(map: Map<string, ArticleGroup<T>>, key: string, info: () => T, article: Article) {
  let entry = map.get(key);
  if (!entry) {
    entry = { key, info: info(), articles: [] };
    map.set(key, entry);
  }
  entry.articles.push(article);
}

/**
 * What a list shows of an article: enough to key a list page's cache entry.
 *
 * @example
 * listEntryOf(article); // { url: '/bai-viet/a/', title: 'A', dateline: 'Thứ tư, …', … }
 */
export function listEntryOf(article: Article) {
  return {
    url: article.url,
    title: article.title,
    dateline: article.dateline,
    summary: article.summary,
    category: article.category.slug,
  };
}

/**
 * Cache key of an article page: the article itself, its image file's version, and what it
 * shows of its neighbours and related articles.
 *
 * @example
 * articlePageKey(archive, article, neighbours(archive, article), relatedArticles(archive, article));
 */
export function articlePageKey(
  archive: Pick<Archive, 'layoutKey'>,
  article: Article,
  around: { older: Article | undefined; newer: Article | undefined },
  related: readonly Article[],
): string {
  const { category, ...own } = article;
  return cacheKey(
    {
      own,
      category: category.slug,
      older: around.older && listEntryOf(around.older),
      newer: around.newer && listEntryOf(around.newer),
      related: related.map(listEntryOf),
    },
    archive.layoutKey,
  );
}

/**
 * Is the article public at `now`? Drafts never are; future-dated ones become public when a
 * later build passes their date.
 *
 * @example
 * isPublished({ draft: false, date: new Date('2022-05-10T23:49:00Z') }, new Date()); // true
 */
export function isPublished(data: Pick<ArticleData, 'draft' | 'date'>, now: Date): boolean {
  return !data.draft && data.date.getTime() <= now.getTime();
}

/**
 * Builds the archive from loaded articles. `now` is the build time (passed in, so tests and
 * reproducible builds can fix it).
 *
 * @example
 * const archive = createArchive({ sources, site, categories, authors: [], now: new Date() });
 * archive.byCategory.get('thoi-su')?.articles[0]; // newest article in Thời sự
 */
export function createArchive(input: {
  sources: readonly ArticleSource[];
  site: SiteSettings;
  categories: readonly Category[];
  authors: readonly AuthorProfile[];
  now: Date;
}): Archive {
  const categories = new Map(input.categories.map((category) => [category.slug, category]));
  const bios = new Map(input.authors.map((author) => [author.slug, author.bio]));
  const articles: Article[] = [];
  for (const { file, data, htmlKey, imageVersion } of input.sources) {
    if (!isPublished(data, input.now)) continue;
    const category = categories.get(data.category);
    if (!category) continue; // the loader has already refused unknown categories
    const parts = vietnamParts(data.date);
    articles.push({
      file,
      slug: data.slug,
      url: articleUrl(data.slug),
      title: data.title,
      date: data.date,
      updated: data.updated,
      dateline: formatDateline(data.date),
      summary: data.summary,
      htmlKey,
      category,
      authors: uniqueBySlug(data.authors.map((name) => ({ name, slug: slugify(name), url: authorUrl(slugify(name)) }))),
      tags: uniqueBySlug(data.tags.map((name) => ({ name, slug: slugify(name), url: tagUrl(slugify(name)) }))),
      image: data.image,
      imageVersion,
      source: data.source,
      aliases: data.aliases,
      year: parts.year,
      month: String(parts.month).padStart(2, '0'),
    });
  }
  articles.sort(compareNewestFirst);

  const archive: Archive = {
    layoutKey: cacheKey({ site: input.site, categories: input.categories }, 'layout'),
    site: input.site,
    categories: [...input.categories],
    articles,
    bySlug: new Map(),
    byCategory: new Map(
      input.categories.map((category) => [category.slug, { key: category.slug, info: category, articles: [] }]),
    ),
    byAuthor: new Map(),
    byTag: new Map(),
    byYear: new Map(),
    byMonth: new Map(),
  };
  for (const article of articles) {
    archive.bySlug.set(article.slug, article);
    group(archive.byCategory, article.category.slug, () => article.category, article);
    for (const author of article.authors) {
      group(archive.byAuthor, author.slug, () => ({ ...author, bio: bios.get(author.slug) ?? '' }), article);
    }
    for (const tag of article.tags) group(archive.byTag, tag.slug, () => tag, article);
    group(archive.byYear, String(article.year), () => ({ year: article.year }), article);
    group(
      archive.byMonth,
      `${article.year}/${article.month}`,
      () => ({ year: article.year, month: article.month }),
      article,
    );
  }
  return archive;
}

/** How many articles on each side of an article, in each tag's list, count as candidates. */
const RELATED_WINDOW = 50;

/**
 * Position of an article in a newest-first list, by binary search (-1 when absent).
 *
 * @example
 * positionIn(archive.articles, archive.articles[3]); // 3
 */
export function positionIn(list: readonly Article[], article: Article): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const order = compareNewestFirst(list[middle]!, article);
    if (order === 0) return list[middle] === article ? middle : -1;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * The articles just before and after one in its category (older and newer).
 *
 * @example
 * neighbours(archive, article); // { older: Article | undefined, newer: Article | undefined }
 */
export function neighbours(
  archive: Archive,
  article: Article,
): { older: Article | undefined; newer: Article | undefined } {
  const list = archive.byCategory.get(article.category.slug)?.articles ?? [];
  const index = positionIn(list, article);
  if (index < 0) return { newer: undefined, older: undefined };
  return { newer: list[index - 1], older: list[index + 1] };
}

/**
 * "Tin liên quan": articles sharing the most tags, then the same category, nearest in time
 * first. Looks only at the article's tag and category groups, never the whole archive.
 *
 * @example
 * relatedArticles(archive, article, 5).map((a) => a.title);
 */
export function relatedArticles(archive: Archive, article: Article, limit = 5): Article[] {
  const scores = new Map<Article, number>();
  // Only a window of each list around the article (nearest in time) is looked at, so the
  // cost per page stays constant however large a popular tag grows.
  const windowOf = (list: readonly Article[], width: number) => {
    const index = Math.max(0, positionIn(list, article));
    return list.slice(Math.max(0, index - width), index + width + 1);
  };
  for (const tag of article.tags) {
    for (const other of windowOf(archive.byTag.get(tag.slug)?.articles ?? [], RELATED_WINDOW)) {
      if (other !== article) scores.set(other, (scores.get(other) ?? 0) + 2);
    }
  }
  for (const other of windowOf(archive.byCategory.get(article.category.slug)?.articles ?? [], limit)) {
    if (other !== article) scores.set(other, (scores.get(other) ?? 0) + 1);
  }
  // The best `limit` candidates, kept in order as they come: a few hundred candidates per page,
  // so sorting them all was most of the work of listing every article page.
  const time = article.date.getTime();
  const best: { other: Article; score: number; distance: number }[] = [];
  for (const [other, score] of scores) {
    const candidate = { other, score, distance: Math.abs(other.date.getTime() - time) };
    let at = best.length;
    while (at > 0 && ranksBefore(candidate, best[at - 1]!)) at--;
    if (at >= limit) continue;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best.map(({ other }) => other);
}

/** More shared tags and category first, then nearer in time, then by slug. */
function ranksBefore(
  a: { other: Article; score: number; distance: number },
  b: { other: Article; score: number; distance: number },
): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.distance !== b.distance) return a.distance < b.distance;
  return a.other.slug.localeCompare(b.other.slug) < 0;
}
