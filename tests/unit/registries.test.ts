import { describe, expect, it } from 'vitest';
import type { ContentIssue } from '../../src/lib/content-issues.ts';
import { readAuthors, readCategories, readSiteSettings } from '../../src/lib/registries.ts';

const CATEGORIES_FILE = 'content/categories.yaml';

/** An issue without its line, for snapshots of what the journalist reads. */
function withoutLine(issue: ContentIssue): Omit<ContentIssue, 'line'> {
  const copy = { ...issue };
  delete copy.line;
  return copy;
}

describe('readCategories', () => {
  it('derives a missing slug from the name and fills defaults', () => {
    expect(readCategories('- name: Văn hóa - Xã hội\n', CATEGORIES_FILE)).toEqual({
      value: [{ name: 'Văn hóa - Xã hội', slug: 'van-hoa-xa-hoi', description: '', order: 0 }],
      issues: [],
    });
  });

  it('keeps an explicit slug and sorts by order, then name', () => {
    const text = [
      '- name: Thể thao',
      '  order: 2',
      '- name: Thời sự',
      '  slug: thoi-su-tinh',
      '  description: Tin thời sự trong tỉnh.',
      '  order: 1',
      '- name: Du lịch',
      '  order: 2',
    ].join('\n');
    const { value, issues } = readCategories(text, CATEGORIES_FILE);
    expect(issues).toEqual([]);
    expect(value.map((category) => `${category.order} ${category.name} /${category.slug}/`)).toEqual([
      '1 Thời sự /thoi-su-tinh/',
      '2 Du lịch /du-lich/',
      '2 Thể thao /the-thao/',
    ]);
    expect(value[0]!.description).toBe('Tin thời sự trong tỉnh.');
  });

  it('reads a registry saved with a byte-order mark in decomposed (NFD) form', () => {
    const { value, issues } = readCategories('\uFEFF- name: Thời sự\n'.normalize('NFD'), CATEGORIES_FILE);
    expect(issues).toEqual([]);
    expect(value[0]).toMatchObject({ name: 'Thời sự', slug: 'thoi-su' });
  });

  it('refuses two categories with the same slug', () => {
    const { issues } = readCategories('- name: Thời sự\n  order: 1\n- name: Thời Sự\n  order: 2\n', CATEGORIES_FILE);
    expect(issues.map(withoutLine)).toMatchInlineSnapshot(`
      [
        {
          "field": "slug",
          "file": "content/categories.yaml",
          "message": "chuyên mục "Thời Sự" trùng đường dẫn với "Thời sự"",
          "severity": "error",
          "value": "thoi-su",
        },
      ]
    `);
  });

  it('points the duplicate-slug error to the line of the second entry', () => {
    // The module promises "every problem with its line"; a registry can hold dozens of entries.
    const { issues } = readCategories('- name: Thời sự\n  order: 1\n- name: Thời Sự\n  order: 2\n', CATEGORIES_FILE);
    expect(issues.map((issue) => issue.line)).toEqual([3]);
  });

  it('reports an order that is not a number on its line', () => {
    const text = ['- name: Thời sự', '  order: 1', '- name: Du lịch', '  order: hai'].join('\n');
    const { value, issues } = readCategories(text, CATEGORIES_FILE);
    expect(value.map((category) => category.name)).toEqual(['Thời sự']);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.line).toBe(4);
    expect(issues[0]).toMatchInlineSnapshot(`
      {
        "field": "order",
        "file": "content/categories.yaml",
        "line": 4,
        "message": "chuyên mục không hợp lệ: sai kiểu giá trị",
        "severity": "error",
        "value": "hai",
      }
    `);
  });

  it('reports an invalid slug on its line', () => {
    const { issues } = readCategories('- name: Thời sự\n  slug: Thời Sự\n', CATEGORIES_FILE);
    expect(issues.map((issue) => [issue.line, issue.field, issue.value])).toEqual([[2, 'slug', 'Thời Sự']]);
  });

  it('refuses a file that is not a list', () => {
    expect(readCategories('name: Thời sự\n', CATEGORIES_FILE).issues).toMatchInlineSnapshot(`
      [
        {
          "file": "content/categories.yaml",
          "line": 1,
          "message": "content/categories.yaml phải là một danh sách chuyên mục",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a YAML syntax error (an unquoted colon) on its line', () => {
    const { value, issues } = readCategories('- name: Thời sự\n- name: Du lịch: Đà Lạt\n  order: 2\n', CATEGORIES_FILE);
    expect(value).toEqual([]);
    expect(issues).toMatchInlineSnapshot(`
      [
        {
          "file": "content/categories.yaml",
          "line": 2,
          "message": "YAML không đọc được (Nested mappings are not allowed in compact mappings at line 2, column 9:)",
          "severity": "error",
        },
      ]
    `);
  });
});

describe('readAuthors', () => {
  it('gives each author a slug and a bio', () => {
    expect(
      readAuthors('- name: Lô Thanh\n  bio: Phóng viên thời sự\n- name: Minh Đức\n', 'content/authors.yaml'),
    ).toEqual({
      value: [
        { name: 'Lô Thanh', slug: 'lo-thanh', bio: 'Phóng viên thời sự' },
        { name: 'Minh Đức', slug: 'minh-duc', bio: '' },
      ],
      issues: [],
    });
  });

  it('reports an author without a name on its line', () => {
    const { value, issues } = readAuthors('- name: Lô Thanh\n- bio: Phóng viên\n  name: ""\n', 'content/authors.yaml');
    expect(value.map((author) => author.name)).toEqual(['Lô Thanh']);
    expect(issues.map((issue) => [issue.line, issue.field])).toEqual([[3, 'name']]);
  });
});

describe('readSiteSettings', () => {
  it('reads the settings and fills defaults', () => {
    expect(readSiteSettings('name: Đài PT-TH Lâm Đồng\nurl: https://lamdongtv.example\n', 'content/site.yaml')).toEqual(
      {
        value: { name: 'Đài PT-TH Lâm Đồng', url: 'https://lamdongtv.example', description: '', pageSize: 20 },
        issues: [],
      },
    );
  });

  it('reports each invalid setting by field', () => {
    const { value, issues } = readSiteSettings('name: LTV\nurl: lamdongtv.example\npageSize: 3\n', 'content/site.yaml');
    expect(value).toBeUndefined();
    expect(issues.map(withoutLine)).toMatchInlineSnapshot(`
      [
        {
          "field": "url",
          "file": "content/site.yaml",
          "message": "cài đặt trang không hợp lệ: sai định dạng",
          "severity": "error",
          "value": "lamdongtv.example",
        },
        {
          "field": "pageSize",
          "file": "content/site.yaml",
          "message": "cài đặt trang không hợp lệ: giá trị quá nhỏ hoặc đang để trống",
          "severity": "error",
          "value": 3,
        },
      ]
    `);
  });

  it('reports each invalid setting on its line', () => {
    // The module promises "every problem with its line".
    const { issues } = readSiteSettings('name: LTV\nurl: lamdongtv.example\npageSize: 3\n', 'content/site.yaml');
    expect(issues.map((issue) => [issue.field, issue.line])).toEqual([
      ['url', 2],
      ['pageSize', 3],
    ]);
  });

  it('takes a search bundle size, a whole number of articles', () => {
    const read = (size: string) =>
      readSiteSettings(`name: LTV\nurl: https://x.vn\nsearchShardPages: ${size}\n`, 'content/site.yaml');
    expect(read('2000').value?.searchShardPages).toBe(2000);
    expect(read('0').issues.map((issue) => [issue.field, issue.line, issue.value])).toEqual([
      ['searchShardPages', 3, 0],
    ]);
    expect(read('1.5').issues.map((issue) => issue.field)).toEqual(['searchShardPages']);
  });

  it('reports a YAML syntax error (an unquoted colon) on its line', () => {
    const { value, issues } = readSiteSettings('name: LTV: Lâm Đồng\nurl: https://x.vn\n', 'content/site.yaml');
    expect(value).toBeUndefined();
    expect(issues.map((issue) => issue.line)).toEqual([1]);
  });
});
