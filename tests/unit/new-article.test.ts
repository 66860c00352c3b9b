import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/article.ts';
import {
  chooseAuthors,
  claimedSlugs,
  matchCategory,
  newArticleSource,
  planNewArticle,
  uniqueSlug,
  vietnamDateText,
} from '../../src/lib/new-article.ts';
import type { Category } from '../../src/lib/schema.ts';

const CATEGORIES: Category[] = [
  { name: 'Thời sự', slug: 'thoi-su', description: '', order: 1 },
  { name: 'Văn hóa - Xã hội', slug: 'van-hoa-xa-hoi', description: '', order: 2 },
  { name: 'Du lịch', slug: 'du-lich', description: '', order: 3 },
];
// 23:30 UTC on 31 December is already New Year's Day in Vietnam.
const NEW_YEAR = new Date('2024-12-31T23:30:00Z');

describe('matchCategory', () => {
  it('finds a category by name or slug, without diacritics, case or separators', () => {
    for (const written of ['Thời sự', 'thoi su', 'THỜI-SỰ', 'thoi-su']) {
      expect(matchCategory(written, CATEGORIES)).toMatchObject({ ok: true, category: { slug: 'thoi-su' } });
    }
    expect(matchCategory('van hoa xa hoi', CATEGORIES)).toMatchObject({
      ok: true,
      category: { name: 'Văn hóa - Xã hội' },
    });
  });

  it('refuses an unknown category, naming the nearest and listing them all', () => {
    expect(matchCategory('Thể thao', CATEGORIES)).toMatchInlineSnapshot(`
      {
        "message": "chuyên mục "Thể thao" chưa có trong content/categories.yaml; gần nhất là "Thời sự". Các chuyên mục: Thời sự, Văn hóa - Xã hội, Du lịch.",
        "ok": false,
      }
    `);
  });
});

describe('uniqueSlug', () => {
  it('keeps a free slug and numbers a taken one from 2', () => {
    expect(uniqueSlug('da-lat', new Set())).toBe('da-lat');
    expect(uniqueSlug('da-lat', new Set(['da-lat']))).toBe('da-lat-2');
    expect(uniqueSlug('da-lat', new Set(['da-lat', 'da-lat-2', 'da-lat-3']))).toBe('da-lat-4');
  });
});

describe('chooseAuthors', () => {
  it('prefers the flag, then TAC_GIA, then git, then the desk', () => {
    expect(chooseAuthors({ flag: 'Lô Thanh', env: 'A', gitName: 'B' })).toEqual(['Lô Thanh']);
    expect(chooseAuthors({ flag: '  ', env: 'Ngọc Hà', gitName: 'B' })).toEqual(['Ngọc Hà']);
    expect(chooseAuthors({ gitName: 'Minh Đức\n' })).toEqual(['Minh Đức']);
    expect(chooseAuthors({})).toEqual(['Ban biên tập']);
  });

  it('splits several authors on commas', () => {
    expect(chooseAuthors({ flag: 'Minh Đức, Hoàng Yến,' })).toEqual(['Minh Đức', 'Hoàng Yến']);
  });
});

describe('vietnamDateText', () => {
  it('writes now in Vietnam time, whatever the machine time zone', () => {
    expect(vietnamDateText(NEW_YEAR)).toBe('01/01/2025 06:30');
  });
});

describe('newArticleSource', () => {
  const source = newArticleSource({
    title: 'Đà Lạt: mưa lớn, "ngập" nhiều nơi',
    category: CATEGORIES[2]!,
    authors: ['Minh Đức', 'Hoàng Yến'],
    now: NEW_YEAR,
  });

  it('writes Vietnamese keys, quotes what YAML needs quoted, and offers the optional fields as comments', () => {
    expect(source).toMatchInlineSnapshot(`
      "---
      tiêu đề: 'Đà Lạt: mưa lớn, "ngập" nhiều nơi'
      ngày: 01/01/2025 06:30
      tác giả: [Minh Đức, Hoàng Yến]
      chuyên mục: Du lịch
      # Không bắt buộc: bỏ dấu # ở đầu dòng rồi điền nội dung.
      # sapo: Đoạn dẫn (sapo), in đậm dưới tiêu đề và dùng làm mô tả cho công cụ tìm kiếm.
      # từ khóa: [Đà Lạt, du lịch]
      # ảnh: images/ten-tep-anh.jpg
      # nguồn: Lamdongtv.vn
      # nháp: true
      ---

      "
    `);
  });

  it('passes the site schema as written', () => {
    const result = parseArticle('content/articles/2025/da-lat-mua-lon.md', source, CATEGORIES);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.data).toMatchObject({
      title: 'Đà Lạt: mưa lớn, "ngập" nhiều nơi',
      date: new Date('2024-12-31T23:30:00Z'),
      authors: ['Minh Đức', 'Hoàng Yến'],
      category: 'du-lich',
      draft: false,
    });
  });

  it('still passes the schema once every optional field is uncommented', () => {
    const uncommented = source.replace(/^# (?=[^K])/gm, '');
    const result = parseArticle('content/articles/2025/da-lat-mua-lon.md', uncommented, CATEGORIES);
    expect(result.ok && result.article.data).toMatchObject({
      summary: expect.stringContaining('Đoạn dẫn'),
      tags: ['Đà Lạt', 'du lịch'],
      image: { src: 'images/ten-tep-anh.jpg' },
      source: 'Lamdongtv.vn',
      draft: true,
    });
  });

  it('writes a single author as plain text', () => {
    const one = newArticleSource({ title: 'Tin', category: CATEGORIES[0]!, authors: ['Lô Thanh'], now: NEW_YEAR });
    expect(one).toContain('\ntác giả: Lô Thanh\n');
  });
});

describe('planNewArticle', () => {
  const base = {
    category: 'thoi su',
    categories: CATEGORIES,
    authors: ['Lô Thanh'],
    now: NEW_YEAR,
    taken: new Set<string>(),
  };

  it('names the file after the slug, in the folder of the Vietnam year', () => {
    const plan = planNewArticle({ ...base, title: 'Cụm thi đua số 1 ký kết giao ước' });
    expect(plan).toMatchObject({
      ok: true,
      slug: 'cum-thi-dua-so-1-ky-ket-giao-uoc',
      file: 'content/articles/2025/cum-thi-dua-so-1-ky-ket-giao-uoc.md',
    });
  });

  it('never takes a slug another article has', () => {
    const plan = planNewArticle({ ...base, title: 'Đà Lạt', taken: new Set(['da-lat', 'da-lat-2']) });
    expect(plan).toMatchObject({ ok: true, file: 'content/articles/2025/da-lat-3.md' });
  });

  it('refuses an empty title, a title without letters and an unknown category', () => {
    expect(planNewArticle({ ...base, title: '  ' })).toEqual({ ok: false, message: 'thiếu tiêu đề bài viết' });
    expect(planNewArticle({ ...base, title: '???' })).toEqual({
      ok: false,
      message: 'tiêu đề "???" không có chữ hay số nào để làm đường dẫn',
    });
    expect(planNewArticle({ ...base, title: 'Tin', category: 'the thao' })).toMatchObject({ ok: false });
  });
});

describe('claimedSlugs', () => {
  it('collects file slugs, front-matter slugs and old /bai-viet/ URLs, in any folder', () => {
    const taken = claimedSlugs([
      { file: 'content/articles/2022/Cụm thi đua.md', fields: [] },
      { file: 'content/articles/b.md', fields: [{ key: 'Đường dẫn', value: 'Bài Khác' }] },
      {
        file: 'content/articles/2023/c.md',
        fields: [{ key: 'url cũ', value: ['https://lamdongtv.vn/bai-viet/tin-cu/', '/tin/x'] }],
      },
    ]);
    expect([...taken].sort()).toEqual(['b', 'bai-khac', 'c', 'cum-thi-dua', 'tin-cu']);
  });
});
