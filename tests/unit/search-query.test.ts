import { describe, expect, it } from 'vitest';
import { indexKey, parseQuery, replaceWords, resolveQuery } from '../../src/lib/search-query.ts';

describe('indexKey', () => {
  it('folds marks as Pagefind does and keeps đ, which has no decomposition', () => {
    expect(indexKey('Đức')).toBe('đuc');
    expect(indexKey('Lạt'.normalize('NFD'))).toBe('lat');
    expect(indexKey('THUỶ')).toBe('thuy');
  });
});

describe('parseQuery', () => {
  it('gives each word its folded form and the index keys it is found under (d also as đ)', () => {
    expect(parseQuery('Đức Trọng')).toEqual({
      text: 'Đức Trọng',
      quoted: false,
      joined: [],
      words: [
        { typed: 'đức', folded: 'duc', keys: ['đuc', 'duc'], marked: true, prefix: false },
        { typed: 'trọng', folded: 'trong', keys: ['trong'], marked: true, prefix: true },
      ],
    });
  });

  it('splits words typed joined into syllables, and says which', () => {
    expect(parseQuery('dalat')).toEqual({
      text: 'dalat',
      quoted: false,
      joined: ['dalat'],
      words: [
        { typed: 'da', folded: 'da', keys: ['da', 'đa'], marked: false, prefix: false },
        { typed: 'lat', folded: 'lat', keys: ['lat'], marked: false, prefix: true },
      ],
    });
    expect(parseQuery('dalat', { split: false }).words.map((word) => word.folded)).toEqual(['dalat']);
  });

  it('takes a quoted query as an exact phrase: no split, no prefix', () => {
    const query = parseQuery('“giao ước thi đua”');
    expect(query.quoted).toBe(true);
    expect(query.words.map((word) => [word.folded, word.prefix])).toEqual([
      ['giao', false],
      ['uoc', false],
      ['thi', false],
      ['dua', false],
    ]);
    expect(parseQuery('"dalat"').words.map((word) => word.folded)).toEqual(['dalat']);
  });

  it('treats the last word as complete once a space follows it', () => {
    expect(parseQuery('da lat ').words.map((word) => word.prefix)).toEqual([false, false]);
    expect(parseQuery('da la').words.map((word) => word.prefix)).toEqual([false, true]);
  });

  it('has no words for punctuation alone', () => {
    expect(parseQuery(' " ').words).toEqual([]);
  });
});

describe('replaceWords', () => {
  it('replaces the missing words and keeps the others as typed', () => {
    expect(replaceWords(parseQuery('Festivalx Hoa'), new Map([['festivalx', 'festival']]))).toBe('festival Hoa');
  });
});

describe('resolveQuery', () => {
  const held = (key: string) => ['langbiang', 'lo', 'da', 'lat', 'đa'].includes(key);

  it('splits a joined word unless the archive holds it as written', () => {
    expect(resolveQuery('dalat', held).words.map((word) => word.folded)).toEqual(['da', 'lat']);
    expect(resolveQuery('langbiang', held).words.map((word) => word.folded)).toEqual(['langbiang']);
  });

  it('takes the last word whole once the archive holds it, as a start of words otherwise', () => {
    expect(resolveQuery('sat lo', held).words.map((word) => word.prefix)).toEqual([false, false]);
    expect(resolveQuery('sat l', held).words.map((word) => word.prefix)).toEqual([false, true]);
    expect(resolveQuery('dalat', held).words.map((word) => word.prefix)).toEqual([false, false]);
  });
});
