/**
 * The article front-matter schema: canonical keys in (see `field-keys.ts`), validated
 * {@link ArticleData} out, every problem worded in Vietnamese.
 */
import { z } from 'astro/zod';
import { parseVietnamDate } from './dates.ts';
import { foldKey } from './field-keys.ts';
import type { Category } from './registry-schemas.ts';
import { slugify } from './slug.ts';
import { nearest } from './text.ts';
import { MAX_SLUG_LENGTH, aliasProblem } from './url-claims.ts';
import { parseVideoUrl, type ArticleVideo } from './video.ts';

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
  /** A YouTube or Facebook video, the page's lead media. */
  video?: ArticleVideo | undefined;
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
      video: z
        .string({ error: 'video phải là một địa chỉ' })
        .transform((url, ctx) => {
          const parsed = parseVideoUrl(url);
          if (parsed.ok) return parsed.video;
          ctx.addIssue({ code: 'custom', message: parsed.problem });
          return z.NEVER;
        })
        .optional(),
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
      video: data.video,
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
