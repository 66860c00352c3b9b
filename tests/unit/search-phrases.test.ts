import { describe, expect, it } from 'vitest';
import {
  PAGE_LIST_SIZE,
  PHRASE_PARTS,
  PhraseIndexBuilder,
  pageListFiles,
  pageListPath,
  pageWords,
  phraseMatches,
  phrasePart,
  phrasePath,
  readPair,
} from '../../src/lib/search-phrases.ts';

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

describe('phrasePath', () => {
  it('is a compressed file in the phrases folder', () => {
    expect(phrasePath('1bf')).toBe('phrases/1bf.bin');
  });
});

describe('pageListPath', () => {
  it('holds a hundred pages a file', () => {
    expect([0, 99, 100, 250].map(pageListPath)).toEqual([
      'phrases/pages/0.txt',
      'phrases/pages/0.txt',
      'phrases/pages/1.txt',
      'phrases/pages/2.txt',
    ]);
    expect(PAGE_LIST_SIZE).toBe(100);
  });
});

describe('pageListFiles', () => {
  it('writes the fragment names in page order, a line each', () => {
    const names = Array.from({ length: 101 }, (_, index) => `vi_${index}`);
    const files = pageListFiles(names);
    expect([...files.keys()]).toEqual(['phrases/pages/0.txt', 'phrases/pages/1.txt']);
    expect(files.get('phrases/pages/1.txt')).toBe('vi_100\n');
    expect(files.get('phrases/pages/0.txt')!.split('\n')[42]).toBe('vi_42');
  });
});

/** The pair files of a builder, as text. */
const pairTexts = (builder: PhraseIndexBuilder) =>
  new Map([...builder.pairFiles()].map(([file, bytes]) => [file, new TextDecoder().decode(bytes)]));

describe('PhraseIndexBuilder', () => {
  it('writes each pair of neighbouring words once, with its spellings, pages and positions', () => {
    const builder = new PhraseIndexBuilder();
    builder.add({ words: ['đà', 'lạt', 'mưa'], title: 2 });
    builder.add({ words: ['trời'], title: 1 });
    builder.add({ words: ['đã', 'lát', 'đà', 'lạt', 'đà', 'lạt'], title: 1 });
    expect(Object.fromEntries(pairTexts(builder))).toEqual({
      [phrasePath(phrasePart('da lat'))]: 'đà lạt|đã lát\t0:*0 2:0.1,2,4\n',
      [phrasePath(phrasePart('lat mua'))]: 'lạt mưa\t0:1\n',
      [phrasePath(phrasePart('lat da'))]: 'lát đà|lạt đà\t2:1,3.1\n',
    });
  });

  it('writes positions and page steps in base 36', () => {
    const builder = new PhraseIndexBuilder();
    const words = Array.from({ length: 40 }, () => 'a');
    for (let page = 0; page < 40; page++) builder.add({ words: page === 39 ? words : ['x'], title: 0 });
    expect(pairTexts(builder).get(phrasePath(phrasePart('a a')))).toMatch(/^a a\t13:0,1,2,.*,z,10,11,12\n$/);
  });

  it('writes the pairs of a file in the order first seen', () => {
    // A pair that lands in the same file as "da lat".
    const other = Array.from({ length: 5000 }, (_, index) => `${index}`).find(
      (word) => phrasePart(`zz ${word}`) === phrasePart('da lat'),
    )!;
    const builder = new PhraseIndexBuilder();
    builder.add({ words: ['zz', other], title: 0 });
    builder.add({ words: ['đà', 'lạt'], title: 0 });
    expect(pairTexts(builder).get(phrasePath(phrasePart('da lat')))).toBe(`zz ${other}\t0:0\nđà lạt\t1:0\n`);
  });
});

describe('PhraseIndexBuilder.wordCounts', () => {
  it('counts the pages holding each word as written', () => {
    const builder = new PhraseIndexBuilder();
    builder.add({ words: ['đà', 'lạt', 'đà'], title: 0 });
    builder.add({ words: ['đà', 'đã'], title: 0 });
    expect(builder.wordCounts()).toEqual(
      new Map([
        ['đà', 2],
        ['lạt', 1],
        ['đã', 1],
      ]),
    );
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
    const written = pairTexts(builder).get(phrasePath(phrasePart('bao loc')))!;
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
    const file = pairTexts(index).get(phrasePath(phrasePart(words)))!;
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
});
