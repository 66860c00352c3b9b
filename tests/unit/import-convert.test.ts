import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArticleFile, convertSave, DEFAULT_AUTHOR, encodingName } from '../../src/lib/import/convert.ts';
import { createSectionResolver } from '../../src/lib/import/mappings.ts';
import { MAX_SLUG_LENGTH } from '../../src/lib/import/naming.ts';
import type { Category } from '../../src/lib/schema.ts';

const INPUT = path.resolve(import.meta.dirname, '../fixtures/import/input');
const CATEGORIES: Category[] = [
  { name: 'Thời sự', slug: 'thoi-su', description: '', order: 1 },
  { name: 'Tin tức', slug: 'tin-tuc', description: '', order: 2 },
];
const context = { resolveSection: createSectionResolver(CATEGORIES), defaultAuthor: DEFAULT_AUTHOR, aliases: [] };
const convert = (name: string, aliases: string[] = []) =>
  convertSave(readFileSync(path.join(INPUT, name)), name, { ...context, aliases });

describe('encodingName', () => {
  it('names encodings for the report', () => {
    expect(encodingName('utf-16le')).toBe('UTF-16 LE');
    expect(encodingName('windows-1258')).toBe('Windows-1258');
    expect(encodingName('vni-latin1')).toBe('VNI đã bị mở nhầm bằng Latin-1');
  });
});

describe('convertSave', () => {
  it('turns the seed into the article to write', () => {
    const result = convert('000_01855cfa11249e32.txt', ['/tin-tuc/a.html']);
    if (!result.ok) throw new Error(result.reason);
    expect(result).toMatchObject({
      slug: 'cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022',
      encoding: 'utf-8',
      warnings: [],
      article: {
        origin: '000_01855cfa11249e32.txt',
        title: 'Cụm thi đua số 1 ký kết giao ước thi đua năm 2022',
        date: new Date('2022-05-11T06:49:00+07:00'),
        authors: ['Lô Thanh'],
        category: 'Tin tức',
        source: 'Lamdongtv.vn',
        aliases: ['/tin-tuc/a.html'],
      },
    });
    expect(result.article.summary).toMatch(/^Chiều ngày 6\/5, tại TP Đà Lạt/);
  });

  it('falls back to the default author, with a warning, when the page has no byline', () => {
    const result = convert('105_khong_tac_gia.txt');
    expect(result).toMatchObject({ ok: true, article: { authors: ['Ban biên tập'] } });
    expect(result.ok && result.warnings).toMatchInlineSnapshot(`
      [
        "không có dòng tác giả; ghi tác giả là "Ban biên tập"",
      ]
    `);
  });

  it('reports the encoding it converted from', () => {
    expect(convert('109_windows1258.txt')).toMatchObject({
      ok: true,
      encoding: 'windows-1258',
      article: { title: 'Đức Trọng tổ chức Ngày hội Đại đoàn kết toàn dân tộc', authors: ['Quốc Tuấn'] },
    });
    expect(convert('110_vni.txt')).toMatchObject({
      ok: true,
      encoding: 'vni',
      article: { title: 'Di Linh khởi công đường giao thông nông thôn ở xã Gia Hiệp', authors: ['Đình Bảo'] },
    });
    expect(convert('119_vni_mo_bang_latin1.txt')).toMatchObject({
      ok: true,
      encoding: 'vni-latin1',
      article: { title: 'Hội nghị tổng kết công tác thi đua khen thưởng năm 2023', authors: ['Ngọc Hà'] },
    });
  });

  it('shortens the slug of a long title at a hyphen, with a warning', () => {
    const result = convert('121_tieu_de_rat_dai.txt');
    if (!result.ok) throw new Error(result.reason);
    expect(result.slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(result.warnings).toMatchInlineSnapshot(`
      [
        "tiêu đề dài nên đường dẫn được rút gọn còn 99 ký tự (tối đa 100): "lam-dong-day-manh-phat-trien-nong-nghiep-ung-dung-cong-nghe-cao-gan-voi-chuyen-doi-so-day-manh-phat"",
      ]
    `);
  });

  it('fails with the reason of whichever step refused the file', () => {
    const reasons = ['120_vni_sua_mot_nua.txt', '111_khong_ngay.txt', '116_chuyen_muc_la.txt'].map((name) => {
      const result = convert(name);
      return result.ok ? 'ok' : result.reason;
    });
    expect(reasons).toMatchInlineSnapshot(`
      [
        "chữ trong tệp không đọc được thành tiếng Việt: 63 trong 72 từ có dấu không phải âm tiết tiếng Việt (ví dụ "töùc", "coâng", "taùc"); có thể tệp đã bị mở bằng sai bảng mã rồi lưu lại. Cần bản lưu gốc, hoặc chuyển lại bảng mã (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nhập lại",
        "không tìm thấy dòng ngày tháng (dạng "Thứ tư, 11/05/2022 - 06:49") ở đầu tệp",
        "chuyên mục "Thể thao" chưa được khai báo; gần nhất là "Thời sự". Khai báo nó trong content/categories.yaml hoặc chuyển nó sang một chuyên mục có sẵn bằng --category-map",
      ]
    `);
    const untitled = convertSave(Buffer.from('Tin tức\n…\n11/05/2022 06:49\nPV'), 'x.txt', context);
    expect(untitled).toEqual({ ok: false, reason: 'tiêu đề "…" không tạo được đường dẫn (không có chữ hoặc số)' });
  });
});

describe('checkArticleFile', () => {
  it('passes a valid article and lists the schema problems of a bad one', () => {
    const valid = '---\ntitle: A\ndate: 2022-05-11T06:49:00+07:00\nauthor: PV\ncategory: Tin tức\n---\n\nB\n';
    expect(checkArticleFile('content/articles/2022/a.md', valid, CATEGORIES)).toBeUndefined();
    const bad = valid.replace('category: Tin tức', 'category: Thể thao\naliases: [khong-phai-url]');
    expect(checkArticleFile('content/articles/2022/a.md', bad, CATEGORIES)).toMatchInlineSnapshot(`
      "content/articles/2022/a.md:5: lỗi ở trường "category", giá trị "Thể thao": chuyên mục chưa được khai báo; gần nhất là "Thời sự". Cần: tên một chuyên mục có trong content/categories.yaml.
      content/articles/2022/a.md:6: lỗi ở trường "aliases", giá trị ["khong-phai-url"]: "khong-phai-url" không phải đường dẫn. Cần: danh sách đường dẫn thật của trang cũ, bắt đầu bằng / hoặc http(s)://, không có *, :biến, khoảng trắng, "." hay ".."."
    `);
  });
});
