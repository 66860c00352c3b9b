import { describe, expect, it } from 'vitest';
import { articleSource } from './article-source.ts';
import { createArchive, type Archive, type ArticleSource } from '../../src/lib/archive.ts';
import { LATEST_NEWS_URL, latestEntries, latestForPage, sameCategoryArticles } from '../../src/lib/sidebar.ts';
import { slugify } from '../../src/lib/slug.ts';
import { claimKey, siteClaimOwner } from '../../src/lib/url-claims.ts';
import type { ArticleData, Category, SiteSettings } from '../../src/lib/schema.ts';

const SITE: SiteSettings = { name: 'LTV Lâm Đồng', url: 'https://lamdongtv.example', description: '', pageSize: 20 };
const CATEGORIES: Category[] = [
  { name: 'Thời sự', slug: 'thoi-su', description: '', order: 1 },
  { name: 'Du lịch', slug: 'du-lich', description: '', order: 2 },
];

function source(slug: string, day: number, data: Partial<ArticleData> = {}): ArticleSource {
  return articleSource(slug, new Date(Date.UTC(2024, 0, day, 1)), data);
}

const archiveOf = (sources: ArticleSource[]): Archive =>
  createArchive({ sources, site: SITE, categories: CATEGORIES, authors: [], now: new Date('2024-06-01T00:00:00Z') });

/** Ten Thời sự articles, ts-1 (1 January) to ts-10 (10 January), and three in Du lịch between them. */
const SOURCES = [
  ...Array.from({ length: 10 }, (_, index) => source(`ts-${index + 1}`, index + 1)),
  ...[2, 5, 8].map((day) => source(`dl-${day}`, day, { category: 'du-lich' })),
];

const slugsOf = (articles: readonly { slug: string }[]) => articles.map((article) => article.slug);
const sameCategory = (archive: Archive, slug: string, linked: string[] = []) =>
  slugsOf(
    sameCategoryArticles(
      archive,
      archive.bySlug.get(slug)!,
      linked.map((each) => archive.bySlug.get(each)),
    ),
  );

describe('sameCategoryArticles', () => {
  it('lists the same category published just before the article, newest first', () => {
    expect(sameCategory(archiveOf(SOURCES), 'ts-8')).toEqual(['ts-7', 'ts-6', 'ts-5', 'ts-4', 'ts-3']);
  });

  it('skips what the page already links to', () => {
    expect(sameCategory(archiveOf(SOURCES), 'ts-8', ['ts-7', 'ts-9', 'ts-5'])).toEqual([
      'ts-6',
      'ts-4',
      'ts-3',
      'ts-2',
      'ts-1',
    ]);
  });

  it('fills up with the nearest newer ones when the article is among the oldest', () => {
    expect(sameCategory(archiveOf(SOURCES), 'ts-2')).toEqual(['ts-6', 'ts-5', 'ts-4', 'ts-3', 'ts-1']);
    expect(sameCategory(archiveOf(SOURCES.slice(0, 1)), 'ts-1')).toEqual([]);
  });

  it('stays the same when an article is published in another category, or a newer one in its own', () => {
    const before = sameCategory(archiveOf(SOURCES), 'ts-8');
    expect(sameCategory(archiveOf([...SOURCES, source('dl-20', 20, { category: 'du-lich' })]), 'ts-8')).toEqual(before);
    expect(sameCategory(archiveOf([...SOURCES, source('ts-20', 20)]), 'ts-8')).toEqual(before);
  });
});

describe('latestEntries and latestForPage', () => {
  const archive = archiveOf([
    ...SOURCES.slice(0, 3),
    source('video', 4, {
      video: {
        provider: 'youtube',
        embedUrl: 'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE',
        url: 'https://youtu.be/M7lc1UVf-VE',
      },
    }),
  ]);

  it('writes the newest articles with what the sidebar shows of them', () => {
    expect(latestEntries(archive.articles, 2)).toEqual([
      {
        title: 'Bài video',
        url: '/bai-viet/video/',
        datetime: '2024-01-04T08:00:00+07:00',
        date: '04/01/2024',
        video: true,
      },
      expect.objectContaining({ url: '/bai-viet/ts-3/', video: false }),
      expect.objectContaining({ url: '/bai-viet/ts-2/' }),
    ]);
  });

  it("lists them on a page without the page's own, and nothing that is not a same-site entry", () => {
    const entries = latestEntries(archive.articles, 2);
    expect(latestForPage(entries, '/bai-viet/ts-3/', 2).map((entry) => entry.url)).toEqual([
      '/bai-viet/video/',
      '/bai-viet/ts-2/',
    ]);
    const hostile = [
      { ...entries[0], url: '//example.com/' },
      { ...entries[1], url: 'javascript:alert(1)' },
      { ...entries[2], title: 3 },
      null,
      entries[2],
    ];
    expect(latestForPage(hostile, '/').map((entry) => entry.url)).toEqual(['/bai-viet/ts-2/']);
    expect(latestForPage({ not: 'a list' }, '/')).toEqual([]);
  });
});

describe('the latest-news file', () => {
  it('lives where no article slug and no old URL can take it', () => {
    expect(siteClaimOwner(claimKey(LATEST_NEWS_URL), new Set())).toBe('các trang bài viết (/bai-viet/)');
    expect(slugify('moi-nhat.json')).not.toBe('moi-nhat.json');
  });
});
