import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, githubAnnotation } from '../../src/lib/annotations.ts';

describe('escapeData', () => {
  it('escapes %, carriage return and line feed, % first', () => {
    expect(escapeData('100% xong\r\ndòng 2')).toBe('100%25 xong%0D%0Adòng 2');
    expect(escapeData('%0A')).toBe('%250A');
  });
});

describe('escapeProperty', () => {
  it('also escapes the separators of properties', () => {
    expect(escapeProperty('ngày, giờ: 06:49')).toBe('ngày%2C giờ%3A 06%3A49');
  });
});

describe('githubAnnotation', () => {
  it('places an error at its file and line, titled with the field', () => {
    expect(
      githubAnnotation({
        file: 'content/articles/a.md',
        line: 3,
        field: 'ngày',
        value: '31/02/2024',
        message: 'tháng 2/2024 không có ngày 31',
        expected: 'một ngày có thật',
        severity: 'error',
      }),
    ).toMatchInlineSnapshot(
      `"::error file=content/articles/a.md,line=3,title=ngày::lỗi ở trường "ngày", giá trị "31/02/2024": tháng 2/2024 không có ngày 31. Cần: một ngày có thật."`,
    );
  });

  it('writes warnings, paths from the repository root, and escapes what GitHub would misread', () => {
    expect(
      githubAnnotation(
        {
          file: 'content/articles/b.md',
          field: 'tác giả, ảnh',
          message: 'hai dòng\nvà 50%',
          severity: 'warning',
        },
        'site/content/articles/b.md',
      ),
    ).toMatchInlineSnapshot(
      `"::warning file=site/content/articles/b.md,title=tác giả%2C ảnh::cảnh báo ở trường "tác giả, ảnh": hai dòng%0Avà 50%25."`,
    );
  });
});
