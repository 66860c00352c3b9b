import { describe, expect, it } from 'vitest';
import { decodeVni, encodeVni, latin1Bytes } from '../../src/lib/import/vni.ts';

const LETTERS = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ';

describe('decodeVni', () => {
  it('reads the mark bytes after each vowel and the whole-letter bytes', () => {
    expect(decodeVni(Buffer.from('Hoäi nghò toång keát Thöù tö, Ñaø Laït', 'latin1'))).toBe(
      'Hội nghị tổng kết Thứ tư, Đà Lạt',
    );
    // A tone byte after a plain i, as some VNI fonts write ị.
    expect(decodeVni(Buffer.from('nghiï', 'latin1'))).toBe('nghị');
  });

  it('refuses a mark byte after a consonant: then the bytes are not VNI', () => {
    expect(decodeVni(Buffer.from('tù', 'latin1'))).toBeUndefined();
    expect(decodeVni(Buffer.from('Mö', 'latin1'))).toBe('Mư');
  });
});

describe('encodeVni', () => {
  it('writes every Vietnamese letter, both cases, so that decodeVni reads it back', () => {
    const all = `${LETTERS}${LETTERS.toUpperCase()} “Tin” – 5%`;
    expect(decodeVni(encodeVni(all))).toBe(all);
    expect(encodeVni('Hội nghị')).toEqual(Buffer.from('Hoäi nghò', 'latin1'));
  });

  it('refuses characters VNI cannot hold', () => {
    expect(() => encodeVni('漢')).toThrow('"漢" has no VNI form');
  });
});

describe('latin1Bytes', () => {
  it('turns text opened as Latin-1 or Windows-1252 back into its bytes', () => {
    expect(latin1Bytes('Hoäi “x”')).toEqual(Uint8Array.from([0x48, 0x6f, 0xe4, 0x69, 0x20, 0x93, 0x78, 0x94]));
  });

  it('gives up on a character neither table has', () => {
    expect(latin1Bytes('Hội')).toBeUndefined();
  });
});
