import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/lib/front-matter.ts';

const FILE = 'content/articles/2022/cum-thi-dua.md';

const SOURCE = [
  '---',
  'tiêu đề: Cụm thi đua số 1 ký kết giao ước thi đua năm 2022',
  'ngày: 2022-05-11 06:49',
  '# a comment line',
  'tác giả: Lô Thanh',
  'từ khóa: [Đà Lạt, Bảo Lộc]',
  'ảnh:',
  '  đường dẫn: images/a.jpg',
  '  chú thích: Hội nghị',
  'nháp: false',
  '---',
  '',
  'Tại hội nghị, lãnh đạo các địa phương…',
  '',
  'Đoạn hai.',
].join('\n');

describe('splitFrontMatter', () => {
  it('reads YAML only: a fence naming a language is refused, and nothing in it runs', () => {
    for (const language of ['js', 'javascript', 'coffee', ' json', 'toml']) {
      const result = splitFrontMatter(`---${language}\n{ title: (process.exit(3)) }\n---\nBài.`, FILE);
      expect(result.fields).toEqual([]);
      expect(result.issues).toEqual([
        {
          file: FILE,
          line: 1,
          value: `---${language.trim()}`,
          message: 'phần thông tin đầu bài chỉ được viết bằng YAML; không chạy mã trong bài viết',
          expected: 'dòng đầu tiên là ba dấu gạch ngang "---" và không có gì sau đó',
          severity: 'error',
        },
      ]);
    }
  });

  it('refuses characters no page may carry, written raw or as a YAML escape', () => {
    const raw = splitFrontMatter('---\ntiêu đề: A\u0001\n---\nB\uFFFDc', FILE);
    expect(raw.issues.map(({ line, field, message }) => `${line} ${field}: ${message}`)).toEqual([
      '2 tiêu đề: có ký tự điều khiển U+0001',
      '4 nội dung: có byte không phải UTF-8 hợp lệ (hiện thành ký tự �)',
    ]);
    const escaped = splitFrontMatter('---\ntiêu đề: "A \\0 B"\ntóm tắt: ổn\n---\nBài.', FILE);
    expect(escaped.fields).toEqual([]);
    expect(escaped.issues.map(({ line, field, message }) => `${line} ${field}: ${message}`)).toEqual([
      '2 tiêu đề: có ký tự điều khiển U+0000',
    ]);
  });

  it('returns each key with its value and exact line, and the body with its first line', () => {
    expect(splitFrontMatter(SOURCE, FILE)).toEqual({
      fields: [
        { key: 'tiêu đề', value: 'Cụm thi đua số 1 ký kết giao ước thi đua năm 2022', line: 2 },
        { key: 'ngày', value: '2022-05-11 06:49', line: 3 },
        { key: 'tác giả', value: 'Lô Thanh', line: 5 },
        { key: 'từ khóa', value: ['Đà Lạt', 'Bảo Lộc'], line: 6 },
        { key: 'ảnh', value: { 'đường dẫn': 'images/a.jpg', 'chú thích': 'Hội nghị' }, line: 7 },
        { key: 'nháp', value: false, line: 10 },
      ],
      body: 'Tại hội nghị, lãnh đạo các địa phương…\n\nĐoạn hai.',
      bodyLine: 13,
      issues: [],
    });
  });

  it('keeps "2022-05-11 06:49" as text so it is read as Vietnam time, not UTC', () => {
    const { fields } = splitFrontMatter('---\nngày: 2022-05-11 06:49\ncập nhật: 2022-05-11\n---\n', FILE);
    expect(fields.map((field) => field.value)).toEqual(['2022-05-11 06:49', '2022-05-11']);
  });

  it('gives the same result for a file with a byte-order mark and Windows line endings', () => {
    const windows = `\uFEFF${SOURCE.replace(/\n/g, '\r\n')}`;
    expect(splitFrontMatter(windows, FILE)).toEqual(splitFrontMatter(SOURCE, FILE));
  });

  it('turns decomposed (NFD) keys and values, nested ones included, into NFC', () => {
    const result = splitFrontMatter(SOURCE.normalize('NFD'), FILE);
    expect(result).toEqual(splitFrontMatter(SOURCE, FILE));
    expect(result.fields[0]!.key).toBe('tiêu đề');
    expect(result.body.startsWith('Tại hội nghị')).toBe(true);
  });

  it('reports a YAML syntax error on its line and returns no fields', () => {
    const source = ['---', 'tiêu đề: Đà Lạt', 'ngày: 2022-05-11 06:49', 'tác giả: [Lô Thanh, Minh Đức', '---', 'Bài.'];
    const result = splitFrontMatter(source.join('\n'), FILE);
    expect(result.fields).toEqual([]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.line).toBe(4);
    expect(result.issues[0]).toMatchInlineSnapshot(`
      {
        "expected": "mỗi dòng có dạng "khóa: giá trị"; giá trị có dấu ":" thì đặt trong ngoặc kép",
        "file": "content/articles/2022/cum-thi-dua.md",
        "line": 4,
        "message": "YAML không đọc được (Flow sequence in block collection must be sufficiently indented and end with a ] at line 4, column 29:)",
        "severity": "error",
      }
    `);
  });

  it('reports the same key written twice on the second line', () => {
    const result = splitFrontMatter('---\ntác giả: Lô Thanh\ntác giả: Minh Đức\n---\nBài.', FILE);
    expect(result.issues.map((issue) => issue.line)).toEqual([3]);
    expect(result.issues[0]!.message).toMatchInlineSnapshot(
      `"YAML không đọc được (Map keys must be unique at line 3, column 1:)"`,
    );
  });

  it('reports a missing front matter', () => {
    const result = splitFrontMatter('Tại hội nghị, lãnh đạo các địa phương…', FILE);
    expect(result.fields).toEqual([]);
    expect(result.body).toBe('Tại hội nghị, lãnh đạo các địa phương…');
    expect(result.bodyLine).toBe(1);
    expect(result.issues).toMatchInlineSnapshot(`
      [
        {
          "file": "content/articles/2022/cum-thi-dua.md",
          "line": 1,
          "message": "bài viết thiếu phần thông tin đầu bài (front matter) giữa hai dòng ---",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports front matter that is not "key: value" lines', () => {
    const result = splitFrontMatter('---\n- Đà Lạt\n- Bảo Lộc\n---\nBài.', FILE);
    expect(result.fields).toEqual([]);
    expect(result.issues).toMatchInlineSnapshot(`
      [
        {
          "file": "content/articles/2022/cum-thi-dua.md",
          "line": 2,
          "message": "phần thông tin đầu bài phải là các dòng "khóa: giá trị"",
          "severity": "error",
        },
      ]
    `);
  });

  it('gives an empty key a null value', () => {
    expect(splitFrontMatter('---\ntiêu đề: Đà Lạt\nsapo:\n---\n', FILE).fields).toEqual([
      { key: 'tiêu đề', value: 'Đà Lạt', line: 2 },
      { key: 'sapo', value: null, line: 3 },
    ]);
  });
});
