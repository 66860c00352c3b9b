import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanLines, furnitureKind, parseOldPage, readByline } from '../../src/lib/import/page.ts';

const INPUT = path.resolve(import.meta.dirname, '../fixtures/import/input');
const read = (name: string) => readFileSync(path.join(INPUT, name), 'utf8');

const page = (lines: string[]) => lines.join('\n');

describe('cleanLines', () => {
  it('normalises line ends, NFC, odd spaces and invisible characters, and drops empty lines', () => {
    const text = '\ufeffTin tức\r\n\r\n\t  Cụm  thi\u00a0đua\u200b \r\nLạt'.normalize('NFD');
    expect(cleanLines(text)).toEqual(['Tin tức', 'Cụm thi đua', 'Lạt']);
  });
});

describe('furnitureKind', () => {
  it('finds where the article ends: share line, comment form, comment count of any number', () => {
    expect(furnitureKind('Thích và chia sẻ bài viết qua')).toBe('end');
    expect(furnitureKind('Nhập bình luận của bạn:')).toBe('end');
    expect(furnitureKind('Ý kiến bạn đọc (0)')).toBe('end');
    expect(furnitureKind('Ý kiến bạn đọc (12)')).toBe('end');
    expect(furnitureKind('Ý kiến bạn đọc (5)'.normalize('NFD'))).toBe('end');
  });

  it('recognises advertising slots but not a sentence about advertising', () => {
    expect(furnitureKind('Quảng cáo trang chủ, cột giữa Quảng cáo trang nội dung, cột giữa')).toBe('ad');
    expect(furnitureKind('Quảng cáo trang chủ, cột giữa')).toBe('ad');
    expect(furnitureKind('Quảng cáo')).toBe('ad');
    expect(furnitureKind('Quảng cáo sai sự thật về thực phẩm chức năng bị xử phạt')).toBeUndefined();
    expect(furnitureKind('Tại hội nghị, lãnh đạo các địa phương đã tập trung thảo luận')).toBeUndefined();
  });
});

describe('readByline', () => {
  it('reads one or several names, initials and labelled bylines', () => {
    expect(readByline('Lô Thanh')).toEqual(['Lô Thanh']);
    expect(readByline('PV')).toEqual(['PV']);
    expect(readByline('Minh Đức - Hoàng Yến')).toEqual(['Minh Đức', 'Hoàng Yến']);
    expect(readByline('Minh Đức, Hoàng Yến và K’Dương')).toEqual(['Minh Đức', 'Hoàng Yến', 'K’Dương']);
    expect(readByline('Bài, ảnh: Ngọc Hà')).toEqual(['Ngọc Hà']);
    expect(readByline('Nguyễn Văn A (Trung tâm Y tế)')).toEqual(['Nguyễn Văn A (Trung tâm Y tế)']);
  });

  it('leaves body sentences alone', () => {
    expect(readByline('Hội nghị kết thúc./.')).toBeUndefined();
    expect(readByline('Ban tổ chức trao giải nhất cho đội phường Lộc Phát')).toBeUndefined();
    expect(readByline('Theo Báo Lâm Đồng')).toBeUndefined();
    expect(readByline('(Lamdongtv.vn) - Chiều ngày 6/5')).toBeUndefined();
  });
});

describe('parseOldPage', () => {
  it('reads the seed: section, title, dateline, source, lead, body and byline, without furniture', () => {
    const result = parseOldPage(read('000_01855cfa11249e32.txt'));
    if (!result.ok) throw new Error(result.reason);
    const { page: seed } = result;
    expect({ ...seed, paragraphs: seed.paragraphs.map((p) => p.split(',')[0]) }).toEqual({
      section: 'Tin tức',
      title: 'Cụm thi đua số 1 ký kết giao ước thi đua năm 2022',
      dateline: 'Thứ tư, 11/05/2022 - 06:49',
      date: new Date('2022-05-11T06:49:00+07:00'),
      source: 'Lamdongtv.vn',
      summary:
        'Chiều ngày 6/5, tại TP Đà Lạt, Cụm thi đua số 1 bao gồm: TP Đà Lạt, TP Bảo Lộc, huyện Đức Trọng và Di Linh đã tiến hành hội nghị ký kết giao ước thi đua năm 2022',
      paragraphs: ['Tại hội nghị', 'Phát hiện'],
      authors: ['Lô Thanh'],
    });
    expect(seed.paragraphs.at(-1)).toMatch(/Cụm thi đua số 1 tỉnh Lâm Đồng\.\/\.$/);
  });

  it('reads an unpadded dateline among extra blank lines and leading spaces', () => {
    const result = parseOldPage(read('104_ngay_khong_so_0.txt'));
    expect(result).toMatchObject({
      ok: true,
      page: {
        section: 'VĂN HOÁ - XÃ HỘI',
        title: 'Hội thi tiếng hát người cao tuổi thành phố Bảo Lộc',
        dateline: 'Chủ nhật, 3/12/2023 - 19:30',
        date: new Date('2023-12-03T19:30:00+07:00'),
        authors: ['Ngọc Hà'],
      },
    });
  });

  it('drops the comments under a non-zero comment count and ad slots inside the body', () => {
    const result = parseOldPage(read('106_binh_luan.txt'));
    expect(result).toMatchObject({
      ok: true,
      page: {
        paragraphs: [
          'Tuyến dài 7 km, đi qua những đồi thông hơn 100 năm tuổi.',
          'Du khách được hướng dẫn viên là người đồng bào K’Ho địa phương đồng hành.',
        ],
        authors: ['Thanh Tâm'],
      },
    });
  });

  it('keeps the last paragraph when there is no byline', () => {
    const result = parseOldPage(read('105_khong_tac_gia.txt'));
    expect(result).toMatchObject({
      ok: true,
      page: {
        authors: [],
        paragraphs: ['Kỳ họp đã thông qua 8 nghị quyết quan trọng về kinh tế - xã hội của địa phương./.'],
      },
    });
  });

  it('keeps a lead without the (Source) prefix in the body', () => {
    const result = parseOldPage(page(['Tin tức', 'Tiêu đề', 'Thứ tư, 11/05/2022 - 06:49', 'Đoạn đầu.', 'Lô Thanh']));
    expect(result).toMatchObject({
      ok: true,
      page: { source: undefined, summary: undefined, paragraphs: ['Đoạn đầu.'] },
    });
  });

  it('joins a title wrapped over two lines', () => {
    const result = parseOldPage(page(['Tin tức', 'Một tiêu đề rất dài', 'bị ngắt dòng', '11/05/2022 06:49', 'PV']));
    expect(result).toMatchObject({ ok: true, page: { title: 'Một tiêu đề rất dài bị ngắt dòng', authors: ['PV'] } });
  });

  it('explains, in Vietnamese, why a page cannot be imported', () => {
    const reasons = [
      read('111_khong_ngay.txt'),
      read('112_khong_tieu_de.txt'),
      read('117_sai_thu.txt'),
      page(['Thứ tư, 11/05/2022 - 06:49', 'Thân bài.']),
      page(['Tin tức', 'Tiêu đề', 'Thứ hai, 31/02/2022 - 06:49']),
      ' \n\n',
    ].map((text) => {
      const result = parseOldPage(text);
      return result.ok ? 'ok' : result.reason;
    });
    expect(reasons).toMatchInlineSnapshot(`
      [
        "không tìm thấy dòng ngày tháng (dạng "Thứ tư, 11/05/2022 - 06:49") ở đầu tệp",
        "không tìm thấy tiêu đề: trước dòng ngày tháng chỉ có một dòng ("Tin tức"), cần dòng chuyên mục rồi dòng tiêu đề",
        "dòng ngày tháng "Thứ hai, 11/05/2022 - 06:49" sai: ngày 11/05/2022 là Thứ tư, không phải Thứ hai",
        "không có dòng chuyên mục và tiêu đề trước dòng ngày tháng",
        "dòng ngày tháng "Thứ hai, 31/02/2022 - 06:49" sai: tháng 2/2022 không có ngày 31",
        "tệp trống",
      ]
    `);
  });
});
