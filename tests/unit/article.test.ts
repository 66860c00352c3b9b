import { describe, expect, it } from 'vitest';
import { fileSlug, parseArticle } from '../../src/lib/article.ts';
import { formatIssueReport } from '../../src/lib/content-issues.ts';
import type { Category } from '../../src/lib/schema.ts';

const CATEGORIES: Category[] = [
  { name: 'Thời sự', slug: 'thoi-su', description: '', order: 1 },
  { name: 'Tin tức', slug: 'tin-tuc', description: '', order: 2 },
  { name: 'Du lịch', slug: 'du-lich', description: '', order: 3 },
];

describe('parseArticle', () => {
  it('parses a valid article into data, body and field lines', () => {
    const source = [
      '---',
      'tiêu đề: Cụm thi đua số 1 ký kết giao ước thi đua năm 2022',
      'ngày: Thứ tư, 11/05/2022 - 06:49',
      'tác giả: Lô Thanh',
      'chuyên mục: Tin tức',
      'từ khóa: [thi đua, Đà Lạt]',
      'ảnh:',
      '  đường dẫn: images/hoi-nghi.jpg',
      '  mô tả ảnh: Quang cảnh hội nghị',
      '---',
      '',
      'Tại hội nghị…',
    ].join('\n');
    const result = parseArticle('content/articles/2022/Cụm thi đua số 1.md', source, CATEGORIES);
    expect(result).toEqual({
      ok: true,
      article: {
        file: 'content/articles/2022/Cụm thi đua số 1.md',
        data: {
          title: 'Cụm thi đua số 1 ký kết giao ước thi đua năm 2022',
          date: new Date('2022-05-10T23:49:00Z'),
          authors: ['Lô Thanh'],
          category: 'tin-tuc',
          summary: undefined,
          tags: ['thi đua', 'Đà Lạt'],
          image: { src: 'images/hoi-nghi.jpg', alt: 'Quang cảnh hội nghị', caption: undefined, credit: undefined },
          source: undefined,
          updated: undefined,
          draft: false,
          slug: 'cum-thi-dua-so-1',
          aliases: [],
        },
        body: 'Tại hội nghị…',
        bodyLine: 12,
        fieldLines: { title: 2, date: 3, author: 4, category: 5, tags: 6, image: 7 },
      },
    });
  });

  it('reports every problem of every file, each with its line, in one Vietnamese report', () => {
    const manyErrors = [
      '---',
      'tiêu đề: Cụm thi đua số 1 ký kết giao ước thi đua năm 2022',
      'title: Cụm thi đua số 1',
      'ngày: 31/02/2022 06:49',
      'chuyên mục: Thoi su tinh nha',
      'đường dẫn: Cụm Thi Đua',
      'nháp: có lẽ',
      'tac gai: Lô Thanh',
      '---',
      'Bài.',
    ].join('\n');
    const wrongWeekday = [
      '---',
      'tiêu đề: Giải việt dã Đà Lạt mở rộng',
      'ngày: Thứ năm, 11/05/2022 - 06:49',
      'tác giả: Minh Đức',
      'chuyên mục: Du lịch',
      'ảnh:',
      '  đường dẫn: images/viet-da.jpg',
      '  chu thichh: Vận động viên xuất phát',
      '---',
      'Bài.',
    ].join('\n');
    const a = parseArticle('content/articles/2022/cum-thi-dua.md', manyErrors, CATEGORIES);
    const b = parseArticle('content/articles/2022/viet-da.md', wrongWeekday, CATEGORIES);
    expect(a.ok).toBe(false);
    expect(b.ok).toBe(false);
    const issues = [...(a.ok ? [] : a.issues), ...(b.ok ? [] : b.issues)];
    expect(formatIssueReport(issues)).toMatchInlineSnapshot(`
      "content/articles/2022/cum-thi-dua.md:1: lỗi ở trường "tác giả": thiếu tác giả. Cần: một tên (Lô Thanh) hoặc danh sách tên ([Minh Đức, Hoàng Yến]).
      content/articles/2022/cum-thi-dua.md:3: lỗi ở trường "title": trùng với "tiêu đề" ở dòng 2 (cùng là tiêu đề). Cần: mỗi trường chỉ ghi một lần.
      content/articles/2022/cum-thi-dua.md:4: lỗi ở trường "ngày", giá trị "31/02/2022 06:49": tháng 2/2022 không có ngày 31. Cần: ISO 8601 (2022-05-11T06:49:00+07:00 hoặc 2022-05-11 06:49), dd/mm/yyyy HH:mm (11/05/2022 06:49), d/m/yyyy (11/5/2022) hoặc dòng ngày tháng của trang cũ (Thứ tư, 11/05/2022 - 06:49).
      content/articles/2022/cum-thi-dua.md:5: lỗi ở trường "chuyên mục", giá trị "Thoi su tinh nha": chuyên mục chưa được khai báo; gần nhất là "Thời sự". Cần: tên một chuyên mục có trong content/categories.yaml.
      content/articles/2022/cum-thi-dua.md:6: lỗi ở trường "đường dẫn", giá trị "Cụm Thi Đua": đường dẫn chưa đúng dạng; có thể dùng "cum-thi-dua". Cần: chữ thường không dấu, số và dấu gạch ngang, tối đa 100 ký tự (cum-thi-dua-so-1).
      content/articles/2022/cum-thi-dua.md:7: lỗi ở trường "nháp", giá trị "có lẽ": không phải đúng/sai. Cần: true hoặc false (có/không).
      content/articles/2022/cum-thi-dua.md:8: lỗi ở trường "tac gai", giá trị "Lô Thanh": khóa không rõ; có phải "author" (tác giả)? Cần: một trong: title (tiêu đề), date (ngày), author (tác giả), category (chuyên mục), summary (tóm tắt), tags (từ khóa), image (ảnh), source (nguồn), updated (cập nhật), draft (nháp), slug (đường dẫn), aliases (đường dẫn cũ), video (video).
      content/articles/2022/viet-da.md:3: lỗi ở trường "ngày", giá trị "Thứ năm, 11/05/2022 - 06:49": ngày 11/05/2022 là Thứ tư, không phải Thứ năm. Cần: ISO 8601 (2022-05-11T06:49:00+07:00 hoặc 2022-05-11 06:49), dd/mm/yyyy HH:mm (11/05/2022 06:49), d/m/yyyy (11/5/2022) hoặc dòng ngày tháng của trang cũ (Thứ tư, 11/05/2022 - 06:49).
      content/articles/2022/viet-da.md:6: lỗi ở trường "ảnh.chu thichh": khóa không rõ trong ảnh; có phải "caption"? Cần: src, alt, caption, credit (đường dẫn, mô tả ảnh, chú thích, tác giả ảnh).

      9 lỗi trong 2 tệp."
    `);
  });

  it('reports a YAML error alone, without schema noise', () => {
    const result = parseArticle('content/articles/a.md', '---\ntiêu đề: [Đà Lạt\n---\nBài.', CATEGORIES);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : formatIssueReport(result.issues)).toMatchInlineSnapshot(`
      "content/articles/a.md:2: lỗi: YAML không đọc được (Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 17:). Cần: mỗi dòng có dạng "khóa: giá trị"; giá trị có dấu ":" thì đặt trong ngoặc kép.

      1 lỗi trong 1 tệp."
    `);
  });

  it('reports each missing required field', () => {
    const result = parseArticle('content/articles/a.md', '---\nsapo: Chỉ có sapo\n---\nBài.', CATEGORIES);
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toMatchInlineSnapshot(`
      [
        "thiếu tiêu đề",
        "thiếu ngày",
        "thiếu tác giả",
        "thiếu chuyên mục",
      ]
    `);
  });

  it('tells the journalist that an image needs a file path', () => {
    const source = [
      '---',
      'tiêu đề: Đà Lạt',
      'ngày: 11/05/2022',
      'tác giả: Lô Thanh',
      'chuyên mục: Thời sự',
      'ảnh:',
      '  chú thích: Quang cảnh hội nghị',
      '---',
      'Bài.',
    ].join('\n');
    const result = parseArticle('content/articles/da-lat.md', source, CATEGORIES);
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.issues.map((issue) => issue.message);
    // schema.ts defines this message for the case; a bare "sai kiểu giá trị" does not say what is missing.
    expect(messages).toContain('ảnh cần đường dẫn tệp (src)');
  });

  it('reads an article saved in decomposed (NFD) form with Windows line endings', () => {
    const source =
      '\uFEFF---\r\ntiêu đề: Đà Lạt\r\nngày: 11/05/2022\r\ntác giả: Lô Thanh\r\nchuyên mục: Thời sự\r\n---\r\nBài.';
    const result = parseArticle('content/articles/da-lat.md', source.normalize('NFD'), CATEGORIES);
    expect(result.ok && result.article.data).toMatchObject({
      title: 'Đà Lạt',
      authors: ['Lô Thanh'],
      category: 'thoi-su',
      slug: 'da-lat',
    });
    expect(result.ok && result.article.body).toBe('Bài.');
  });
});

describe('fileSlug', () => {
  it('folds the file name without its extension into a slug', () => {
    expect(fileSlug('content/articles/2022/Cụm thi đua.md')).toBe('cum-thi-dua');
    expect(fileSlug('content/articles/2022/cum-thi-dua-so-1.MD')).toBe('cum-thi-dua-so-1');
  });

  it('ignores the folders', () => {
    expect(fileSlug('content/articles/2019/Đà Lạt/festival-hoa.md')).toBe('festival-hoa');
    expect(fileSlug('festival-hoa.md')).toBe('festival-hoa');
  });

  it('folds a decomposed (NFD) file name like an NFC one', () => {
    expect(fileSlug('content/articles/Đường đến Đà Lạt.md'.normalize('NFD'))).toBe('duong-den-da-lat');
  });
});
