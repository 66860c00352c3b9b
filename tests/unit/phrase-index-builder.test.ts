import { describe, expect, it } from 'vitest';
import { PhraseIndexBuilder } from '../../src/lib/phrase-index-builder.ts';
import { phrasePart } from '../../src/lib/search-phrases.ts';
import { pairTexts } from './pair-texts.ts';

describe('PhraseIndexBuilder', () => {
  it('writes each pair of neighbouring words once, with its spellings, pages and positions', () => {
    const builder = new PhraseIndexBuilder();
    builder.add({ words: ['đà', 'lạt', 'mưa'], title: 2 });
    builder.add({ words: ['trời'], title: 1 });
    builder.add({ words: ['đã', 'lát', 'đà', 'lạt', 'đà', 'lạt'], title: 1 });
    expect(Object.fromEntries(pairTexts(builder))).toEqual({
      [phrasePart('da lat')]: 'đà lạt|đã lát\t0:*0 2:0.1,2,4\n',
      [phrasePart('lat mua')]: 'lạt mưa\t0:1\n',
      [phrasePart('lat da')]: 'lát đà|lạt đà\t2:1,3.1\n',
      [phrasePart('da ')]: 'đà |đã \t0:*0 2:*0.1,2\n',
      [phrasePart('lat ')]: 'lạt |lát \t0:*1 2:1.1,3\n',
      [phrasePart('mua ')]: 'mưa \t0:2\n',
      [phrasePart('troi ')]: 'trời \t1:*0\n',
    });
  });

  it('writes each word alone with its first place in the title and its first in the body, per spelling', () => {
    const builder = new PhraseIndexBuilder();
    builder.add({ words: ['tỉnh', 'tỉnh', 'tính', 'tỉnh', 'tính'], title: 2 });
    builder.add({ words: ['tính', 'tỉnh'], title: 0 });
    expect(pairTexts(builder).get(phrasePart('tinh '))).toBe('tỉnh |tính \t0:*0,2.1,3 1:0.1,1\n');
  });

  it('writes positions and page steps in base 36', () => {
    const builder = new PhraseIndexBuilder();
    const words = Array.from({ length: 40 }, () => 'a');
    for (let page = 0; page < 40; page++) builder.add({ words: page === 39 ? words : ['x'], title: 0 });
    expect(pairTexts(builder).get(phrasePart('a a'))).toMatch(/^a a\t13:0,1,2,.*,z,10,11,12\n$/);
  });

  it('writes the pairs of a file in the order first seen', () => {
    // A pair that lands in the same file as "da lat".
    const other = Array.from({ length: 5000 }, (_, index) => `${index}`).find(
      (word) => phrasePart(`zz ${word}`) === phrasePart('da lat'),
    )!;
    const builder = new PhraseIndexBuilder();
    builder.add({ words: ['zz', other], title: 0 });
    builder.add({ words: ['đà', 'lạt'], title: 0 });
    expect(pairTexts(builder).get(phrasePart('da lat'))).toBe(`zz ${other}\t0:0\nđà lạt\t1:0\n`);
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
