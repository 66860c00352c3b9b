import { describe, expect, it } from 'vitest';
import { isSyllable, splitSyllables } from '../../src/lib/syllables.ts';

describe('isSyllable', () => {
  it.each(['da', 'lat', 'duc', 'trong', 'nghieng', 'quyen', 'gi', 'gia', 'ky', 'khuyen', 'thuong', 'uoc', 'yen', 'a'])(
    '"%s" is one syllable',
    (word) => expect(isSyllable(word)).toBe(true),
  );

  it.each(['dalat', 'biang', 'festival', 'x', 'ce', 'ngha', 'ke'.replace('e', 'a'), 'thpt', 'prenn', '', 'dal'])(
    '"%s" is not',
    (word) => expect(isSyllable(word)).toBe(false),
  );
});

describe('splitSyllables', () => {
  it.each([
    ['dalat', ['da', 'lat']],
    ['baoloc', ['bao', 'loc']],
    ['ductrong', ['duc', 'trong']],
    ['caphe', ['ca', 'phe']],
    ['thuyloi', ['thuy', 'loi']],
    ['nhatrang', ['nha', 'trang']],
    ['donduong', ['don', 'duong']],
    ['giaouocthidua', ['giao', 'uoc', 'thi', 'dua']],
    ['langbiang', ['lang', 'bi', 'ang']],
  ])('splits "%s" into %j', (word, syllables) => {
    expect(splitSyllables(word)).toEqual(syllables);
  });

  it.each(['lat', 'nghieng', 'festival', 'festivalx', 'xyzqwv', 'covid', 'thpt', '2024', 'Dalat', 'đalat'])(
    'leaves "%s" alone (one syllable, not Vietnamese, or not folded)',
    (word) => {
      expect(splitSyllables(word)).toBeUndefined();
    },
  );
});
