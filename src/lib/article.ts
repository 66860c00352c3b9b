/**
 * Turns one Markdown file into a validated article, or into every problem it has. Shared by
 * the site's content loader, `npm run check` and the importer's self-check.
 */
import { splitFrontMatter } from './front-matter.ts';
import { slugify } from './slug.ts';
import { MAX_SLUG_LENGTH } from './url-claims.ts';
import {
  ARTICLE_FIELDS,
  createArticleSchema,
  resolveArticleKey,
  resolveImageKey,
  type ArticleData,
  vietnameseMessage,
  type ArticleKey,
  type Category,
} from './schema.ts';
import type { ContentIssue } from './content-issues.ts';

export interface ParsedArticle {
  /** Path relative to the site root. */
  file: string;
  data: ArticleData;
  /** Markdown body, NFC. */
  body: string;
  /** 1-based line where the body starts, for problems found in the body. */
  bodyLine: number;
  /** Line of each field present in the front matter. */
  fieldLines: Partial<Record<ArticleKey, number>>;
}

// Building the zod schema costs far more than using it: build it once per category registry,
// and fill the file-name slug in afterwards.
const schemas = new WeakMap<readonly Category[], ReturnType<typeof createArticleSchema>>();
function schemaFor(categories: readonly Category[]) {
  let schema = schemas.get(categories);
  if (!schema) schemas.set(categories, (schema = createArticleSchema({ categories, fileSlug: '' })));
  return schema;
}

export type ArticleParseResult = { ok: true; article: ParsedArticle } | { ok: false; issues: ContentIssue[] };

/**
 * Slug of an article file: the file name without `.md`, folded like any URL.
 *
 * @example
 * fileSlug('content/articles/2022/Cụm thi đua.md'); // 'cum-thi-dua'
 */
export function fileSlug(file: string): string {
  const base = file.split('/').pop() ?? file;
  return slugify(base.replace(/\.md$/i, ''));
}

function canonicaliseImage(value: unknown, file: string, line: number, issues: ContentIssue[]): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [written, inner] of Object.entries(value)) {
    const found = resolveImageKey(written);
    if (found.key) out[found.key] = inner;
    else {
      issues.push({
        file,
        line,
        field: `ảnh.${written}`,
        message: `khóa không rõ trong ảnh${found.suggestion ? `; có phải "${found.suggestion}"?` : ''}`,
        expected: 'src, alt, caption, credit (đường dẫn, mô tả ảnh, chú thích, tác giả ảnh)',
        severity: 'error',
      });
    }
  }
  return out;
}

/**
 * Parses and validates one article. Every problem is reported, not just the first.
 *
 * @example
 * const result = parseArticle('content/articles/cum-thi-dua.md', source, categories);
 * if (result.ok) result.article.data.date; // Date in Vietnam time
 */
export function parseArticle(file: string, source: string, categories: readonly Category[]): ArticleParseResult {
  const split = splitFrontMatter(source, file);
  const issues = [...split.issues];
  const canonical: Record<string, unknown> = {};
  const where = new Map<ArticleKey, { line: number; written: string }>();

  for (const field of split.fields) {
    const found = resolveArticleKey(field.key);
    if (!found.key) {
      issues.push({
        file,
        line: field.line,
        field: field.key,
        value: field.value,
        message: `khóa không rõ${found.suggestion ? `; có phải "${found.suggestion}" (${ARTICLE_FIELDS[found.suggestion].label})?` : ''}`,
        expected: `một trong: ${Object.entries(ARTICLE_FIELDS)
          .map(([key, spec]) => `${key} (${spec.label})`)
          .join(', ')}`,
        severity: 'error',
      });
      continue;
    }
    const earlier = where.get(found.key);
    if (earlier) {
      issues.push({
        file,
        line: field.line,
        field: field.key,
        message: `trùng với "${earlier.written}" ở dòng ${earlier.line} (cùng là ${ARTICLE_FIELDS[found.key].label})`,
        expected: 'mỗi trường chỉ ghi một lần',
        severity: 'error',
      });
      continue;
    }
    where.set(found.key, { line: field.line, written: field.key });
    // `sapo:` left empty means "no summary", not an error; a required field left empty is
    // then reported as missing.
    if (field.value === null || (typeof field.value === 'string' && field.value.trim() === '')) continue;
    canonical[found.key] =
      found.key === 'image' ? canonicaliseImage(field.value, file, field.line, issues) : field.value;
  }
  if (split.issues.length) return { ok: false, issues };

  const result = schemaFor(categories).safeParse(canonical);
  if (!result.success) {
    for (const zodIssue of result.error.issues) {
      const key = zodIssue.path[0] as ArticleKey | undefined;
      const spec = key ? ARTICLE_FIELDS[key] : undefined;
      const place = key ? where.get(key) : undefined;
      const missing = key !== undefined && !(key in canonical);
      let value: unknown = key ? canonical[key] : undefined;
      for (const step of zodIssue.path.slice(1)) {
        value =
          value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step as PropertyKey] : undefined;
      }
      issues.push({
        file,
        line: place?.line ?? 1,
        field: place?.written ?? spec?.label,
        value: missing ? undefined : value,
        message: missing ? `thiếu ${spec?.label ?? key}` : vietnameseMessage(zodIssue),
        expected: spec?.expected,
        severity: 'error',
      });
    }
  }
  if (issues.length || !result.success) return { ok: false, issues };
  const fieldLines = Object.fromEntries([...where].map(([key, place]) => [key, place.line]));
  const data = { ...result.data, slug: result.data.slug || fileSlug(file) };
  if (data.slug === '' || data.slug.length > MAX_SLUG_LENGTH) {
    return {
      ok: false,
      issues: [
        {
          file,
          line: 1,
          field: 'đường dẫn (slug)',
          value: data.slug,
          message: data.slug
            ? `đường dẫn lấy từ tên tệp dài ${data.slug.length} ký tự, tối đa ${MAX_SLUG_LENGTH}`
            : 'tên tệp không có chữ hay số nào để làm đường dẫn',
          expected: 'đổi tên tệp cho ngắn gọn, hoặc ghi trường "slug" ngắn hơn',
          severity: 'error',
        },
      ],
    };
  }
  return { ok: true, article: { file, data, body: split.body, bodyLine: split.bodyLine, fieldLines } };
}
