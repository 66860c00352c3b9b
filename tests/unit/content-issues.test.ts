import { describe, expect, it } from 'vitest';
import {
  ContentError,
  formatIssue,
  formatIssueReport,
  sortIssues,
  type ContentIssue,
} from '../../src/lib/content-issues.ts';

const DATE_ISSUE: ContentIssue = {
  file: 'content/articles/a.md',
  line: 3,
  field: 'ngày',
  value: '31/02/2022',
  message: 'tháng 2/2022 không có ngày 31',
  expected: 'một ngày có thật',
  severity: 'error',
};

const issue = (file: string, line: number | undefined, severity: ContentIssue['severity'] = 'error'): ContentIssue => ({
  file,
  line,
  message: `vấn đề ở ${file}:${line ?? '-'}`,
  severity,
});

describe('formatIssue', () => {
  it('writes file:line, field, value, message and what is expected', () => {
    expect(formatIssue(DATE_ISSUE)).toMatchInlineSnapshot(
      `"content/articles/a.md:3: lỗi ở trường "ngày", giá trị "31/02/2022": tháng 2/2022 không có ngày 31. Cần: một ngày có thật."`,
    );
  });

  it('leaves out the parts an issue does not have', () => {
    expect(
      formatIssue({ file: 'content/categories.yaml', message: 'tệp rỗng', severity: 'error' }),
    ).toMatchInlineSnapshot(`"content/categories.yaml: lỗi: tệp rỗng."`);
  });

  it('labels warnings as such and does not double the final stop', () => {
    expect(
      formatIssue({ file: 'content/articles/b.md', line: 7, message: 'ảnh thiếu mô tả?', severity: 'warning' }),
    ).toMatchInlineSnapshot(`"content/articles/b.md:7: cảnh báo: ảnh thiếu mô tả?"`);
  });

  it('shows dates as ISO, lists as JSON, and cuts long values', () => {
    const base = { file: 'a.md', line: 1, field: 'x', message: 'sai', severity: 'error' } as const;
    expect(formatIssue({ ...base, value: new Date('2022-05-10T23:49:00Z') })).toContain(
      'giá trị 2022-05-10T23:49:00.000Z:',
    );
    expect(formatIssue({ ...base, value: ['Đà Lạt', 2] })).toContain('giá trị ["Đà Lạt",2]:');
    expect(formatIssue({ ...base, value: false })).toContain('giá trị false:');
    const long = formatIssue({ ...base, value: 'x'.repeat(200) });
    expect(long).toContain(`giá trị "${'x'.repeat(76)}…:`);
  });
});

describe('formatIssueReport', () => {
  it('lists issues in file and line order, then counts errors and files', () => {
    expect(
      formatIssueReport([
        issue('content/articles/b.md', 4),
        issue('content/articles/a.md', 9),
        issue('content/articles/a.md', 2),
      ]),
    ).toMatchInlineSnapshot(`
      "content/articles/a.md:2: lỗi: vấn đề ở content/articles/a.md:2.
      content/articles/a.md:9: lỗi: vấn đề ở content/articles/a.md:9.
      content/articles/b.md:4: lỗi: vấn đề ở content/articles/b.md:4.

      3 lỗi trong 2 tệp."
    `);
  });

  it('counts warnings separately', () => {
    expect(formatIssueReport([issue('a.md', 1), issue('b.md', 2, 'warning')])).toMatchInlineSnapshot(`
      "a.md:1: lỗi: vấn đề ở a.md:1.
      b.md:2: cảnh báo: vấn đề ở b.md:2.

      1 lỗi trong 1 tệp, 1 cảnh báo."
    `);
  });

  it('says there are no errors when there are only warnings', () => {
    expect(formatIssueReport([issue('a.md', 1, 'warning')])).toMatchInlineSnapshot(`
      "a.md:1: cảnh báo: vấn đề ở a.md:1.

      Không có lỗi, 1 cảnh báo."
    `);
  });
});

describe('sortIssues', () => {
  it('orders by file, then line, issues without a line first', () => {
    const sorted = sortIssues([issue('b.md', 1), issue('a.md', 10), issue('a.md', undefined), issue('a.md', 2)]);
    expect(sorted.map((i) => `${i.file}:${i.line ?? '-'}`)).toEqual(['a.md:-', 'a.md:2', 'a.md:10', 'b.md:1']);
  });

  it('does not reorder the input', () => {
    const input = [issue('b.md', 1), issue('a.md', 1)];
    sortIssues(input);
    expect(input.map((i) => i.file)).toEqual(['b.md', 'a.md']);
  });
});

describe('ContentError', () => {
  it('carries the issues and a message that contains every one of them', () => {
    const issues = [DATE_ISSUE, issue('content/articles/b.md', 4), issue('content/site.yaml', undefined)];
    const error = new ContentError(issues);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ContentError');
    expect(error.issues).toBe(issues);
    for (const each of issues) expect(error.message).toContain(formatIssue(each));
    // No stack trace to bury the report when the build prints the error.
    expect(error.stack).toBe(error.message);
    expect(error.message).toMatchInlineSnapshot(`
      "Nội dung có lỗi, trang web chưa được dựng:

      content/articles/a.md:3: lỗi ở trường "ngày", giá trị "31/02/2022": tháng 2/2022 không có ngày 31. Cần: một ngày có thật.
      content/articles/b.md:4: lỗi: vấn đề ở content/articles/b.md:4.
      content/site.yaml: lỗi: vấn đề ở content/site.yaml:-.

      3 lỗi trong 3 tệp."
    `);
  });
});
