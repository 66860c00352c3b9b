import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSyllables, isVietnameseSyllable } from '../../src/lib/vietnamese-syllables.ts';
import { encodeVni } from '../../src/lib/import/vni.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every Markdown article of the sample site and every UTF-8 input of the importer's fixtures. */
function realTexts(): [string, string][] {
  const articles = readdirSync(path.join(ROOT, 'content/articles'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name));
  const inputs = [
    '000_01855cfa11249e32.txt',
    '101_crlf_bom.txt',
    '102_nfd.txt',
    '105_khong_tac_gia.txt',
    '106_binh_luan.txt',
  ].map((name) => path.join(ROOT, 'tests/fixtures/import/input', name));
  return [...articles, ...inputs].map((file) => [
    path.relative(ROOT, file),
    readFileSync(file, 'utf8').replace(/^\uFEFF/, ''),
  ]);
}

describe('isVietnameseSyllable', () => {
  it('accepts syllables of every shape, in any case and NFC or NFD', () => {
    const words = [
      'a',
      'ở',
      'gì',
      'gìn',
      'giếng',
      'nghiêng',
      'khuỷu',
      'quốc',
      'quỳnh',
      'ngoằn',
      'thuở',
      'khuya',
      'chuyện',
      'Nguyễn',
      'ĐƯỜNG',
      'tuýp',
      'xoong',
      'yêu',
      'oanh',
      'rượu',
      'Đắk',
      'Lắk',
    ];
    for (const word of words) expect(isVietnameseSyllable(word), word).toBe(true);
    expect(isVietnameseSyllable('Nguyễn'.normalize('NFD'))).toBe(true);
    // Ð (U+00D0, eth) typed for Đ.
    expect(isVietnameseSyllable('\u00d0À')).toBe(true);
  });

  it('refuses letters, rhymes, spellings and tones Vietnamese does not have', () => {
    const words = {
      hoäi: 'ä is no Vietnamese letter',
      keát: 'no rhyme "eat"',
      ñua: 'a tone mark on a consonant',
      nghò: 'ngh before o',
      kan: 'k before a',
      hàt: 'a stopped syllable with huyền',
      hóà: 'two tones',
      'Thá»©': 'UTF-8 read as Windows-1252',
      José: 'no initial j',
    };
    for (const [word, why] of Object.entries(words)) expect(isVietnameseSyllable(word), why).toBe(false);
  });
});

describe('checkSyllables', () => {
  it('checks only words with a letter outside ASCII, and lists the failures once each', () => {
    expect(checkSyllables('Festival Hoa Đà Lạt 2022 của HĐND và UBND, HĐND tỉnh')).toEqual({
      checked: 7,
      invalid: ['HĐND'],
      invalidCount: 2,
    });
  });

  it('stops after `limit` checked words', () => {
    expect(checkSyllables('Hội nghị Hoäi nghò toång', 2)).toEqual({ checked: 2, invalid: [], invalidCount: 0 });
  });

  it('finds hardly any failures in real articles, and most words failing in VNI opened as Latin-1', () => {
    for (const [file, text] of realTexts()) {
      const { checked, invalidCount } = checkSyllables(text);
      expect(invalidCount / checked, file).toBeLessThan(0.05);
      const mojibake = checkSyllables(encodeVni(text).toString('latin1'));
      expect(mojibake.invalidCount / mojibake.checked, file).toBeGreaterThan(0.6);
    }
  });
});
