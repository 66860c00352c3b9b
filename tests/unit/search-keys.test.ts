import { describe, expect, it } from 'vitest';
import { extensions, hasKey, keysFiles, keysPart, lookups, mergeKeys, readKeys } from '../../src/lib/search-keys.ts';
import { parseQuery } from '../../src/lib/search-query.ts';

describe('keysPart', () => {
  it('names a keys file by the first character: a letter or digit itself, đ as dd, any other _', () => {
    expect(['lat', 'da', '2022', 'đa', 'ßa', '東京'].map(keysPart)).toEqual(['l', 'd', '2', 'dd', '_', '_']);
  });
});

describe('keysFiles', () => {
  it('lists each index word once (marks folded, đ kept), in code-point order, in its first character’s file', () => {
    expect(keysFiles('đà 3\nđã 9\nlạt 2\nlâm 1\n2022 4\nĐức 1\nda 1\n')).toEqual(
      new Map([
        ['keys/2.txt', '2022\n'],
        ['keys/d.txt', 'da\n'],
        ['keys/l.txt', 'lam\nlat\n'],
        ['keys/dd.txt', 'đa\nđuc\n'],
      ]),
    );
  });

  it('separates the index chunks’ words with a blank line, a word outside every chunk on its own', () => {
    // "đuc" sorts after "đo", the last chunk's end.
    const chunks = [
      { from: '0', to: 'lat' },
      { from: 'lau', to: 'đo' },
    ];
    expect(keysFiles('đà 3\nlạt 2\n2022 4\nđức 1\nlâm 1\nlầu 1\n', chunks)).toEqual(
      new Map([
        ['keys/2.txt', '2022\n'],
        ['keys/l.txt', 'lam\nlat\n\nlau\n'],
        ['keys/dd.txt', 'đa\n\nđuc\n'],
      ]),
    );
  });
});

describe('mergeKeys', () => {
  it('sorts the keys of several files into one list, each file’s chunks numbered apart', () => {
    expect(mergeKeys([readKeys('lam\n\nlat\n'), readKeys('da\n\ndan\n'), readKeys('')])).toEqual({
      keys: ['da', 'dan', 'lam', 'lat'],
      groups: [2, 3, 0, 1],
    });
  });

  it('keeps the longer words of another file’s chunk out of a word’s extensions', () => {
    const merged = mergeKeys([readKeys('da\ndai\n'), readKeys('đa\nđan\n')]);
    expect(extensions(merged.keys, 'da', merged.groups)).toEqual(['dai']);
    expect(extensions(merged.keys, 'đa', merged.groups)).toEqual(['đan']);
  });
});

describe('readKeys', () => {
  it('reads the keys and numbers their chunks by the blank lines', () => {
    expect(readKeys('2022\nlat\nđa\n')).toEqual({ keys: ['2022', 'lat', 'đa'], groups: [0, 0, 0] });
    expect(readKeys('2022\nlat\n\nlam\nđa\n\nđuc\n')).toEqual({
      keys: ['2022', 'lat', 'lam', 'đa', 'đuc'],
      groups: [0, 0, 1, 1, 2],
    });
  });
});

describe('hasKey', () => {
  const keys = ['da', 'dan', 'lat', 'đa'];
  it('finds a whole word, or with prefix any word it starts', () => {
    expect(hasKey(keys, 'da', false)).toBe(true);
    expect(hasKey(keys, 'd', false)).toBe(false);
    expect(hasKey(keys, 'd', true)).toBe(true);
    expect(hasKey(keys, 'la', true)).toBe(true);
    expect(hasKey(keys, 'festivalx', true)).toBe(false);
    expect(hasKey(keys, 'đ', true)).toBe(true);
  });
});

describe('extensions', () => {
  it('gives the word and one more letter for every longer word it starts', () => {
    expect(extensions(['da', 'dai', 'dan', 'dang', 'danh', 'dao', 'e', 'đa'], 'da')).toEqual(['dai', 'dan', 'dao']);
  });

  it('leaves out the longer words of another index chunk, which the word’s own search does not read', () => {
    expect(extensions(['da', 'dai', 'dan', 'dang', 'đa'], 'da', [0, 0, 1, 1, 1])).toEqual(['dai']);
  });

  it('is empty for a word no longer word starts, or one the list lacks', () => {
    expect(extensions(['da', 'lat'], 'lat')).toEqual([]);
    expect(extensions(['da', 'lat'], 'x')).toEqual([]);
  });
});

describe('lookups', () => {
  const keys = ['da', 'dai', 'dan', 'dang', 'lat', 'lau', 'đa', 'đang', 'đao'];
  const [da, lat] = parseQuery('da lat ').words;

  it('searches a whole word under each key the bundle holds, less the longer words it starts', () => {
    expect(lookups(da!, keys)).toEqual({
      byDate: 'da',
      keys: [
        { key: 'da', less: ['dai', 'dan'] },
        { key: 'đa', less: ['đan', 'đao'] },
      ],
    });
    expect(lookups(lat!, keys)).toEqual({ byDate: 'lat', keys: [{ key: 'lat', less: [] }] });
  });

  it('keeps the longer words of a word still being typed, and asks for the marks typed', () => {
    const [, dang] = parseQuery('da đan').words;
    expect(lookups(dang!, keys)).toEqual({
      byDate: 'dan',
      keys: [
        { key: 'đan', less: [] },
        { key: 'dan', less: [] },
      ],
      spelled: 'đan',
    });
  });

  it('asks nothing for a word the bundle lacks, which Pagefind would answer with a shorter one', () => {
    expect(lookups(parseQuery('lats ').words[0]!, keys)).toBeUndefined();
    expect(lookups(parseQuery('festivalx').words[0]!, keys)).toBeUndefined();
  });
});
