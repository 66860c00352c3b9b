/**
 * The single source of truth for content: which front-matter fields exist, what each one
 * means, the names journalists may write them under, and the zod schemas that validate
 * articles and the category and author registries. The site's loader, `npm run check`,
 * the importer, the new-article command and the JSON Schema for editors all go through it.
 */
import { z } from 'astro/zod';
import { ACCEPTED_DATE_FORMS, parseVietnamDate } from './dates.ts';
import { slugify } from './slug.ts';
import { foldVietnamese, nearest } from './text.ts';
import { MAX_SLUG_LENGTH, aliasProblem } from './url-claims.ts';

/** Canonical (English) front-matter keys of an article. */
export type ArticleKey =
  | 'title'
  | 'date'
  | 'author'
  | 'category'
  | 'summary'
  | 'tags'
  | 'image'
  | 'source'
  | 'updated'
  | 'draft'
  | 'slug'
  | 'aliases';

/** Documentation of one front-matter field, as shown to journalists and editors. */
export interface FieldSpec {
  /** Vietnamese name used in error messages. */
  label: string;
  /** Other spellings accepted for the key, folded with {@link foldKey}. */
  aliases: readonly string[];
  required: boolean;
  /** What the field holds (Vietnamese), for the README and the editors' JSON Schema. */
  description: string;
  /** What a valid value looks like (Vietnamese), appended to every error on the field. */
  expected: string;
}

/**
 * Every article field. Keys may be written in English or Vietnamese, in any case, with or
 * without diacritics, spaces, `_` or `-` between words.
 */
export const ARTICLE_FIELDS: Record<ArticleKey, FieldSpec> = {
  title: {
    label: 'tiêu đề',
    aliases: ['tiêu đề', 'tựa đề', 'tên bài'],
    required: true,
    description: 'Tiêu đề bài viết.',
    expected: 'một dòng chữ không rỗng',
  },
  date: {
    label: 'ngày',
    aliases: ['ngày', 'ngày đăng', 'ngày xuất bản', 'thời gian'],
    required: true,
    description: 'Thời điểm đăng bài; không ghi múi giờ thì hiểu là giờ Việt Nam (UTC+7).',
    expected: ACCEPTED_DATE_FORMS,
  },
  author: {
    label: 'tác giả',
    aliases: ['tác giả', 'authors', 'người viết', 'phóng viên'],
    required: true,
    description: 'Tên tác giả, hoặc danh sách tên khi bài có nhiều tác giả.',
    expected: 'một tên (Lô Thanh) hoặc danh sách tên ([Minh Đức, Hoàng Yến])',
  },
  category: {
    label: 'chuyên mục',
    aliases: ['chuyên mục', 'danh mục', 'mục'],
    required: true,
    description: 'Chuyên mục, theo tên hoặc đường dẫn đã khai báo trong content/categories.yaml.',
    expected: 'tên một chuyên mục có trong content/categories.yaml',
  },
  summary: {
    label: 'tóm tắt',
    aliases: ['tóm tắt', 'sapo', 'sa pô', 'lead', 'mô tả', 'description'],
    required: false,
    description: 'Đoạn dẫn (sapo), in đậm dưới tiêu đề và dùng làm mô tả cho công cụ tìm kiếm.',
    expected: 'một đoạn chữ',
  },
  tags: {
    label: 'từ khóa',
    aliases: ['từ khóa', 'từ khoá', 'thẻ', 'tag', 'keywords'],
    required: false,
    description: 'Các từ khóa; mỗi từ khóa có một trang riêng.',
    expected: 'danh sách từ khóa ([Đà Lạt, du lịch]) hoặc các từ khóa cách nhau bằng dấu phẩy',
  },
  image: {
    label: 'ảnh',
    aliases: ['ảnh', 'hình', 'hình ảnh', 'ảnh đại diện'],
    required: false,
    description:
      'Ảnh đầu bài: đường dẫn tới tệp trong content/images/, hoặc { src, alt, caption, credit } (src/đường dẫn, alt/mô tả ảnh, caption/chú thích, credit/tác giả ảnh).',
    expected: 'đường dẫn ảnh (images/ho-xuan-huong.jpg) hoặc { src, alt, caption, credit }',
  },
  source: {
    label: 'nguồn',
    aliases: ['nguồn', 'nguồn tin'],
    required: false,
    description: 'Nguồn tin, ví dụ Lamdongtv.vn.',
    expected: 'một dòng chữ',
  },
  updated: {
    label: 'cập nhật',
    aliases: ['cập nhật', 'ngày cập nhật', 'sửa lúc'],
    required: false,
    description: 'Thời điểm cập nhật bài; hiện dòng "Cập nhật" trên trang.',
    expected: ACCEPTED_DATE_FORMS,
  },
  draft: {
    label: 'nháp',
    aliases: ['nháp', 'bản nháp'],
    required: false,
    description: 'true: bài nháp, không xuất bản.',
    expected: 'true hoặc false (có/không)',
  },
  slug: {
    label: 'đường dẫn',
    aliases: ['đường dẫn', 'url'],
    required: false,
    description: 'Đường dẫn của bài; mặc định lấy từ tên tệp.',
    expected: 'chữ thường không dấu, số và dấu gạch ngang, tối đa 100 ký tự (cum-thi-dua-so-1)',
  },
  aliases: {
    label: 'đường dẫn cũ',
    aliases: ['đường dẫn cũ', 'url cũ', 'redirect from'],
    required: false,
    description: 'Các đường dẫn cũ của bài (trang cũ); mỗi đường dẫn chuyển hướng về bài.',
    expected:
      'danh sách đường dẫn thật của trang cũ, bắt đầu bằng / hoặc http(s)://, không có *, :biến, khoảng trắng, "." hay ".."',
  },
};

/** Sub-keys of an `image` object, with their accepted spellings. */
export const IMAGE_FIELDS = {
  src: ['src', 'đường dẫn', 'tệp', 'file', 'path'],
  alt: ['alt', 'mô tả ảnh', 'mô tả', 'văn bản thay thế'],
  caption: ['caption', 'chú thích'],
  credit: ['credit', 'tác giả ảnh', 'nguồn ảnh', 'ảnh'],
} as const;

/**
 * A zod issue's message for journalists: ours are written in Vietnamese already; zod's own
 * English ones are replaced by a Vietnamese description of their kind.
 *
 * @example
 * vietnameseMessage({ code: 'invalid_type', message: 'Invalid input: expected number' }); // 'sai kiểu giá trị'
 */
export function vietnameseMessage(issue: { code: string; message: string }): string {
  if (!/^[\x20-\x7e]*$/.test(issue.message)) return issue.message;
  const byCode: Record<string, string> = {
    invalid_type: 'sai kiểu giá trị',
    invalid_union: 'sai kiểu giá trị',
    too_small: 'giá trị quá nhỏ hoặc đang để trống',
    too_big: 'giá trị quá lớn',
    invalid_format: 'sai định dạng',
    unrecognized_keys: 'có khóa không rõ',
  };
  return byCode[issue.code] ?? 'giá trị không hợp lệ';
}

/**
 * Folds a key for matching: diacritics, case and separators do not count.
 *
 * @example
 * foldKey('Tác-Giả') === foldKey('tac_gia'); // true ('tacgia')
 */
export function foldKey(key: string): string {
  return foldVietnamese(key).replace(/[\s_\-.]+/g, '');
}

function aliasTable<K extends string>(entries: Iterable<[K, readonly string[]]>): Map<string, K> {
  const table = new Map<string, K>();
  for (const [key, aliases] of entries) {
    table.set(foldKey(key), key);
    for (const alias of aliases) table.set(foldKey(alias), key);
  }
  return table;
}

const ARTICLE_KEYS = aliasTable(
  Object.entries(ARTICLE_FIELDS).map(([key, spec]) => [key as ArticleKey, spec.aliases] as const),
);
const IMAGE_KEYS = aliasTable(Object.entries(IMAGE_FIELDS) as [keyof typeof IMAGE_FIELDS, readonly string[]][]);

/** The result of looking a written key up: the field it means, or the nearest suggestion. */
export type KeyLookup<K> = { key: K } | { key: undefined; suggestion: K | undefined };

function lookUp<K extends string>(table: Map<string, K>, written: string): KeyLookup<K> {
  const folded = foldKey(written);
  const key = table.get(folded);
  if (key) return { key };
  const alias = nearest(folded, [...table.keys()]);
  return { key: undefined, suggestion: alias === undefined ? undefined : table.get(alias) };
}

/**
 * Resolves a front-matter key as written by a journalist to its canonical field.
 *
 * @example
 * resolveArticleKey('Tác giả'); // { key: 'author' }
 * resolveArticleKey('tac gai'); // { key: undefined, suggestion: 'author' }
 */
export function resolveArticleKey(written: string): KeyLookup<ArticleKey> {
  return lookUp(ARTICLE_KEYS, written);
}

/**
 * Resolves a key inside an `image` object.
 *
 * @example
 * resolveImageKey('chú thích'); // { key: 'caption' }
 */
export function resolveImageKey(written: string): KeyLookup<keyof typeof IMAGE_FIELDS> {
  return lookUp(IMAGE_KEYS, written);
}

// ---------------------------------------------------------------------------------------
// Registries

/** One entry of `content/categories.yaml`. */
export const categorySchema = z.object({
  /** Vietnamese name shown to readers, also what articles write in `category`. */
  name: z.string().trim().min(1),
  /** URL segment; defaults to the slug of the name. */
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(MAX_SLUG_LENGTH)
    .optional(),
  /** One sentence for the category page and its feed. */
  description: z.string().default(''),
  /** Position in menus and on the home page, smallest first. */
  order: z.number().int().default(0),
});
export type CategoryInput = z.input<typeof categorySchema>;
export interface Category {
  name: string;
  slug: string;
  description: string;
  order: number;
}

/** One entry of the optional `content/authors.yaml`. */
export const authorSchema = z.object({
  /** The name as written in articles' `author`. */
  name: z.string().trim().min(1),
  /** A short biography shown on the author's page. */
  bio: z.string().default(''),
});
export interface AuthorProfile {
  name: string;
  slug: string;
  bio: string;
}

// ---------------------------------------------------------------------------------------
// Article

/** A validated article's front matter, in canonical form. */
export interface ArticleData {
  title: string;
  date: Date;
  authors: string[];
  /** Slug of the registered category. */
  category: string;
  summary?: string | undefined;
  tags: string[];
  image?: ArticleImage | undefined;
  source?: string | undefined;
  updated?: Date | undefined;
  draft: boolean;
  slug: string;
  /** Old URL paths (no origin) that redirect to the article. */
  aliases: string[];
}

export interface ArticleImage {
  /** Path relative to `content/`, e.g. `images/da-lat.jpg`. */
  src: string;
  alt: string;
  caption?: string | undefined;
  credit?: string | undefined;
}

/** What the article schema needs to know about the site. */
export interface ArticleSchemaContext {
  categories: readonly Category[];
  /** Slug derived from the file name, used when front matter sets none. */
  fileSlug: string;
}

const text = (label: string) =>
  z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    z
      .string({ error: `${label} phải là chữ` })
      .trim()
      .min(1, { error: `${label} đang để trống` }),
  );

const dateField = z.union([z.string(), z.date()], { error: 'không phải ngày tháng' }).transform((value, ctx) => {
  const parsed = parseVietnamDate(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.problem.reason });
    return z.NEVER;
  }
  return parsed.date;
});

const list = (label: string) =>
  z
    .union([z.string(), z.array(z.union([z.string(), z.number()]))], {
      error: `${label} phải là danh sách hoặc chữ`,
    })
    .transform((value) =>
      (typeof value === 'string' ? value.split(',') : value.map(String)).map((item) => item.trim()).filter(Boolean),
    );

/** Each name (a tag, an author) has a page of its own: its slug must fit in a folder name. */
const refineNames = (label: string) => (names: string[], ctx: z.RefinementCtx) => {
  for (const name of names) {
    const slug = slugify(name);
    if (slug.length > MAX_SLUG_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        message: `${label} "${name.slice(0, 40)}…" dài quá: đường dẫn của trang ${slug.length} ký tự, tối đa ${MAX_SLUG_LENGTH}`,
      });
    }
  }
};

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  false: false,
  co: true,
  khong: false,
  yes: true,
  no: false,
};

/**
 * Builds the article front-matter schema for a site's category registry. Input keys must
 * already be canonical (see {@link resolveArticleKey}); output is {@link ArticleData}.
 *
 * @example
 * createArticleSchema({ categories, fileSlug: 'cum-thi-dua' }).safeParse({ title: 'Cụm thi đua', … });
 */
export function createArticleSchema({ categories, fileSlug }: ArticleSchemaContext) {
  const byName = new Map<string, Category>();
  for (const category of categories) {
    byName.set(foldKey(category.name), category);
    byName.set(foldKey(category.slug), category);
  }

  return z
    .object({
      title: text('tiêu đề'),
      date: dateField,
      author: z
        .union([z.string(), z.array(z.string())], { error: 'tác giả phải là một tên hoặc danh sách tên' })
        .transform((value) => (typeof value === 'string' ? [value] : value).map((name) => name.trim()).filter(Boolean))
        .refine((names) => names.length > 0, { error: 'tác giả đang để trống' })
        .superRefine(refineNames('tên tác giả')),
      category: text('chuyên mục').transform((name, ctx) => {
        const folded = foldKey(name);
        const found = byName.get(folded);
        if (found) return found.slug;
        // Always name the nearest registered category, however far: the journalist needs one.
        const closest = nearest(folded, [...byName.keys()], Infinity);
        const nearestName = closest === undefined ? undefined : byName.get(closest)?.name;
        ctx.addIssue({
          code: 'custom',
          message: `chuyên mục chưa được khai báo${nearestName ? `; gần nhất là "${nearestName}"` : ''}`,
        });
        return z.NEVER;
      }),
      summary: text('tóm tắt').optional(),
      tags: list('từ khóa').superRefine(refineNames('từ khóa')).default([]),
      image: z
        .preprocess(
          (value) => (typeof value === 'string' ? { src: value } : value),
          z.object(
            {
              src: z
                .string({ error: 'ảnh cần đường dẫn tệp (src)' })
                .trim()
                .min(1, { error: 'ảnh cần đường dẫn tệp (src)' }),
              alt: z.string().optional(),
              caption: z.string().optional(),
              credit: z.string().optional(),
            },
            { error: 'ảnh phải là đường dẫn tệp hoặc { src, alt, caption, credit }' },
          ),
        )
        .optional(),
      source: text('nguồn').optional(),
      updated: dateField.optional(),
      draft: z
        .union([z.boolean(), z.string()])
        .transform((value, ctx) => {
          if (typeof value === 'boolean') return value;
          const known = BOOLEAN_WORDS[foldKey(value)];
          if (known === undefined) {
            ctx.addIssue({ code: 'custom', message: 'không phải đúng/sai' });
            return z.NEVER;
          }
          return known;
        })
        .default(false),
      slug: z
        .string()
        .optional()
        .superRefine((value, ctx) => {
          if (value !== undefined && value.length > MAX_SLUG_LENGTH) {
            ctx.addIssue({ code: 'custom', message: `đường dẫn dài ${value.length} ký tự, tối đa ${MAX_SLUG_LENGTH}` });
          } else if (value !== undefined && (value === '' || value !== slugify(value))) {
            const suggestion = slugify(value);
            ctx.addIssue({
              code: 'custom',
              message: suggestion ? `đường dẫn chưa đúng dạng; có thể dùng "${suggestion}"` : 'đường dẫn đang để trống',
            });
          }
        }),
      aliases: list('đường dẫn cũ')
        .transform((urls, ctx) =>
          urls.map((url) => {
            const path = aliasPath(url);
            const problem = path === undefined ? 'không phải đường dẫn' : aliasProblem(path);
            if (problem) ctx.addIssue({ code: 'custom', message: `"${url}" ${problem}` });
            return path ?? url;
          }),
        )
        .default([]),
    })
    .strict()
    .transform((data): ArticleData => ({
      title: data.title,
      date: data.date,
      authors: data.author,
      category: data.category,
      summary: data.summary,
      tags: [...new Set(data.tags)],
      image: data.image && {
        src: data.image.src.replace(/^\.?\//, ''),
        alt: data.image.alt ?? data.image.caption ?? data.title,
        caption: data.image.caption,
        credit: data.image.credit,
      },
      source: data.source,
      updated: data.updated,
      draft: data.draft,
      slug: data.slug ?? fileSlug,
      aliases: data.aliases,
    }));
}

/**
 * Reduces an old URL to the path the CDN will see, or `undefined` when it is not a URL.
 *
 * @example
 * aliasPath('https://lamdongtv.vn/tin-tuc/cum-thi-dua-123.html'); // '/tin-tuc/cum-thi-dua-123.html'
 */
export function aliasPath(url: string): string | undefined {
  if (url.startsWith('/')) return url;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.pathname + parsed.search;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------
// Site settings (`content/site.yaml`)

/** The hosts a site can be published to. */
export const SITE_HOSTS = ['github-pages', 'cloudflare', 'netlify', 's3'] as const;
export type SiteHost = (typeof SITE_HOSTS)[number];

export const siteSchema = z.object({
  /** The newsroom's full name, in the header and feeds. */
  name: z.string().trim().min(1),
  /** A short name for narrow screens and the web app manifest. */
  shortName: z.string().trim().min(1).optional(),
  /** The public origin, used for canonical URLs, feeds and sitemaps. */
  url: z.url({ protocol: /^https?$/ }),
  /** One sentence describing the site, for the home page and feeds. */
  description: z.string().default(''),
  /** Articles per page on every paginated list. */
  pageSize: z.number().int().min(5).max(200).default(20),
  /**
   * Articles a search bundle gathers before the next one starts (the newest month is always a
   * bundle of its own; see `src/lib/search-shards.ts`). Smaller: correcting an old article
   * re-indexes less; larger: a reader's query loads fewer index files. Automatic when absent:
   * 2,000, doubled each time the archive doubles past 32,000.
   */
  searchShardPages: z.number().int().min(1).optional(),
  /**
   * Where the built site is published, so `npm run verify` can check that host's limits (size,
   * file count, per-file size, files per folder) before the host refuses a deploy. Absent: GitHub Pages.
   */
  host: z.enum(SITE_HOSTS).optional(),
});
export type SiteSettings = z.output<typeof siteSchema>;
