/**
 * One input file, start to finish, without I/O: bytes of an old page save in, the article
 * to write (or the Vietnamese reason it cannot be imported) out, and the final check of
 * the written Markdown through the same schema the build uses.
 */
import { parseArticle } from '../article.ts';
import { formatIssue } from '../content-issues.ts';
import type { Category } from '../schema.ts';
import { slugify } from '../slug.ts';
import type { ImportedArticle } from './article-file.ts';
import { decodeSave, type SourceEncoding } from './encoding.ts';
import type { SectionLookup } from './mappings.ts';
import { MAX_SLUG_LENGTH, truncateSlug } from './naming.ts';
import { parseOldPage } from './page.ts';

/** Default `author` for a page without a byline; the schema requires one. */
export const DEFAULT_AUTHOR = 'Ban biên tập';

export interface ConvertContext {
  resolveSection: (section: string) => SectionLookup;
  /** Author written when the page has no byline. */
  defaultAuthor: string;
  /** Old URLs of this input. */
  aliases: readonly string[];
}

export type ConvertResult =
  | {
      ok: true;
      article: ImportedArticle;
      /** Slug of the title, before any collision suffix. */
      slug: string;
      encoding: SourceEncoding;
      /** Things imported with a fallback, in Vietnamese. */
      warnings: string[];
    }
  | { ok: false; reason: string };

const ENCODING_NAMES: Record<SourceEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 có BOM',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1258': 'Windows-1258',
  vni: 'VNI',
  'vni-latin1': 'VNI đã bị mở nhầm bằng Latin-1',
};

/**
 * Vietnamese name of a source encoding, for the report.
 *
 * @example
 * encodingName('windows-1258'); // 'Windows-1258'
 */
export function encodingName(encoding: SourceEncoding): string {
  return ENCODING_NAMES[encoding];
}

/**
 * Decodes and parses one old page save into the article to write.
 *
 * @example
 * const result = convertSave(bytes, '000_01855cfa11249e32.txt', {
 *   resolveSection: createSectionResolver(categories), defaultAuthor: DEFAULT_AUTHOR, aliases: [] });
 * if (result.ok) result.slug; // 'cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022'
 */
export function convertSave(bytes: Uint8Array, origin: string, context: ConvertContext): ConvertResult {
  const decoded = decodeSave(bytes);
  if (!decoded.ok) return decoded;
  const parsed = parseOldPage(decoded.text);
  if (!parsed.ok) return parsed;
  const { page } = parsed;
  const section = context.resolveSection(page.section);
  if (!section.ok) return section;
  const fullSlug = slugify(page.title);
  if (!fullSlug)
    return { ok: false, reason: `tiêu đề "${page.title}" không tạo được đường dẫn (không có chữ hoặc số)` };
  const slug = truncateSlug(fullSlug);
  const warnings: string[] = [];
  if (slug !== fullSlug) {
    warnings.push(
      `tiêu đề dài nên đường dẫn được rút gọn còn ${slug.length} ký tự (tối đa ${MAX_SLUG_LENGTH}): "${slug}"`,
    );
  }
  if (page.authors.length === 0) {
    warnings.push(`không có dòng tác giả; ghi tác giả là "${context.defaultAuthor}"`);
  }
  if (page.paragraphs.length === 0) warnings.push('bài không có thân bài, chỉ có tiêu đề và đoạn dẫn');
  return {
    ok: true,
    slug,
    encoding: decoded.encoding,
    warnings,
    article: {
      origin,
      title: page.title,
      date: page.date,
      authors: page.authors.length > 0 ? page.authors : [context.defaultAuthor],
      category: section.category.name,
      summary: page.summary,
      source: page.source,
      aliases: [...context.aliases],
      paragraphs: page.paragraphs,
    },
  };
}

/**
 * Runs a generated article file through the site's schema, exactly as the build will.
 *
 * @returns `undefined` when valid, else every problem, one `file:line: lỗi …` line each
 *
 * @example
 * checkArticleFile('content/articles/2022/cum-thi-dua.md', markdown, categories); // undefined
 */
export function checkArticleFile(file: string, source: string, categories: readonly Category[]): string | undefined {
  const result = parseArticle(file, source, categories);
  if (result.ok) return undefined;
  return result.issues.map(formatIssue).join('\n');
}
