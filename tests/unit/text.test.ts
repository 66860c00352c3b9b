import { describe, expect, it } from 'vitest';
import { editDistance, findForbiddenCharacter, foldVietnamese, nearest, toNfc } from '../../src/lib/text.ts';

describe('toNfc', () => {
  it('recomposes decomposed (NFD) Vietnamese into the stored NFC form', () => {
    const decomposed = 'Đà Lạt, Hoà Bình, Bảo Lộc'.normalize('NFD');
    expect(decomposed).not.toBe('Đà Lạt, Hoà Bình, Bảo Lộc');
    expect(toNfc(decomposed)).toBe('Đà Lạt, Hoà Bình, Bảo Lộc');
  });

  it('leaves text that is already NFC unchanged', () => {
    expect(toNfc('Thứ tư, 11/05/2022')).toBe('Thứ tư, 11/05/2022');
  });
});

describe('foldVietnamese', () => {
  it('strips tones and vowel marks and lowercases', () => {
    expect(foldVietnamese('Cụm Thi Đua Số 1 Ở Lâm Đồng')).toBe('cum thi dua so 1 o lam dong');
  });

  it('maps đ and Đ to d', () => {
    expect(foldVietnamese('đường Đinh Tiên Hoàng')).toBe('duong dinh tien hoang');
  });

  it('gives the same result for NFD input as for NFC input', () => {
    const nfc = 'Nguyễn Thị Hồng Nhung, Đắk Lắk';
    expect(foldVietnamese(nfc.normalize('NFD'))).toBe(foldVietnamese(nfc));
    expect(foldVietnamese(nfc.normalize('NFD'))).toBe('nguyen thi hong nhung, dak lak');
  });

  it('folds old-style and new-style tone placement to the same text', () => {
    expect(foldVietnamese('hòa')).toBe(foldVietnamese('hoà'));
    expect(foldVietnamese('Thủy')).toBe(foldVietnamese('Thuỷ'));
    expect(foldVietnamese('hoà')).toBe('hoa');
  });

  it('keeps punctuation and digits', () => {
    expect(foldVietnamese('Văn hóa - Xã hội: 2024!')).toBe('van hoa - xa hoi: 2024!');
  });
});

describe('editDistance', () => {
  it('is 0 for identical strings', () => {
    expect(editDistance('tac gia', 'tac gia')).toBe(0);
  });

  it('counts a swapped pair of letters as two edits', () => {
    expect(editDistance('tac gia', 'tac gai')).toBe(2);
  });

  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('sapo', 'sapô'.normalize('NFC'))).toBe(1);
  });

  it('is symmetric', () => {
    expect(editDistance('chuyen muc', 'chuyenmuc')).toBe(editDistance('chuyenmuc', 'chuyen muc'));
  });
});

describe('nearest', () => {
  it('picks the closest candidate', () => {
    expect(nearest('tac gai', ['tieu de', 'tac gia', 'chuyen muc'])).toBe('tac gia');
  });

  it('returns undefined when nothing is reasonably close', () => {
    expect(nearest('hoang hon', ['tac gia', 'tieu de'])).toBeUndefined();
  });

  it('returns undefined for an empty candidate list', () => {
    expect(nearest('tac gia', [])).toBeUndefined();
  });

  it('accepts a custom maximum distance', () => {
    expect(nearest('the thao', ['thoi su', 'du lich'], 1)).toBeUndefined();
    expect(nearest('xyz', ['thoi su', 'xa hoi'])).toBeUndefined();
    expect(nearest('xyz', ['thoi su', 'xa hoi'], Infinity)).toBe('xa hoi');
  });

  it('prefers the earlier candidate on a tie', () => {
    expect(nearest('ab', ['ax', 'xb'])).toBe('ax');
  });
});

describe('findForbiddenCharacter', () => {
  it('lets Vietnamese text, tabs and line feeds through', () => {
    expect(findForbiddenCharacter('Đà Lạt\tmới\nthủy lợi — “trích dẫn” 😀')).toBeUndefined();
  });

  it('finds controls, undecodable bytes, lone surrogates and noncharacters', () => {
    const found = [
      'a\u0000',
      'a\u000B',
      'a\u007F',
      'a\u0085',
      'a\uFFFD',
      'a\uD800b',
      'a\uFFFE',
      'a\uFDD0',
      'a\u{10FFFF}',
    ].map((text) => findForbiddenCharacter(text));
    expect(found.map((item) => `${item?.index} ${item?.description}`)).toEqual([
      '1 ký tự điều khiển U+0000',
      '1 ký tự điều khiển U+000B',
      '1 ký tự điều khiển U+007F',
      '1 ký tự điều khiển U+0085',
      '1 byte không phải UTF-8 hợp lệ (hiện thành ký tự �)',
      '1 nửa cặp ký tự UTF-16 lẻ U+D800',
      '1 ký tự không dùng được U+FFFE',
      '1 ký tự không dùng được U+FDD0',
      '1 ký tự không dùng được U+10FFFF',
    ]);
  });
});
