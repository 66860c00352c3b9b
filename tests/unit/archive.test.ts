import { describe, expect, it } from 'vitest';
import { articleSource } from './article-source.ts';
import {
  articlePageKey,
  articleVersion,
  compareNewestFirst,
  createArchive,
  isPublished,
  neighbours,
  positionIn,
  type Archive,
  type ArticleSource,
} from '../../src/lib/archive.ts';
import { relatedArticles } from '../../src/lib/related.ts';
import type { ArticleData, Category, SiteSettings } from '../../src/lib/schema.ts';

const SITE: SiteSettings = { name: 'LTV Lâm Đồng', url: 'https://lamdongtv.example', description: '', pageSize: 20 };

const CATEGORIES: Category[] = [
  { name: 'Thời sự', slug: 'thoi-su', description: '', order: 1 },
  { name: 'Du lịch', slug: 'du-lich', description: '', order: 2 },
  { name: 'Thể thao', slug: 'the-thao', description: '', order: 3 },
];

const NOW = new Date('2024-06-01T00:00:00Z');

function source(slug: string, date: string, data: Partial<ArticleData> = {}): ArticleSource {
  return articleSource(slug, new Date(date), data);
}

function archiveOf(sources: ArticleSource[], now = NOW): Archive {
  return createArchive({
    sources,
    site: SITE,
    categories: CATEGORIES,
    authors: [{ name: 'Lô Thanh', slug: 'lo-thanh', bio: 'Phóng viên thời sự' }],
    now,
  });
}

const slugs = (articles: readonly { slug: string }[]) => articles.map((article) => article.slug);

function article(archive: Archive, slug: string) {
  const found = archive.bySlug.get(slug);
  if (!found) throw new Error(`no article ${slug}`);
  return found;
}

describe('createArchive', () => {
  it('leaves out drafts and articles dated after the build', () => {
    const archive = archiveOf([
      source('da-dang', '2024-05-01T00:00:00Z'),
      source('ban-nhap', '2024-05-02T00:00:00Z', { draft: true }),
      source('hen-gio', '2024-06-01T00:00:01Z'),
      source('dung-gio', '2024-06-01T00:00:00Z'),
    ]);
    expect(slugs(archive.articles)).toEqual(['dung-gio', 'da-dang']);
    expect(archive.bySlug.has('ban-nhap')).toBe(false);
    expect(archive.bySlug.has('hen-gio')).toBe(false);
  });

  it('publishes a future-dated article once a later build passes its date', () => {
    const sources = [source('hen-gio', '2024-06-02T00:00:00Z')];
    expect(slugs(archiveOf(sources).articles)).toEqual([]);
    expect(slugs(archiveOf(sources, new Date('2024-06-02T00:00:00Z')).articles)).toEqual(['hen-gio']);
  });

  it('sorts newest first whatever the file order', () => {
    const archive = archiveOf([
      source('b', '2022-05-10T23:49:00Z'),
      source('c', '2023-01-01T00:00:00Z'),
      source('a', '2021-01-01T00:00:00Z'),
    ]);
    expect(slugs(archive.articles)).toEqual(['c', 'b', 'a']);
  });

  it('gives each article its URL, dateline, people, tags and Vietnam year and month', () => {
    const archive = archiveOf([
      source('cum-thi-dua', '2022-05-10T23:49:00Z', { authors: ['Lô Thanh', 'Minh Đức'], tags: ['Đà Lạt', 'thi đua'] }),
    ]);
    const { htmlKey, file, ...rest } = article(archive, 'cum-thi-dua');
    expect({ htmlKey, file }).toEqual({ htmlKey: 'key-cum-thi-dua', file: 'content/articles/cum-thi-dua.md' });
    expect(rest).toMatchObject({
      url: '/bai-viet/cum-thi-dua/',
      dateline: 'Thứ tư, 11/05/2022 - 06:49',
      category: CATEGORIES[0],
      authors: [
        { name: 'Lô Thanh', slug: 'lo-thanh', url: '/tac-gia/lo-thanh/' },
        { name: 'Minh Đức', slug: 'minh-duc', url: '/tac-gia/minh-duc/' },
      ],
      tags: [
        { name: 'Đà Lạt', slug: 'da-lat', url: '/the/da-lat/' },
        { name: 'thi đua', slug: 'thi-dua', url: '/the/thi-dua/' },
      ],
      year: 2022,
      month: '05',
    });
  });

  it('indexes by category slug, keeping categories that have no article yet', () => {
    const archive = archiveOf([
      source('a', '2024-01-01T00:00:00Z'),
      source('b', '2024-02-01T00:00:00Z', { category: 'du-lich' }),
      source('c', '2024-03-01T00:00:00Z'),
    ]);
    expect([...archive.byCategory.keys()]).toEqual(['thoi-su', 'du-lich', 'the-thao']);
    expect(slugs(archive.byCategory.get('thoi-su')!.articles)).toEqual(['c', 'a']);
    expect(slugs(archive.byCategory.get('du-lich')!.articles)).toEqual(['b']);
    expect(archive.byCategory.get('the-thao')!.articles).toEqual([]);
    expect(archive.byCategory.get('du-lich')!.info).toEqual(CATEGORIES[1]);
  });

  it('indexes by author slug, with the bio from the author registry', () => {
    const archive = archiveOf([
      source('a', '2024-01-01T00:00:00Z', { authors: ['Lô Thanh', 'Minh Đức'] }),
      source('b', '2024-02-01T00:00:00Z', { authors: ['Minh Đức'] }),
    ]);
    expect(archive.byAuthor.get('lo-thanh')!.info).toEqual({
      name: 'Lô Thanh',
      slug: 'lo-thanh',
      url: '/tac-gia/lo-thanh/',
      bio: 'Phóng viên thời sự',
    });
    expect(archive.byAuthor.get('minh-duc')!.info.bio).toBe('');
    expect(slugs(archive.byAuthor.get('minh-duc')!.articles)).toEqual(['b', 'a']);
  });

  it('indexes by tag slug and drops tags that have no slug', () => {
    const archive = archiveOf([
      source('a', '2024-01-01T00:00:00Z', { tags: ['Đà Lạt', '!!!'] }),
      source('b', '2024-02-01T00:00:00Z', { tags: ['đà lạt', 'Du lịch'] }),
    ]);
    expect([...archive.byTag.keys()].sort()).toEqual(['da-lat', 'du-lich']);
    expect(slugs(archive.byTag.get('da-lat')!.articles)).toEqual(['b', 'a']);
    expect(article(archive, 'a').tags.map((tag) => tag.slug)).toEqual(['da-lat']);
  });

  it('lists an article once on a tag page even when two of its tags fold to the same slug', () => {
    // Imported articles often carry the same tag twice, e.g. "Lâm Đồng" and "lâm đồng".
    const archive = archiveOf([source('a', '2024-01-01T00:00:00Z', { tags: ['Lâm Đồng', 'lâm đồng'] })]);
    expect(slugs(archive.byTag.get('lam-dong')!.articles)).toEqual(['a']);
  });

  it('groups by year and month in Vietnam time', () => {
    const archive = archiveOf([
      source('giao-thua', '2021-12-31T18:00:00Z'), // 01:00 on 1 January 2022 in Vietnam
      source('cuoi-nam', '2021-12-31T16:00:00Z'), // 23:00 on 31 December 2021 in Vietnam
      source('thang-nam', '2022-05-10T23:49:00Z'),
    ]);
    expect([...archive.byYear.keys()]).toEqual(['2022', '2021']);
    expect(slugs(archive.byYear.get('2022')!.articles)).toEqual(['thang-nam', 'giao-thua']);
    expect(archive.byYear.get('2021')!.info).toEqual({ year: 2021 });
    expect([...archive.byMonth.keys()]).toEqual(['2022/05', '2022/01', '2021/12']);
    expect(slugs(archive.byMonth.get('2022/01')!.articles)).toEqual(['giao-thua']);
    expect(archive.byMonth.get('2022/01')!.info).toEqual({ year: 2022, month: '01' });
    expect(article(archive, 'giao-thua')).toMatchObject({ year: 2022, month: '01' });
  });

  it('leaves out an article whose category is not registered', () => {
    expect(slugs(archiveOf([source('a', '2024-01-01T00:00:00Z', { category: 'khong-co' })]).articles)).toEqual([]);
  });
});

describe('isPublished', () => {
  const at = new Date('2022-05-10T23:49:00Z');

  it('is true for a non-draft dated at or before now', () => {
    expect(isPublished({ draft: false, date: at }, at)).toBe(true);
    expect(isPublished({ draft: false, date: at }, new Date('2030-01-01T00:00:00Z'))).toBe(true);
  });

  it('is false for a draft, whatever its date', () => {
    expect(isPublished({ draft: true, date: at }, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('is false before the article date', () => {
    expect(isPublished({ draft: false, date: at }, new Date(at.getTime() - 1))).toBe(false);
  });
});

describe('compareNewestFirst', () => {
  const archive = archiveOf([
    source('moi', '2024-01-02T00:00:00Z'),
    source('cu', '2024-01-01T00:00:00Z'),
    source('b-cung-gio', '2024-01-01T00:00:00Z'),
  ]);

  it('puts the newer article first', () => {
    expect(compareNewestFirst(article(archive, 'moi'), article(archive, 'cu'))).toBeLessThan(0);
    expect(compareNewestFirst(article(archive, 'cu'), article(archive, 'moi'))).toBeGreaterThan(0);
  });

  it('orders articles of the same instant by slug', () => {
    expect(compareNewestFirst(article(archive, 'b-cung-gio'), article(archive, 'cu'))).toBeLessThan(0);
    expect(slugs(archive.articles)).toEqual(['moi', 'b-cung-gio', 'cu']);
  });
});

describe('positionIn', () => {
  const archive = archiveOf(
    Array.from({ length: 30 }, (_, index) =>
      // Pairs of articles share an instant, so the slug decides their order.
      source(
        `bai-${String(index).padStart(2, '0')}`,
        new Date(Date.UTC(2024, 0, 1 + Math.floor(index / 2))).toISOString(),
      ),
    ),
  );

  it('finds every article of a newest-first list at its index', () => {
    archive.articles.forEach((each, index) => expect(positionIn(archive.articles, each)).toBe(index));
  });

  it('is -1 for an article that is not in the list', () => {
    const other = archiveOf([source('bai-05', '2024-01-03T00:00:00Z')]).articles[0]!;
    expect(positionIn(archive.articles, other)).toBe(-1);
    expect(positionIn([], other)).toBe(-1);
    expect(positionIn(archive.byCategory.get('du-lich')!.articles, archive.articles[0]!)).toBe(-1);
  });
});

describe('neighbours', () => {
  const archive = archiveOf([
    source('a', '2024-01-01T00:00:00Z'),
    source('x', '2024-01-02T00:00:00Z', { category: 'du-lich' }),
    source('b', '2024-01-03T00:00:00Z'),
    source('c', '2024-01-04T00:00:00Z'),
  ]);

  it('gives the older and newer article of the same category', () => {
    const { older, newer } = neighbours(archive, article(archive, 'b'));
    expect(older?.slug).toBe('a');
    expect(newer?.slug).toBe('c');
  });

  it('has no newer article for the newest and no older one for the oldest', () => {
    expect(neighbours(archive, article(archive, 'c')).newer).toBeUndefined();
    expect(neighbours(archive, article(archive, 'a')).older).toBeUndefined();
  });

  it('ignores other categories', () => {
    expect(neighbours(archive, article(archive, 'x'))).toEqual({ older: undefined, newer: undefined });
  });
});

describe('relatedArticles', () => {
  const archive = archiveOf([
    source('bai-chinh', '2024-03-01T00:00:00Z', { tags: ['Đà Lạt', 'du lịch'] }),
    source('hai-the', '2023-01-01T00:00:00Z', { category: 'du-lich', tags: ['Đà Lạt', 'du lịch'] }),
    source('mot-the', '2024-02-01T00:00:00Z', { category: 'du-lich', tags: ['Đà Lạt'] }),
    source('cung-muc-gan', '2024-03-02T00:00:00Z'),
    source('cung-muc-xa', '2024-01-01T00:00:00Z'),
    source('khong-lien-quan', '2024-03-01T00:00:00Z', { category: 'the-thao', tags: ['bóng đá'] }),
  ]);
  const main = article(archive, 'bai-chinh');

  it('ranks shared tags first, then the same category nearest in time', () => {
    expect(slugs(relatedArticles(archive, main))).toEqual(['hai-the', 'mot-the', 'cung-muc-gan', 'cung-muc-xa']);
  });

  it('never includes the article itself', () => {
    for (const each of archive.articles) {
      expect(relatedArticles(archive, each, 10)).not.toContain(each);
    }
  });

  it('respects the limit', () => {
    expect(slugs(relatedArticles(archive, main, 2))).toEqual(['hai-the', 'mot-the']);
  });

  it('picks the nearest in time among many articles sharing a tag', () => {
    const many = archiveOf(
      Array.from({ length: 300 }, (_, index) =>
        source(`bai-${index}`, new Date(Date.UTC(2020, 0, 1) + index * 3_600_000).toISOString(), {
          category: index === 150 ? 'du-lich' : 'the-thao',
          tags: ['Đà Lạt'],
        }),
      ),
    );
    expect(slugs(relatedArticles(many, article(many, 'bai-150'), 4))).toEqual([
      'bai-149',
      'bai-151',
      'bai-148',
      'bai-152',
    ]);
  });

  it('is empty for an article with no tags alone in its category', () => {
    expect(relatedArticles(archive, article(archive, 'khong-lien-quan'))).toEqual([]);
  });

  it('gives the same answer however often it is asked (scores start from zero each time)', () => {
    const first = archive.articles.map((each) => slugs(relatedArticles(archive, each)));
    const again = archive.articles.map((each) => slugs(relatedArticles(archive, each)));
    expect(again).toEqual(first);
    expect(first[archive.articles.indexOf(main)]).toEqual(['hai-the', 'mot-the', 'cung-muc-gan', 'cung-muc-xa']);
  });

  it('is empty for an article of another archive', () => {
    const other = archiveOf([source('bai-chinh', '2024-03-01T00:00:00Z', { tags: ['Đà Lạt'] })]);
    expect(relatedArticles(archive, article(other, 'bai-chinh'))).toEqual([]);
  });
});

describe('articleVersion', () => {
  it('names the file, the digest of its source and its picture', () => {
    expect(articleVersion({ file: 'content/articles/a.md', htmlKey: 'k1' })).toBe('content/articles/a.md\0k1\0');
    const picture = { src: 'images/a.jpg', digest: '3f9a0c1d2e4b5a69', width: 800, height: 600 };
    expect(articleVersion({ file: 'content/articles/a.md', htmlKey: 'k1', picture })).toBe(
      'content/articles/a.md\0k1\x003f9a0c1d2e4b5a69',
    );
  });
});

describe('articlePageKey', () => {
  const sources = [
    source('a', '2024-01-01T00:00:00Z', { tags: ['Đà Lạt'] }),
    source('b', '2024-01-02T00:00:00Z', { tags: ['Đà Lạt'] }),
    source('c', '2024-01-03T00:00:00Z', { category: 'du-lich', tags: ['Đà Lạt'] }),
    source('d', '2024-01-04T00:00:00Z', { category: 'the-thao' }),
  ];
  /** The key of b's page in an archive of `changed` sources. */
  function keyOfB(changed: ArticleSource[]) {
    const archive = archiveOf(changed);
    const b = article(archive, 'b');
    return articlePageKey(archive, b, neighbours(archive, b), relatedArticles(archive, b));
  }
  const before = keyOfB(sources);
  const edit = (slug: string, change: Partial<ArticleSource>) =>
    sources.map((each) => (each.data.slug === slug ? { ...each, ...change } : each));

  it('changes when the article, a neighbour or a related article is edited', () => {
    expect(keyOfB(edit('b', { htmlKey: 'key-b-2' }))).not.toBe(before);
    expect(keyOfB(edit('a', { htmlKey: 'key-a-2' }))).not.toBe(before); // older, same category
    expect(keyOfB(edit('c', { htmlKey: 'key-c-2' }))).not.toBe(before); // related by tag
  });

  it('changes when a shown article moves to another file, or the picture file changes', () => {
    expect(keyOfB(edit('a', { file: 'content/articles/2024/a.md' }))).not.toBe(before);
    const pictured = (digest: string) =>
      keyOfB(edit('b', { picture: { src: 'images/b.jpg', digest, width: 800, height: 600 } }));
    expect(pictured('0123456789abcdef')).not.toBe(pictured('fedcba9876543210'));
  });

  it('stays when an article the page does not show changes', () => {
    expect(keyOfB(edit('d', { htmlKey: 'key-d-2' }))).toBe(before);
  });

  it('changes with the site settings and categories', () => {
    const archive = archiveOf(sources);
    const b = article(archive, 'b');
    const key = (layoutKey: string) =>
      articlePageKey({ layoutKey }, b, neighbours(archive, b), relatedArticles(archive, b));
    expect(key('layout-1')).not.toBe(key('layout-2'));
  });
});
