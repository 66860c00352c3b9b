/**
 * GitHub Actions workflow commands for content problems, so an error shows on the commit and
 * in the pull request next to the line that caused it.
 */
import { formatIssue, type ContentIssue } from './content-issues.ts';

/**
 * Escapes a workflow command's message, as the Actions runner unescapes it.
 *
 * @example
 * escapeData('100%\nxong'); // '100%25%0Axong'
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Escapes a workflow command's property value (file, title), where `:` and `,` separate too.
 *
 * @example
 * escapeProperty('ngày, giờ: 06:49'); // 'ngày%2C giờ%3A 06%3A49'
 */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One `::error …::` or `::warning …::` line for an issue. `file` is the path from the
 * repository root, which GitHub needs to place the annotation.
 *
 * @example
 * githubAnnotation({ file: 'content/articles/a.md', line: 3, field: 'ngày', message: 'sai', severity: 'error' });
 * // '::error file=content/articles/a.md,line=3,title=ngày::lỗi ở trường "ngày": sai.'
 */
export function githubAnnotation(issue: ContentIssue, file = issue.file): string {
  const properties = [`file=${escapeProperty(file)}`];
  if (issue.line) properties.push(`line=${issue.line}`);
  if (issue.field) properties.push(`title=${escapeProperty(issue.field)}`);
  // The location is in the properties; the message is the rest of the report line.
  const where = issue.line ? `${issue.file}:${issue.line}: ` : `${issue.file}: `;
  const message = formatIssue(issue).slice(where.length);
  return `::${issue.severity} ${properties.join(',')}::${escapeData(message)}`;
}
