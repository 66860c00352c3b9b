/**
 * schema.org JSON-LD for articles and breadcrumbs. Dates carry Vietnam's `+07:00` offset.
 */
import type { ArticleVideo } from './video.ts';
import { toVietnamIso } from './dates.ts';
import { SHARE_PICTURE_URL, absoluteUrl } from './urls.ts';

export interface BreadcrumbItem {
  name: string;
  url: string;
}

/**
 * Serialises JSON for a `<script type="application/ld+json">` block: `<` is escaped so no
 * value from front matter can close the script element.
 *
 * @example
 * jsonForScript({ a: '</script>' }); // '{"a":"\\u003c/script>"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * `NewsArticle` for an article page.
 *
 * @example
 * newsArticleJsonLd({ title, url: '/bai-viet/a/', date, authors: ['Lô Thanh'], … }, site).datePublished;
 * // '2022-05-11T06:49:00+07:00'
 */
export function newsArticleJsonLd(
  article: {
    title: string;
    url: string;
    date: Date;
    updated?: Date | undefined;
    summary?: string | undefined;
    authors: readonly { name: string; url: string }[];
    section: string;
    imageUrl?: string | undefined;
    keywords: readonly string[];
    video?: ArticleVideo | undefined;
  },
  site: { name: string; url: string },
) {
  const image = absoluteUrl(article.imageUrl ?? SHARE_PICTURE_URL, site.url);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    mainEntityOfPage: absoluteUrl(article.url, site.url),
    url: absoluteUrl(article.url, site.url),
    datePublished: toVietnamIso(article.date),
    dateModified: toVietnamIso(article.updated ?? article.date),
    author: article.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: absoluteUrl(author.url, site.url),
    })),
    articleSection: article.section,
    keywords: article.keywords.length ? article.keywords.join(', ') : undefined,
    image: article.imageUrl ? [image] : undefined,
    video: article.video && {
      '@type': 'VideoObject',
      name: article.title,
      description: article.summary ?? article.title,
      thumbnailUrl: [image],
      uploadDate: toVietnamIso(article.date),
      embedUrl: article.video.embedUrl,
      url: article.video.url,
    },
    inLanguage: 'vi',
    publisher: { '@type': 'NewsMediaOrganization', name: site.name, url: site.url },
  };
}

/**
 * `BreadcrumbList` for the trail shown above a page's title.
 *
 * @example
 * breadcrumbJsonLd([{ name: 'Trang chủ', url: '/' }, { name: 'Thời sự', url: '/chuyen-muc/thoi-su/' }], site);
 */
export function breadcrumbJsonLd(items: readonly BreadcrumbItem[], site: { url: string }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: absoluteUrl(item.url, site.url),
    })),
  };
}
