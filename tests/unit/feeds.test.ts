import { describe, expect, it } from 'vitest';
import { createArchive, type ArticleSource } from '../../src/lib/archive.ts';
import { FEED_LIMIT, feedItems } from '../../src/lib/feeds.ts';

const CATEGORY = { name: 'Thời sự', slug: 'thoi-su', description: '', order: 1 };

function archiveWith(count: number) {
  const sources: ArticleSource[] = Array.from({ length: count }, (_, index) => ({
    file: `content/articles/bai-${index + 1}.md`,
    htmlKey: 'key',
    data: {
      title: `Bài ${index + 1}`,
      // Bài 1 is the oldest.
      date: new Date(Date.UTC(2024, 0, 1) + index * 60 * 60 * 1000),
      authors: ['Lô Thanh', 'Minh Đức'],
      category: 'thoi-su',
      summary: index === 0 ? undefined : `Sapo ${index + 1}`,
      tags: ['Đà Lạt'],
      draft: false,
      slug: `bai-${index + 1}`,
      aliases: [],
    },
  }));
  return createArchive({
    sources,
    site: { name: 'LTV', url: 'https://lamdongtv.example', description: '', pageSize: 20 },
    categories: [CATEGORY],
    authors: [],
    now: new Date('2030-01-01T00:00:00Z'),
  });
}

describe('feedItems', () => {
  it('caps the feed at 50 items, newest first', () => {
    const items = feedItems(archiveWith(120).articles);
    expect(FEED_LIMIT).toBe(50);
    expect(items).toHaveLength(50);
    expect(items[0]!.title).toBe('Bài 120');
    expect(items[49]!.title).toBe('Bài 71');
  });

  it('honours a custom limit and a short list', () => {
    expect(feedItems(archiveWith(120).articles, 5).map((item) => item.title)).toEqual([
      'Bài 120',
      'Bài 119',
      'Bài 118',
      'Bài 117',
      'Bài 116',
    ]);
    expect(feedItems(archiveWith(3).articles)).toHaveLength(3);
  });

  it('maps an article to an RSS item', () => {
    const [newest, , oldest] = feedItems(archiveWith(3).articles);
    expect(newest).toEqual({
      title: 'Bài 3',
      link: '/bai-viet/bai-3/',
      pubDate: new Date('2024-01-01T02:00:00Z'),
      description: 'Sapo 3',
      author: 'Lô Thanh, Minh Đức',
      categories: ['Thời sự', 'Đà Lạt'],
    });
    expect(oldest!.description).toBeUndefined();
  });
});
