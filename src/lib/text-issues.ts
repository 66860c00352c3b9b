/**
 * Characters no published text may carry (see `findForbiddenCharacter`), reported as content
 * issues for articles and registries alike.
 */
import type { ContentIssue } from './content-issues.ts';
import { findForbiddenCharacter, type ForbiddenCharacter } from './text.ts';

/** What a journalist should write instead, appended to every such issue. */
export const FORBIDDEN_EXPECTED =
  'văn bản thông thường, không có ký tự điều khiển hay byte lỗi mã hóa (lưu tệp dưới dạng UTF-8)';

/**
 * The first forbidden character in a parsed value, its strings and keys included.
 *
 * @example
 * firstForbiddenCharacter({ title: 'Đà\u0001' })?.codePoint; // 'U+0001'
 */
export function firstForbiddenCharacter(value: unknown): ForbiddenCharacter | undefined {
  if (typeof value === 'string') return findForbiddenCharacter(value);
  if (Array.isArray(value)) return value.map(firstForbiddenCharacter).find(Boolean);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value)
      .flatMap(([key, inner]) => [findForbiddenCharacter(key), firstForbiddenCharacter(inner)])
      .find(Boolean);
  }
  return undefined;
}

/**
 * One issue per line holding a forbidden character (at most ten a file), naming the YAML key the
 * line belongs to, or `bodyField` from `bodyLine` on.
 *
 * @example
 * forbiddenCharacterIssues('---\ntitle: Đà\u0001\n---\n', 'a.md', { bodyLine: 4, bodyField: 'nội dung' });
 * // [{ file: 'a.md', line: 2, field: 'title', value: 'title: Đà\u0001', message: 'có ký tự điều khiển U+0001', … }]
 */
export function forbiddenCharacterIssues(
  text: string,
  file: string,
  { bodyLine = Infinity, bodyField }: { bodyLine?: number; bodyField?: string } = {},
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  let field: string | undefined;
  text.split('\n').forEach((content, index) => {
    const line = index + 1;
    const key = line < bodyLine ? /^\s*-?\s*([^\s#:'"-][^:]*):/.exec(content)?.[1] : undefined;
    if (key) field = key.trim();
    const found = findForbiddenCharacter(content);
    if (!found || issues.length >= 10) return;
    issues.push({
      file,
      line,
      field: line >= bodyLine ? bodyField : field,
      value: content.slice(Math.max(0, found.index - 20), found.index + 20),
      message: `có ${found.description}`,
      expected: FORBIDDEN_EXPECTED,
      severity: 'error',
    });
  });
  return issues;
}
