import { describe, expect, it } from 'vitest';
import { createSectionResolver, parseAliasCsv, parseCategoryMap } from '../../src/lib/import/mappings.ts';
import type { Category } from '../../src/lib/schema.ts';

const CATEGORIES: Category[] = [
  { name: 'Thời sự', slug: 'thoi-su', description: '', order: 1 },
  { name: 'Tin tức', slug: 'tin-tuc', description: '', order: 2 },
  { name: 'Văn hóa - Xã hội', slug: 'van-hoa-xa-hoi', description: '', order: 3 },
];

describe('parseCategoryMap', () => {
  it('reads CSV with or without a header, matching sections folded', () => {
    const withHeader = parseCategoryMap('chuyên mục cũ,chuyên mục\nTin địa phương,Tin tức\n', 'map.csv');
    expect(withHeader).toEqual({ value: new Map([['tindiaphuong', 'Tin tức']]), problems: [] });
    const bare = parseCategoryMap('\ufeffThời sự - Chính trị;Thời sự\r\n', 'map.csv');
    expect(bare.value).toEqual(new Map([['thoisuchinhtri', 'Thời sự']]));
  });

  it('reads a YAML mapping', () => {
    expect(parseCategoryMap('Tin địa phương: Tin tức\nVăn hoá: Văn hóa - Xã hội\n', 'map.yaml').value).toEqual(
      new Map([
        ['tindiaphuong', 'Tin tức'],
        ['vanhoa', 'Văn hóa - Xã hội'],
      ]),
    );
  });

  it('reports rows it cannot use', () => {
    expect(parseCategoryMap('section,category\nTin địa phương\n', 'map.csv').problems).toMatchInlineSnapshot(`
      [
        "map.csv:2: lỗi: cần hai cột "chuyên mục cũ,chuyên mục"",
      ]
    `);
    expect(parseCategoryMap('- Tin tức\n', 'map.yml').problems).toMatchInlineSnapshot(`
      [
        "map.yml: lỗi: cần các dòng "chuyên mục cũ: chuyên mục"",
      ]
    `);
  });
});

describe('createSectionResolver', () => {
  const resolve = createSectionResolver(CATEGORIES, new Map([['tindiaphuong', 'Tin tức']]));

  it('finds a registered category by name or slug, whatever the case and accents', () => {
    expect(resolve('Tin tức')).toEqual({ ok: true, category: CATEGORIES[1] });
    expect(resolve('TIN TỨC')).toEqual({ ok: true, category: CATEGORIES[1] });
    expect(resolve('VĂN HOÁ - XÃ HỘI')).toEqual({ ok: true, category: CATEGORIES[2] });
    expect(resolve('thoi-su')).toEqual({ ok: true, category: CATEGORIES[0] });
  });

  it('maps old sections through the table', () => {
    expect(resolve('Tin Địa Phương')).toEqual({ ok: true, category: CATEGORIES[1] });
  });

  it('names the nearest registered category for an unknown section', () => {
    const broken = createSectionResolver(CATEGORIES, new Map([['tindiaphuong', 'Tin địa phương mới']]));
    expect([resolve('Thể thao'), broken('Tin địa phương')]).toMatchInlineSnapshot(`
      [
        {
          "ok": false,
          "reason": "chuyên mục "Thể thao" chưa được khai báo; gần nhất là "Thời sự". Khai báo nó trong content/categories.yaml hoặc chuyển nó sang một chuyên mục có sẵn bằng --category-map",
        },
        {
          "ok": false,
          "reason": "bảng chuyển chuyên mục đưa "Tin địa phương" vào "Tin địa phương mới", nhưng "Tin địa phương mới" chưa được khai báo trong content/categories.yaml",
        },
      ]
    `);
  });
});

describe('parseAliasCsv', () => {
  it('reads rows of input file and old URL, keyed by file name', () => {
    const csv = 'tệp đầu vào,đường dẫn cũ\ninput/a.txt,https://lamdongtv.vn/tin-tuc/a-1.html\nC:\\luu\\b.txt,/tin/b\n';
    expect(parseAliasCsv(csv, 'urls.csv')).toEqual({
      value: [
        { input: 'a.txt', url: 'https://lamdongtv.vn/tin-tuc/a-1.html', line: 2 },
        { input: 'b.txt', url: '/tin/b', line: 3 },
      ],
      problems: [],
    });
  });

  it('reports rows that are not an input and a URL', () => {
    const csv = 'a.txt,/tin/a\nb.txt,tin/b\nc.txt\n"d.txt,/x\n';
    expect(parseAliasCsv(csv, 'urls.csv').problems).toMatchInlineSnapshot(`
      [
        "urls.csv: lỗi: không đọc được CSV (Quote Not Closed: the parsing is finished with an opening quote at line 4)",
      ]
    `);
    const rows =
      'a.txt,/tin/a\nb.txt,tin/b\nc.txt\nd.txt,https://lamdongtv.vn/tin/a\na.txt,http://lamdongtv.vn/tin/a\n';
    const table = parseAliasCsv(rows, 'urls.csv');
    expect(table.value).toEqual([{ input: 'a.txt', url: '/tin/a', line: 1 }]);
    expect(table.problems).toMatchInlineSnapshot(`
      [
        "urls.csv:2: lỗi: "tin/b" không phải đường dẫn (cần bắt đầu bằng / hoặc http(s)://)",
        "urls.csv:3: lỗi: cần hai cột "tệp đầu vào,đường dẫn cũ"",
        "urls.csv:4: lỗi: đường dẫn cũ "/tin/a" đã gắn với a.txt ở dòng 1",
      ]
    `);
  });
});
