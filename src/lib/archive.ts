/**
 * The published archive as the pages see it: articles filtered (no drafts, nothing dated
 * after the build), sorted newest first, and indexed once by category, author, tag, year
 * and month, so no page ever scans or sorts the whole collection again.
 */
import { cacheKey } from './cache-key.ts';
import { formatDateline, vietnamParts } from './dates.ts';
import type { PictureFacts } from './pictures.ts';
import { relatedIndexOf, type RelatedIndex } from './related.ts';
import type { ArticleVideo } from './video.ts';
import {
  DEFAULT_LOGO,
  type ArticleData,
  type ArticleImage,
  type AuthorProfile,
  type Category,
  type SiteSettings,
} from './schema.ts';
import { slugify } from './slug.ts';
import { articleUrl, authorUrl, tagUrl } from './urls.ts';

/** What the loader hands over for each article. */
export interface ArticleSource {
  file: string;
  data: ArticleData;
  /** Names the rendered body, read only by the article's own page (`src/data/article-html.ts`). */
  htmlKey: string;
  /** The lead picture's file, as catalogued; its digest changes when the photo is replaced. */
  picture?: PictureFacts | undefined;
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
  /** The lead picture's file (size, digest); present exactly when `image` is. */
  picture?: PictureFacts | undefined;
  source?: string | undefined;
  aliases: string[];
  /** A YouTube or Facebook video, the page's lead media. */
  video?: ArticleVideo | undefined;
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
  /** The station's logo in `public/` (the site's setting or the default). */
  logo: string;
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
  /** Articles with a video, newest first (`/video/`). */
  videos: Article[];
  /** What `relatedArticles` reads, in compact form. */
  related: RelatedIndex;
}

/** Drops empty slugs and later spellings of the same slug (`Lâm Đồng`, `lâm đồng`). */
function uniqueBySlug<T extends { slug: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => item.slug && !seen.has(item.slug) && seen.add(item.slug));
}

/** A name with its slug and page URL, made once per name (the objects are shared, never changed). */
function memoizedLink(pageUrl: (slug: string) => string): (name: string) => Person {
  const links = new Map<string, Person>();
  return (name) => {
    let link = links.get(name);
    if (!link) {
      const slug = slugify(name);
      link = { name, slug, url: pageUrl(slug) };
      links.set(name, link);
    }
    return link;
  };
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
 * Names the version of an article that a page shows, for cache keys: its file (whose name is
 * the slug when the front matter gives none) and the digest of its source and the category
 * registry, which covers all a page shows of it (title, summary, date, category, authors,
 * tags, body), and its picture's digest, which lists show as a thumbnail. Short strings hash
 * far faster than the fields they stand for; the price is that an edit to an article's body
 * also renders again the few pages that merely list it.
 *
 * @example
 * articleVersion(article); // 'content/articles/2022/da-lat.md\0<digest>\0<picture digest>'
 */
export function articleVersion(article: Pick<Article, 'file' | 'htmlKey' | 'picture'>): string {
  return `${article.file}\0${article.htmlKey}\0${article.picture?.digest ?? ''}`;
}

/**
 * Cache key of an article page: the article, its picture's digest, its neighbours and
 * related articles. The site settings and category names come in through the archive's
 * `layoutKey`; code changes through Astro's own hash of the page's modules.
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
  const versions = [article, around.older, around.newer].map((each) => (each ? articleVersion(each) : ''));
  return cacheKey([...versions, article.picture?.digest ?? '', ...related.map(articleVersion)], archive.layoutKey);
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
  // The same few hundred names recur across the archive: each is slugged once.
  const authorLink = memoizedLink(authorUrl);
  const tagLink = memoizedLink(tagUrl);
  for (const { file, data, htmlKey, picture } of input.sources) {
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
      authors: uniqueBySlug(data.authors.map(authorLink)),
      tags: uniqueBySlug(data.tags.map(tagLink)),
      image: data.image,
      picture,
      source: data.source,
      aliases: data.aliases,
      video: data.video,
      year: parts.year,
      month: String(parts.month).padStart(2, '0'),
    });
  }
  articles.sort(compareNewestFirst);

  const archive: Archive = {
    // The menu links the video list once any article has a video.
    layoutKey: cacheKey(
      { site: input.site, categories: input.categories, videos: articles.some((article) => article.video) },
      'layout',
    ),
    site: input.site,
    logo: input.site.logo ?? DEFAULT_LOGO,
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
    videos: articles.filter((article) => article.video),
    related: relatedIndexOf(articles),
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
