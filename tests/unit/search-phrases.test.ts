import { describe, expect, it } from 'vitest';
import { PhraseIndexBuilder } from '../../src/lib/phrase-index-builder.ts';
import {
  PAGE_LIST_SIZE,
  PHRASE_PARTS,
  pageListFiles,
  pageListPath,
  pageWords,
  pairPart,
  partName,
  phraseMatches,
  phrasePart,
  phrasePath,
  readPair,
} from '../../src/lib/search-phrases.ts';
import { pairTexts } from './pair-texts.ts';

describe('pageWords', () => {
  it('lists the words lowercase and NFC, without what Pagefind ignores, the title first', () => {
    expect(
      pageWords(
        '<article><p data-pagefind-ignore>Du lịch</p><h1>Đà Lạt</h1><p>Đà Lạt 2024</p><nav data-pagefind-ignore="all"><a>thẻ</a></nav></article>',
      ),
    ).toEqual({ words: ['đà', 'lạt', 'đà', 'lạt', '2024'], title: 2 });
    expect(pageWords('<article><p>Hoà bình</p></article>'.normalize('NFD'))).toEqual({
      words: ['hoà', 'bình'],
      title: 0,
    });
  });
});

describe('phrasePart', () => {
  it('spreads pairs over the parts by a hash, the same for every spelling of a pair', () => {
    expect(phrasePart('da lat')).toBe('1bf');
    const parts = new Set(Array.from({ length: 20000 }, (_, index) => phrasePart(`tu ${index}`)));
    expect(parts.size).toBe(PHRASE_PARTS);
  });
});

describe('pairPart', () => {
  it('is the number of the file phrasePart names', () => {
    expect(pairPart('da', 'lat')).toBe(447);
    expect(partName(pairPart('bao', 'loc'))).toBe(phrasePart('bao loc'));
  });
});

describe('partName', () => {
  it('writes three hex digits', () => {
    expect([0, 447, PHRASE_PARTS - 1].map(partName)).toEqual(['000', '1bf', '3ff']);
  });
});

describe('phrasePath', () => {
  it('is a compressed file in the folder of the index version', () => {
    expect(phrasePath('vi_a74385dd9c', '1bf')).toBe('phrases/vi_a74385dd9c/1bf.bin');
  });
});

describe('pageListPath', () => {
  it('holds a hundred pages a file', () => {
    expect([0, 99, 100, 250].map((page) => pageListPath('vi_1', page))).toEqual([
      'phrases/vi_1/pages/0.txt',
      'phrases/vi_1/pages/0.txt',
      'phrases/vi_1/pages/1.txt',
      'phrases/vi_1/pages/2.txt',
    ]);
    expect(PAGE_LIST_SIZE).toBe(100);
  });
});

describe('pageListFiles', () => {
  it('writes the fragment names in page order, a line each', () => {
    const names = Array.from({ length: 101 }, (_, index) => `vi_${index}`);
    const files = pageListFiles('vi_1', names);
    expect([...files.keys()]).toEqual(['phrases/vi_1/pages/0.txt', 'phrases/vi_1/pages/1.txt']);
    expect(files.get('phrases/vi_1/pages/1.txt')).toBe('vi_100\n');
    expect(files.get('phrases/vi_1/pages/0.txt')!.split('\n')[42]).toBe('vi_42');
  });
});

describe('readPair', () => {
  const file = 'an phú\t3:2\nĐà lạt|đã lát\t0:*0 1:0.1,a\n';

  it('reads a pair’s pages and occurrences, by page number', () => {
    expect(readPair(file, 'da lat')).toEqual(
      new Map([
        [0, [{ position: 0, spelled: 'Đà lạt', title: true }]],
        [
          1,
          [
            { position: 0, spelled: 'đã lát', title: false },
            { position: 10, spelled: 'Đà lạt', title: false },
          ],
        ],
      ]),
    );
    expect(readPair(file, 'an phu')).toEqual(new Map([[3, [{ position: 2, spelled: 'an phú', title: false }]]]));
  });

  it('finds nothing for a pair the file lacks, even one ending another', () => {
    expect(readPair(file, 'lat')).toEqual(new Map());
    expect(readPair(file, 'phu')).toEqual(new Map());
    expect(readPair('', 'da lat')).toEqual(new Map());
  });

  it('reads back what the builder wrote', () => {
    const builder = new PhraseIndexBuilder();
    builder.add({ words: ['bảo', 'lộc'], title: 0 });
    builder.add({ words: ['mưa', 'ở', 'bảo', 'lộc'], title: 4 });
    const written = pairTexts(builder).get(phrasePart('bao loc'))!;
    expect(readPair(written, 'bao loc')).toEqual(
      new Map([
        [0, [{ position: 0, spelled: 'bảo lộc', title: false }]],
        [1, [{ position: 2, spelled: 'bảo lộc', title: true }]],
      ]),
    );
  });
});

describe('phraseMatches', () => {
  const index = new PhraseIndexBuilder();
  // 0: "giao ước thi đua" in the title; 1: "giao ước", "thi đua" apart; 2: in the body, folded.
  index.add({ words: ['giao', 'ước', 'thi', 'đua', 'năm', 'nay'], title: 4 });
  index.add({ words: ['giao', 'ước', 'và', 'thi', 'đua', 'ước', 'thi'], title: 2 });
  index.add({ words: ['lễ', 'giao', 'uoc', 'thi', 'dua'], title: 1 });
  const pair = (words: string) => {
    const file = pairTexts(index).get(phrasePart(words))!;
    return readPair(file, words);
  };
  const pairs = [pair('giao uoc'), pair('uoc thi'), pair('thi dua')];

  it('finds the pages where the pairs follow one another, not those holding them apart', () => {
    expect(phraseMatches(pairs, [undefined, undefined, undefined, undefined])).toEqual([
      { page: 0, title: true, accented: true },
      { page: 2, title: false, accented: true },
    ]);
  });

  it('counts a match as accented only where every word typed with marks is spelled so', () => {
    expect(phraseMatches(pairs, [undefined, 'ước', undefined, 'đua'])).toEqual([
      { page: 0, title: true, accented: true },
      { page: 2, title: false, accented: false },
    ]);
  });

  it('matches two words by their one pair, and nothing without pairs', () => {
    expect(phraseMatches([pair('thi dua')], [undefined, 'đua'])).toEqual([
      { page: 0, title: true, accented: true },
      { page: 1, title: false, accented: true },
      { page: 2, title: false, accented: false },
    ]);
    expect(phraseMatches([], [])).toEqual([]);
  });

  it('matches one word by its entry alone, in the title where it stands there, accented as typed', () => {
    // "ước" is in page 0's title, page 1's title and body, and page 2's body as "uoc".
    expect(phraseMatches([pair('uoc ')], ['ước'])).toEqual([
      { page: 0, title: true, accented: true },
      { page: 1, title: true, accented: true },
      { page: 2, title: false, accented: false },
    ]);
  });
});
