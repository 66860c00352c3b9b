import type { ArticleSource } from '../../src/lib/archive.ts';
import type { ArticleData } from '../../src/lib/schema.ts';

/** An article as the archive receives it: by Lô Thanh in Thời sự unless `data` says otherwise. */
export function articleSource(slug: string, date: Date, data: Partial<ArticleData> = {}): ArticleSource {
  return {
    file: `content/articles/${slug}.md`,
    htmlKey: `key-${slug}`,
    data: {
      title: `Bài ${slug}`,
      date,
      authors: ['Lô Thanh'],
      category: 'thoi-su',
      tags: [],
      draft: false,
      slug,
      aliases: [],
      ...data,
    },
  };
}
