import { describe, expect, it } from 'vitest';
import {
  compareCandidates,
  keepBest,
  phraseStart,
  readVocabulary,
  suggestWord,
  vocabularyText,
  type Candidate,
} from '../../src/lib/search-rank.ts';

const base: Candidate = { phrase: true, accented: false, title: false, bundle: 0, dateRank: 0 };
const named = (name: string, fields: Partial<Candidate>) => ({ name, ...base, ...fields });

describe('phraseStart', () => {
  it('finds the first place the words stand together and in order', () => {
    expect(
      phraseStart([
        [3, 10],
        [11, 4],
      ]),
    ).toBe(3);
    expect(phraseStart([[20, 5], [6], [7]])).toBe(5);
  });

  it('is -1 for words apart or in the other order', () => {
    expect(phraseStart([[3], [7]])).toBe(-1);
    expect(phraseStart([[4], [3]])).toBe(-1);
    expect(phraseStart([[1], []])).toBe(-1);
    expect(phraseStart([])).toBe(-1);
  });

  it('takes a single word’s first position', () => {
    expect(phraseStart([[9, 2]])).toBe(2);
  });
});

describe('compareCandidates', () => {
  it('by relevance: phrase, then as typed, then title, then newer (bundle, then place in it)', () => {
    const ranked = [
      named('apart, accented, title, newest', { phrase: false, accented: true, title: true }),
      named('body, older bundle', { bundle: 1 }),
      named('body', { dateRank: 3 }),
      named('title', { title: true, dateRank: 9 }),
      named('accented body', { accented: true, bundle: 2 }),
    ].sort((a, b) => compareCandidates(a, b, 'relevance'));
    expect(ranked.map((candidate) => candidate.name)).toEqual([
      'accented body',
      'title',
      'body',
      'body, older bundle',
      'apart, accented, title, newest',
    ]);
  });

  it('newest first: phrase, then date alone', () => {
    const ranked = [
      named('apart, newest', { phrase: false }),
      named('title, older', { title: true, accented: true, bundle: 1 }),
      named('body, newer', { dateRank: 4 }),
    ].sort((a, b) => compareCandidates(a, b, 'date'));
    expect(ranked.map((candidate) => candidate.name)).toEqual(['body, newer', 'title, older', 'apart, newest']);
  });
});

describe('keepBest', () => {
  it('leaves out the articles holding the words apart when any holds them together', () => {
    const found = [named('apart', { phrase: false }), named('older phrase', { dateRank: 2 }), named('phrase', {})];
    expect(keepBest(found, 'relevance').map((candidate) => candidate.name)).toEqual(['phrase', 'older phrase']);
  });

  it('keeps them, ranked, when none does', () => {
    const found = [
      named('older', { phrase: false, dateRank: 2 }),
      named('title', { phrase: false, title: true, dateRank: 5 }),
    ];
    expect(keepBest(found, 'relevance').map((candidate) => candidate.name)).toEqual(['title', 'older']);
    expect(keepBest(found, 'date').map((candidate) => candidate.name)).toEqual(['older', 'title']);
  });
});

describe('suggestWord', () => {
  const vocabulary = new Map([
    ['festival', 3],
    ['hoa', 9],
    ['x', 1],
    ['trọng', 4],
    ['trong', 40],
    ['langbiang', 2],
  ]);

  it('suggests the closest word within two edits for a long word', () => {
    expect(suggestWord('festivalx', vocabulary)).toBe('festival');
    expect(suggestWord('lagbian', vocabulary)).toBe('langbiang');
  });

  it('within one edit for a short word, the most frequent spelling first', () => {
    expect(suggestWord('trongg', vocabulary)).toBe('trong');
    expect(suggestWord('hoaa', vocabulary)).toBe('hoa');
  });

  it('suggests nothing when no word is close', () => {
    expect(suggestWord('xyzqwv', vocabulary)).toBeUndefined();
    expect(suggestWord('hoa', vocabulary)).toBeUndefined();
  });
});

describe('readVocabulary', () => {
  it('adds up the counts of several files', () => {
    expect(readVocabulary(['festival 2\nhoa 5\n', 'hoa 1\n'])).toEqual(
      new Map([
        ['festival', 2],
        ['hoa', 6],
      ]),
    );
  });
});

describe('vocabularyText', () => {
  it('writes one word and its count a line, in code-point order', () => {
    expect(
      vocabularyText(
        new Map([
          ['đà', 2],
          ['lạt', 1],
          ['2024', 3],
        ]),
      ),
    ).toBe('2024 3\nlạt 1\nđà 2\n');
  });
});
