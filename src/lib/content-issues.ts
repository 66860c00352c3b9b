/**
 * Problems found in content, described so a journalist can act on them: file, line,
 * field, the bad value and what is expected, in Vietnamese.
 */

export interface ContentIssue {
  /** Path as the journalist knows it, relative to the site root (`content/articles/a.md`). */
  file: string;
  /** 1-based line in the file, when the problem has a place. */
  line?: number | undefined;
  /** The field as written in the file (`tác giả`), or the canonical key. */
  field?: string | undefined;
  /** The offending value, as read. */
  value?: unknown | undefined;
  /** What is wrong, in Vietnamese. */
  message: string;
  /** What a good value looks like, in Vietnamese. */
  expected?: string | undefined;
  severity: 'error' | 'warning';
}

function showValue(value: unknown): string {
  const json = value instanceof Date ? value.toISOString() : JSON.stringify(value);
  if (json === undefined) return String(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

/**
 * One issue on one line, in the `file:line: …` form editors and CI logs turn into links.
 *
 * @example
 * formatIssue({ file: 'content/articles/a.md', line: 3, field: 'ngày', value: '31/02/2022',
 *   message: 'tháng 2/2022 không có ngày 31', expected: 'một ngày có thật', severity: 'error' });
 * // 'content/articles/a.md:3: lỗi ở trường "ngày", giá trị "31/02/2022": tháng 2/2022 không có ngày 31. Cần: một ngày có thật.'
 */
export function formatIssue(issue: ContentIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  const kind = issue.severity === 'error' ? 'lỗi' : 'cảnh báo';
  const field = issue.field ? ` ở trường "${issue.field}"` : '';
  const value = issue.value !== undefined ? `, giá trị ${showValue(issue.value)}` : '';
  const expected = issue.expected ? ` Cần: ${issue.expected}.` : '';
  const stop = /[.?!]$/.test(issue.message) ? '' : '.';
  return `${where}: ${kind}${field}${value}: ${issue.message}${stop}${expected}`;
}

/**
 * The whole report: every issue of every file, then a count, errors first by file and line.
 *
 * @example
 * formatIssueReport(issues); // 'content/articles/a.md:3: lỗi …\n\n2 lỗi trong 2 bài viết.'
 */
export function formatIssueReport(issues: readonly ContentIssue[]): string {
  const sorted = sortIssues(issues);
  const errors = sorted.filter((issue) => issue.severity === 'error');
  const warnings = sorted.length - errors.length;
  const files = new Set(errors.map((issue) => issue.file)).size;
  const summary = [
    errors.length ? `${errors.length} lỗi trong ${files} tệp` : 'Không có lỗi',
    warnings ? `${warnings} cảnh báo` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [...sorted.map(formatIssue), '', `${summary}.`].join('\n');
}

/**
 * Orders issues by file, then line, so a report reads top to bottom like the files.
 *
 * @example
 * sortIssues([{ file: 'b.md', … }, { file: 'a.md', … }])[0].file; // 'a.md'
 */
export function sortIssues(issues: readonly ContentIssue[]): ContentIssue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** Thrown when content has errors; its message is the full Vietnamese report. */
export class ContentError extends Error {
  readonly issues: readonly ContentIssue[];
  constructor(issues: readonly ContentIssue[]) {
    super(`Nội dung có lỗi, trang web chưa được dựng:\n\n${formatIssueReport(issues)}`);
    this.name = 'ContentError';
    this.issues = issues;
    // The report is the whole message; a stack trace would only bury it for journalists.
    this.stack = this.message;
  }
}
