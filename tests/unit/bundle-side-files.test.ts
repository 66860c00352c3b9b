import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PhraseIndexBuilder } from '../../src/lib/phrase-index-builder.ts';
import { phrasePart } from '../../src/lib/search-phrases.ts';
import {
  bundleSideFiles,
  compressedPairFiles,
  metaVersion,
  phraseIndexFiles,
} from '../../src/integrations/bundle-side-files.ts';
import { pagefindMeta } from './pagefind-meta-bytes.ts';

/** Pagefind metadata listing one page, fragment `p1`. */
const META = { version: 'vi_1', bytes: pagefindMeta(['1.6.0', [['p1', 10]], [], [], []]) };

describe('metaVersion', () => {
  it('names the version of a bundle’s index after its metadata file', () => {
    expect(metaVersion('pagefind.vi_a74385dd9c.pf_meta')).toBe('vi_a74385dd9c');
    expect(metaVersion('pagefind-entry.json')).toBeUndefined();
  });
});

describe('compressedPairFiles', () => {
  it('compresses each pair file', () => {
    const builder = new PhraseIndexBuilder();
    builder.add({ words: ['đà', 'lạt'], title: 0 });
    const files = compressedPairFiles(builder);
    expect(gunzipSync(files.get(phrasePart('da lat'))!).toString()).toBe('đà lạt\t0:0\n');
  });
});

describe('phraseIndexFiles', () => {
  it('puts the pair files and page lists in the folder of the index version', () => {
    const files = phraseIndexFiles(new Map([['1bf', new Uint8Array([1])]]), META, 1);
    expect([...files.keys()]).toEqual(['phrases/vi_1/1bf.bin', 'phrases/vi_1/pages/0.txt']);
    expect(new TextDecoder().decode(files.get('phrases/vi_1/pages/0.txt'))).toBe('p1\n');
  });

  it('fails, in Vietnamese, when Pagefind lists other pages than were indexed', () => {
    expect(() => phraseIndexFiles(new Map(), META, 2)).toThrowErrorMatchingInlineSnapshot(
      `[SearchIndexError: Không tạo được chỉ mục tìm kiếm (Pagefind, bước writeFiles): siêu dữ liệu Pagefind liệt kê 1 trang, chỉ mục cụm từ cần 2]`,
    );
    expect(() => phraseIndexFiles(new Map(), undefined, 1)).toThrow(/0 trang, chỉ mục cụm từ cần 1/);
  });
});

describe('bundleSideFiles', () => {
  it('writes the words, the index words by first character and the phrase index', () => {
    const files = bundleSideFiles('lạt 1\nđà 1\n', new Map([['1bf', new Uint8Array([1])]]), META, 1);
    expect([...files.keys()]).toEqual([
      'words.txt',
      'keys/l.txt',
      'keys/dd.txt',
      'phrases/vi_1/1bf.bin',
      'phrases/vi_1/pages/0.txt',
    ]);
    expect(new TextDecoder().decode(files.get('keys/dd.txt'))).toBe('đa\n');
  });
});
