import { describe, expect, it } from 'vitest';
import {
  aliasPath,
  createArticleSchema,
  foldKey,
  resolveArticleKey,
  resolveImageKey,
  siteSchema,
  type Category,
} from '../../src/lib/schema.ts';

const CATEGORIES: Category[] = [
  { name: 'Thời sự', slug: 'thoi-su', description: '', order: 1 },
  { name: 'Văn hóa - Xã hội', slug: 'van-hoa-xa-hoi', description: '', order: 2 },
  { name: 'Du lịch', slug: 'du-lich', description: '', order: 3 },
];

const schema = createArticleSchema({ categories: CATEGORIES, fileSlug: 'cum-thi-dua-so-1' });

const VALID = {
  title: 'Cụm thi đua số 1 ký kết giao ước thi đua năm 2022',
  date: 'Thứ tư, 11/05/2022 - 06:49',
  author: 'Lô Thanh',
  category: 'Thời sự',
};

/** Parses front matter and returns the data, failing the test on any issue. */
function parse(input: Record<string, unknown>) {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

/** The journalist-facing messages of a refused input, as `field: message` lines. */
function problems(input: Record<string, unknown>): string[] {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('foldKey', () => {
  it('ignores diacritics, case and separators', () => {
    expect(foldKey('Tác-Giả')).toBe('tacgia');
    expect(foldKey('tac_gia')).toBe('tacgia');
    expect(foldKey('TÁC GIẢ')).toBe('tacgia');
    expect(foldKey('ngày.đăng')).toBe('ngaydang');
  });

  it('folds NFD keys like NFC ones', () => {
    expect(foldKey('Chuyên mục'.normalize('NFD'))).toBe('chuyenmuc');
  });
});

describe('resolveArticleKey', () => {
  it.each([
    ['tác giả', 'author'],
    ['tac_gia', 'author'],
    ['Tác-Giả', 'author'],
    ['author', 'author'],
    ['tiêu đề', 'title'],
    ['sapo', 'summary'],
    ['tóm tắt', 'summary'],
    ['từ khóa', 'tags'],
    ['từ khoá', 'tags'],
    ['thẻ', 'tags'],
    ['nháp', 'draft'],
    ['ngày', 'date'],
    ['chuyên mục', 'category'],
    ['đường dẫn', 'slug'],
    ['đường dẫn cũ', 'aliases'],
    ['ảnh', 'image'],
    ['Nguồn', 'source'],
    ['cập nhật', 'updated'],
  ])('resolves "%s" to %s', (written, key) => {
    expect(resolveArticleKey(written)).toEqual({ key });
  });

  it('resolves a key written in NFD', () => {
    expect(resolveArticleKey('tiêu đề'.normalize('NFD'))).toEqual({ key: 'title' });
  });

  it('suggests the intended field for a typo', () => {
    expect(resolveArticleKey('tac gai')).toEqual({ key: undefined, suggestion: 'author' });
    expect(resolveArticleKey('chuyen mu')).toEqual({ key: undefined, suggestion: 'category' });
  });

  it('suggests nothing for a word unlike any field', () => {
    expect(resolveArticleKey('qwertyuiop')).toEqual({ key: undefined, suggestion: undefined });
    expect(resolveArticleKey('hoàng hôn trên đồi')).toEqual({ key: undefined, suggestion: undefined });
  });
});

describe('resolveImageKey', () => {
  it.each([
    ['src', 'src'],
    ['đường dẫn', 'src'],
    ['tệp', 'src'],
    ['mô tả ảnh', 'alt'],
    ['Chú thích', 'caption'],
    ['tác giả ảnh', 'credit'],
    ['nguồn ảnh', 'credit'],
  ])('resolves "%s" to %s', (written, key) => {
    expect(resolveImageKey(written)).toEqual({ key });
  });

  it('suggests the intended sub-key for a typo, and nothing for nonsense', () => {
    expect(resolveImageKey('chu thichh')).toEqual({ key: undefined, suggestion: 'caption' });
    expect(resolveImageKey('qwertyuiop')).toEqual({ key: undefined, suggestion: undefined });
  });
});

describe('createArticleSchema', () => {
  it('turns valid front matter into ArticleData', () => {
    expect(
      parse({
        ...VALID,
        author: ['Minh Đức', 'Hoàng Yến'],
        summary: '  Chiều ngày 6/5, tại TP Đà Lạt…  ',
        tags: 'thi đua, Đà Lạt ,Bảo Lộc',
        image: 'images/cum-thi-dua.jpg',
        source: 'Lamdongtv.vn',
        updated: '11/05/2022 07:15',
        aliases: ['https://lamdongtv.vn/tin-tuc/cum-thi-dua-a12345.html'],
      }),
    ).toEqual({
      title: 'Cụm thi đua số 1 ký kết giao ước thi đua năm 2022',
      date: new Date('2022-05-10T23:49:00Z'),
      authors: ['Minh Đức', 'Hoàng Yến'],
      category: 'thoi-su',
      summary: 'Chiều ngày 6/5, tại TP Đà Lạt…',
      tags: ['thi đua', 'Đà Lạt', 'Bảo Lộc'],
      image: {
        src: 'images/cum-thi-dua.jpg',
        alt: 'Cụm thi đua số 1 ký kết giao ước thi đua năm 2022',
        caption: undefined,
        credit: undefined,
      },
      source: 'Lamdongtv.vn',
      updated: new Date('2022-05-11T00:15:00Z'),
      draft: false,
      slug: 'cum-thi-dua-so-1',
      aliases: ['/tin-tuc/cum-thi-dua-a12345.html'],
    });
  });

  it('gives a single author as a one-name list', () => {
    expect(parse(VALID).authors).toEqual(['Lô Thanh']);
  });

  it('finds the category by name or slug, with or without diacritics, and stores its slug', () => {
    for (const category of ['Văn hóa - Xã hội', 'van hoa xa hoi', 'VĂN HOÁ - XÃ HỘI', 'van-hoa-xa-hoi']) {
      expect(parse({ ...VALID, category }).category).toBe('van-hoa-xa-hoi');
    }
  });

  it('takes the slug from the file name unless front matter sets one', () => {
    expect(parse(VALID).slug).toBe('cum-thi-dua-so-1');
    expect(parse({ ...VALID, slug: 'giao-uoc-thi-dua' }).slug).toBe('giao-uoc-thi-dua');
  });

  it('never gives an article an empty slug', () => {
    // An empty slug would publish the article at /bai-viet//.
    const result = schema.safeParse({ ...VALID, slug: '' });
    expect(result.success ? result.data.slug : 'refused').not.toBe('');
  });

  it('splits a comma-separated tag string, drops empty items and repeats', () => {
    expect(parse({ ...VALID, tags: 'Đà Lạt, , du lịch,Đà Lạt' }).tags).toEqual(['Đà Lạt', 'du lịch']);
    expect(parse({ ...VALID, tags: ['Đà Lạt', 2022] }).tags).toEqual(['Đà Lạt', '2022']);
    expect(parse(VALID).tags).toEqual([]);
  });

  it('turns an image path into an image whose alt is the title', () => {
    expect(parse({ ...VALID, image: './images/a.jpg' }).image).toEqual({
      src: 'images/a.jpg',
      alt: VALID.title,
      caption: undefined,
      credit: undefined,
    });
  });

  it('uses the caption as alt text when an image object has no alt', () => {
    expect(parse({ ...VALID, image: { src: 'images/a.jpg', caption: 'Thảm hoa', credit: 'Thu Thủy' } }).image).toEqual({
      src: 'images/a.jpg',
      alt: 'Thảm hoa',
      caption: 'Thảm hoa',
      credit: 'Thu Thủy',
    });
  });

  it('reads draft as true/false or có/không, defaulting to false', () => {
    expect(parse(VALID).draft).toBe(false);
    expect(parse({ ...VALID, draft: true }).draft).toBe(true);
    expect(parse({ ...VALID, draft: 'Có' }).draft).toBe(true);
    expect(parse({ ...VALID, draft: 'không' }).draft).toBe(false);
  });

  it('accepts a number as a title', () => {
    expect(parse({ ...VALID, title: 2024 }).title).toBe('2024');
  });

  it('reports every problem at once, in Vietnamese', () => {
    expect(
      problems({
        title: '  ',
        date: '31/02/2022',
        author: [],
        category: 'Văn hoá xã hộii',
        draft: 'có lẽ',
        slug: 'Cụm Thi Đua',
        aliases: ['tin-tuc/a.html'],
      }),
    ).toMatchInlineSnapshot(`
      [
        "title: tiêu đề đang để trống",
        "date: tháng 2/2022 không có ngày 31",
        "author: tác giả đang để trống",
        "category: chuyên mục chưa được khai báo; gần nhất là "Văn hóa - Xã hội"",
        "draft: không phải đúng/sai",
        "slug: đường dẫn chưa đúng dạng; có thể dùng "cum-thi-dua"",
        "aliases: "tin-tuc/a.html" không phải đường dẫn",
      ]
    `);
  });

  it('names the nearest registered category even when the written one is far from all', () => {
    expect(problems({ ...VALID, category: 'Thể thao' })).toMatchInlineSnapshot(`
      [
        "category: chuyên mục chưa được khai báo; gần nhất là "Thời sự"",
      ]
    `);
  });

  it('refuses a weekday that contradicts the date', () => {
    expect(problems({ ...VALID, date: 'Thứ năm, 11/05/2022 - 06:49' })).toMatchInlineSnapshot(`
      [
        "date: ngày 11/05/2022 là Thứ tư, không phải Thứ năm",
      ]
    `);
  });

  it('refuses a key that is not canonical', () => {
    expect(schema.safeParse({ ...VALID, 'tác giả': 'Lô Thanh' }).success).toBe(false);
  });
});

describe('aliasPath', () => {
  it('keeps a path', () => {
    expect(aliasPath('/tin-tuc/cum-thi-dua-a12345.html')).toBe('/tin-tuc/cum-thi-dua-a12345.html');
  });

  it('reduces a full URL to its path and query, dropping the fragment', () => {
    expect(aliasPath('https://lamdongtv.vn/tin-tuc/a-123.html?id=5#binh-luan')).toBe('/tin-tuc/a-123.html?id=5');
    expect(aliasPath('http://lamdongtv.vn/')).toBe('/');
  });

  it('refuses what is not an http(s) URL or a path', () => {
    expect(aliasPath('tin-tuc/a.html')).toBeUndefined();
    expect(aliasPath('ftp://lamdongtv.vn/a.html')).toBeUndefined();
    expect(aliasPath('javascript:alert(1)')).toBeUndefined();
  });
});

describe('siteSchema', () => {
  it('fills defaults for description and page size', () => {
    expect(siteSchema.parse({ name: 'LTV', url: 'https://lamdongtv.example' })).toEqual({
      name: 'LTV',
      url: 'https://lamdongtv.example',
      description: '',
      pageSize: 20,
    });
  });

  it('refuses a blank name, a non-http URL and an out-of-range page size', () => {
    const result = siteSchema.safeParse({ name: ' ', url: 'ftp://lamdongtv.example', pageSize: 2 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['name', 'url', 'pageSize']);
  });

  it('refuses a fractional page size and accepts the bounds', () => {
    expect(siteSchema.safeParse({ name: 'LTV', url: 'https://x.vn', pageSize: 12.5 }).success).toBe(false);
    expect(siteSchema.safeParse({ name: 'LTV', url: 'https://x.vn', pageSize: 5 }).success).toBe(true);
    expect(siteSchema.safeParse({ name: 'LTV', url: 'https://x.vn', pageSize: 200 }).success).toBe(true);
    expect(siteSchema.safeParse({ name: 'LTV', url: 'https://x.vn', pageSize: 201 }).success).toBe(false);
  });
});
