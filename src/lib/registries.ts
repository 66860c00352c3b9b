/**
 * Reads the newsroom's YAML registries (site settings, categories, authors) through the
 * schema, reporting every problem with its line.
 */
import { LineCounter, isMap, isPair, isSeq, parseDocument, visit, type Node } from 'yaml';
import type { z } from 'astro/zod';
import type { ContentIssue } from './content-issues.ts';
import {
  authorSchema,
  categorySchema,
  siteSchema,
  type AuthorProfile,
  type Category,
  type SiteSettings,
  vietnameseMessage,
} from './schema.ts';
import { slugify } from './slug.ts';
import { MAX_SLUG_LENGTH } from './url-claims.ts';
import { findForbiddenCharacter, toNfc } from './text.ts';
import { FORBIDDEN_EXPECTED, forbiddenCharacterIssues } from './text-issues.ts';

export type RegistryResult<T> = { value: T; issues: ContentIssue[] };

function readYaml(text: string, file: string) {
  const lineCounter = new LineCounter();
  const source = toNfc(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const doc = parseDocument(source, { schema: 'core', lineCounter });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const issues: ContentIssue[] = doc.errors.map((error) => ({
    file,
    line: lineCounter.linePos(error.pos[0]).line,
    message: `YAML không đọc được (${error.message.split('\n')[0]})`,
    severity: 'error' as const,
  }));
  // Reported with the rest, but the entries are still read, so articles are checked against them.
  const characterIssues = forbiddenCharacterIssues(source, file);
  if (issues.length === 0 && characterIssues.length === 0) {
    // A YAML escape ("\x01") writes a character the file itself does not hold.
    visit(doc, {
      Scalar(_key, node, path) {
        const found = typeof node.value === 'string' ? findForbiddenCharacter(node.value) : undefined;
        if (!found) return;
        const pair = path.at(-1);
        characterIssues.push({
          file,
          line: lineOf(node),
          field: isPair(pair) ? String((pair.key as Node | null)?.toJSON?.()) : undefined,
          value: node.value,
          message: `có ${found.description}`,
          expected: FORBIDDEN_EXPECTED,
          severity: 'error',
        });
      },
    });
  }
  return { doc, lineOf, issues, characterIssues };
}

function validateItems<S extends z.ZodType<object>>(
  text: string,
  file: string,
  schema: S,
  what: string,
): { items: (z.output<S> & { line: number })[]; issues: ContentIssue[] } {
  const { doc, lineOf, issues, characterIssues } = readYaml(text, file);
  if (issues.length) return { items: [], issues };
  issues.push(...characterIssues);
  if (!isSeq(doc.contents)) {
    return {
      items: [],
      issues: [{ file, line: 1, message: `${file} phải là một danh sách ${what}`, severity: 'error' }],
    };
  }
  const items: (z.output<S> & { line: number })[] = [];
  doc.contents.items.forEach((node) => {
    const result = schema.safeParse((node as Node).toJSON());
    if (result.success) {
      items.push(Object.assign({}, result.data as z.output<S>, { line: lineOf(node as Node) }));
      return;
    }
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      const pair = isMap(node) ? node.items.find((p) => String((p.key as Node | null)?.toJSON?.()) === key) : undefined;
      issues.push({
        file,
        line: lineOf((pair?.value as Node | undefined) ?? (node as Node)),
        field: key || undefined,
        value: (pair?.value as Node | undefined)?.toJSON?.(),
        message: `${what} không hợp lệ: ${vietnameseMessage(issue)}`,
        severity: 'error',
      });
    }
  });
  return { items, issues };
}

/**
 * Reads `content/categories.yaml`; slugs default to the name's slug, and two categories
 * with the same slug are an error.
 *
 * @example
 * readCategories('- name: Thời sự\n', 'content/categories.yaml').value;
 * // [{ name: 'Thời sự', slug: 'thoi-su', description: '', order: 0 }]
 */
export function readCategories(text: string, file: string): RegistryResult<Category[]> {
  const { items, issues } = validateItems(text, file, categorySchema, 'chuyên mục');
  const seen = new Map<string, string>();
  const withLines = items.map(({ line, ...item }) => ({
    line,
    category: { ...item, slug: item.slug ?? slugify(item.name) },
  }));
  const value = withLines.map(({ category }) => category);
  for (const { line, category } of withLines) {
    if (category.slug.length > MAX_SLUG_LENGTH) {
      issues.push({
        file,
        line,
        field: 'slug',
        value: category.slug,
        message: `đường dẫn của chuyên mục "${category.name}" dài ${category.slug.length} ký tự, tối đa ${MAX_SLUG_LENGTH}`,
        expected: 'một tên ngắn hơn, hoặc ghi "slug" ngắn gọn',
        severity: 'error',
      });
    }
    const other = seen.get(category.slug);
    if (other) {
      issues.push({
        file,
        line,
        field: 'slug',
        value: category.slug,
        message: `chuyên mục "${category.name}" trùng đường dẫn với "${other}"`,
        severity: 'error',
      });
    }
    seen.set(category.slug, category.name);
  }
  return { value: value.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'vi')), issues };
}

/**
 * Reads the optional `content/authors.yaml`.
 *
 * @example
 * readAuthors('- name: Lô Thanh\n  bio: Phóng viên\n', 'content/authors.yaml').value;
 * // [{ name: 'Lô Thanh', slug: 'lo-thanh', bio: 'Phóng viên' }]
 */
export function readAuthors(text: string, file: string): RegistryResult<AuthorProfile[]> {
  const { items, issues } = validateItems(text, file, authorSchema, 'tác giả');
  return { value: items.map(({ line: _line, ...item }) => ({ ...item, slug: slugify(item.name) })), issues };
}

/**
 * Reads `content/site.yaml`.
 *
 * @example
 * readSiteSettings('name: LTV\nurl: https://lamdongtv.example\n', 'content/site.yaml').value.pageSize; // 20
 */
export function readSiteSettings(text: string, file: string): RegistryResult<SiteSettings | undefined> {
  const { doc, lineOf, issues, characterIssues } = readYaml(text, file);
  if (issues.length) return { value: undefined, issues };
  issues.push(...characterIssues);
  const result = siteSchema.safeParse(doc.toJSON());
  if (result.success) return { value: result.data, issues };
  return {
    value: undefined,
    issues: [
      ...issues,
      ...result.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '');
        const pair = isMap(doc.contents)
          ? doc.contents.items.find((p) => String((p.key as Node | null)?.toJSON?.()) === key)
          : undefined;
        return {
          file,
          line: lineOf((pair?.value as Node | undefined) ?? null),
          field: issue.path.join('.'),
          value: (pair?.value as Node | undefined)?.toJSON?.(),
          message: `cài đặt trang không hợp lệ: ${vietnameseMessage(issue)}`,
          severity: 'error' as const,
        };
      }),
    ],
  };
}
