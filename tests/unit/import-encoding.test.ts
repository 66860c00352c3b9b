import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeSave, encodeWindows1258, readsAsVietnamese, vietnameseShare } from '../../src/lib/import/encoding.ts';
import { encodeVni } from '../../src/lib/import/vni.ts';

const INPUT = path.resolve(import.meta.dirname, '../fixtures/import/input');
const SAMPLE = 'Thứ tư, 11/05/2022 - 06:49\nCụm thi đua số 1 ký kết giao ước thi đua năm 2022 tại Đà Lạt, Lâm Đồng';

describe('decodeSave', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    expect(decodeSave(Buffer.from(SAMPLE, 'utf8'))).toEqual({ ok: true, text: SAMPLE, encoding: 'utf-8' });
    expect(decodeSave(Buffer.from(`\ufeff${SAMPLE}`, 'utf8'))).toEqual({
      ok: true,
      text: SAMPLE,
      encoding: 'utf-8-bom',
    });
  });

  it('composes decomposed (NFD) text to NFC', () => {
    const result = decodeSave(Buffer.from(SAMPLE.normalize('NFD'), 'utf8'));
    expect(result).toEqual({ ok: true, text: SAMPLE, encoding: 'utf-8' });
  });

  it('reads UTF-16 in both byte orders, with a BOM or recognised by its NUL bytes', () => {
    const le = iconv.encode(SAMPLE, 'utf-16le');
    const be = iconv.encode(SAMPLE, 'utf-16be');
    expect(decodeSave(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toMatchObject({
      text: SAMPLE,
      encoding: 'utf-16le',
    });
    expect(decodeSave(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({
      text: SAMPLE,
      encoding: 'utf-16be',
    });
    expect(decodeSave(le)).toMatchObject({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeSave(be)).toMatchObject({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('converts Windows-1258, whose tone marks are separate characters, to NFC', () => {
    const result = decodeSave(encodeWindows1258(SAMPLE));
    expect(result).toEqual({ ok: true, text: SAMPLE, encoding: 'windows-1258' });
  });

  it('reads VNI, whose bytes are also valid Windows-1258, and refuses TCVN3 rather than guess', () => {
    expect(decodeSave(encodeVni(SAMPLE))).toEqual({ ok: true, text: SAMPLE, encoding: 'vni' });
    expect(decodeSave(readFileSync(path.join(INPUT, '110_vni.txt')))).toMatchObject({ ok: true, encoding: 'vni' });
    // TCVN3 (ABC) "Thứ tư, Đà Lạt": Windows-1258 and VNI both decode the bytes, but not to Vietnamese.
    const tcvn3 = Buffer.from([0x54, 0x68, 0xf8, 0x20, 0x74, 0xad, 0x2c, 0x20, 0xa7, 0xb5, 0x20, 0x4c, 0xb9, 0x74]);
    expect(decodeSave(tcvn3)).toMatchInlineSnapshot(`
      {
        "ok": false,
        "reason": "tệp không phải UTF-8 và không đọc được theo Windows-1258 hay VNI; có thể là bảng mã TCVN3 (ABC). Hãy chuyển tệp sang Unicode UTF-8 (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nhập lại",
      }
    `);
  });

  it('turns VNI once opened as Latin-1 and saved as UTF-8 back into Vietnamese', () => {
    const mojibake = Buffer.from(encodeVni(SAMPLE).toString('latin1'), 'utf8');
    expect(decodeSave(mojibake)).toEqual({ ok: true, text: SAMPLE, encoding: 'vni-latin1' });
    const fixture = decodeSave(readFileSync(path.join(INPUT, '119_vni_mo_bang_latin1.txt')));
    expect(fixture).toMatchObject({ ok: true, encoding: 'vni-latin1' });
    expect(fixture.ok && fixture.text).toContain('Hội nghị tổng kết công tác thi đua khen thưởng năm 2023');
  });

  it('refuses text that is not Vietnamese syllables and cannot be turned back', () => {
    expect(decodeSave(readFileSync(path.join(INPUT, '120_vni_sua_mot_nua.txt')))).toMatchInlineSnapshot(`
      {
        "ok": false,
        "reason": "chữ trong tệp không đọc được thành tiếng Việt: 63 trong 72 từ có dấu không phải âm tiết tiếng Việt (ví dụ "töùc", "coâng", "taùc"); có thể tệp đã bị mở bằng sai bảng mã rồi lưu lại. Cần bản lưu gốc, hoặc chuyển lại bảng mã (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nhập lại",
      }
    `);
  });

  it('refuses a save that was already double-encoded, or has lost characters', () => {
    expect(decodeSave(readFileSync(path.join(INPUT, '118_mojibake.txt')))).toMatchInlineSnapshot(`
      {
        "ok": false,
        "reason": "chữ trong tệp đã bị hỏng mã từ trước (có "á»", kiểu "Thá»© tÆ°" thay cho "Thứ tư"); cần bản lưu gốc",
      }
    `);
    expect(decodeSave(Buffer.from('Th\ufffd t\u01b0', 'utf8'))).toMatchInlineSnapshot(`
      {
        "ok": false,
        "reason": "tệp có ký tự hỏng (�): bản lưu đã mất chữ ở những chỗ đó; cần bản lưu gốc",
      }
    `);
    expect(decodeSave(Buffer.from([0xef, 0xbb, 0xbf, 0x54, 0xff])).ok).toBe(false);
  });
});

describe('vietnameseShare', () => {
  it('is 1 for Vietnamese and typography, far lower for VNI read as Windows-1258', () => {
    expect(vietnameseShare(`${SAMPLE} “trích” – 5 ₫`)).toBe(1);
    expect(vietnameseShare('plain ASCII')).toBe(1);
    expect(vietnameseShare('Thöù tö, Cuïm thi ñua')).toBeLessThan(0.5);
  });
});

describe('readsAsVietnamese', () => {
  it('lets foreign names and acronyms through, not text decoded with the wrong table', () => {
    expect(readsAsVietnamese(SAMPLE)).toBe(true);
    expect(readsAsVietnamese(`${SAMPLE}. ${SAMPLE}: Müller, José và Pokémon ở HĐND`)).toBe(true);
    expect(readsAsVietnamese('English only: Festival, COVID-19, 2022')).toBe(true);
    expect(readsAsVietnamese(encodeVni(SAMPLE).toString('latin1'))).toBe(false);
  });
});

describe('encodeWindows1258', () => {
  it('writes letters without their own code point as base letter plus tone mark', () => {
    expect(encodeWindows1258('Thứ')).toEqual(Buffer.from([0x54, 0x68, 0xfd, 0xec]));
    // ộ: NFD puts the dot below before the circumflex; the table has ô, so ô + dot below.
    expect(encodeWindows1258('ộ')).toEqual(Buffer.from([0xf4, 0xf2]));
    expect(iconv.decode(encodeWindows1258(SAMPLE), 'cp1258').normalize('NFC')).toBe(SAMPLE);
  });

  it('refuses characters the table cannot hold', () => {
    expect(() => encodeWindows1258('漢')).toThrow('"漢" has no Windows-1258 form');
  });
});
