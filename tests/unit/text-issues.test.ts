import { describe, expect, it } from 'vitest';
import { firstForbiddenCharacter, forbiddenCharacterIssues } from '../../src/lib/text-issues.ts';

describe('firstForbiddenCharacter', () => {
  it('looks inside lists, objects and their keys', () => {
    expect(firstForbiddenCharacter(['Đà Lạt', { alt: 'ảnh\u0007' }])?.codePoint).toBe('U+0007');
    expect(firstForbiddenCharacter({ 'khóa\u0000': 'x' })?.codePoint).toBe('U+0000');
    expect(firstForbiddenCharacter({ title: 'Đà Lạt', tags: ['a', 'b'], draft: false })).toBeUndefined();
  });
});

describe('forbiddenCharacterIssues', () => {
  it('reports each line with the YAML key it belongs to, then the body', () => {
    const text = '---\ntiêu đề: Đà\u0001\ntóm tắt: |\n  dòng \u0002\n---\nthân \u0000 bài\n';
    const issues = forbiddenCharacterIssues(text, 'a.md', { bodyLine: 6, bodyField: 'nội dung' });
    expect(issues.map(({ line, field, value, message }) => `${line} ${field} ${JSON.stringify(value)}: ${message}`))
      .toMatchInlineSnapshot(`
      [
        "2 tiêu đề "tiêu đề: Đà\\u0001": có ký tự điều khiển U+0001",
        "4 tóm tắt "  dòng \\u0002": có ký tự điều khiển U+0002",
        "6 nội dung "thân \\u0000 bài": có ký tự điều khiển U+0000",
      ]
    `);
    expect(issues[0]).toMatchObject({ file: 'a.md', severity: 'error' });
  });

  it('stops at ten issues a file', () => {
    expect(forbiddenCharacterIssues('\u0001\n'.repeat(30), 'a.md')).toHaveLength(10);
  });
});
