import { describe, expect, it } from 'vitest';
import { createCorpus } from '../../scripts/bench/generate-corpus.ts';
import {
  formatScores,
  holdsPhrase,
  indexedText,
  plantArticle,
  PLANTED,
  RELEVANCE_QUERIES,
  scoreQuery,
} from '../../scripts/bench/relevance.ts';
import { parseQuery } from '../../src/lib/search-query.ts';
import { foldVietnamese } from '../../src/lib/text.ts';

const ARTICLE = '---\ntitle: Tin mới trong tỉnh\nsummary: Tóm tắt.\ntags: [Lâm Hà]\n---\n\nThân bài.\n';

describe('PLANTED and RELEVANCE_QUERIES', () => {
  it('ask 30 or more queries, each for a planted phrase, none of them a query of the tests', () => {
    expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(30);
    for (const { phrase } of RELEVANCE_QUERIES) expect(PLANTED[phrase]).toBeDefined();
    const tests = ['da lat', 'dalat', 'duc trong', 'ductrong', 'bao loc', 'baoloc', 'ca phe', 'caphe', 'langbiang'];
    const asked = RELEVANCE_QUERIES.map(({ query }) => foldVietnamese(query));
    expect(asked.filter((query) => tests.includes(query))).toEqual([]);
  });

  it('plant phrases with đ and with either tone placement, asked folded, joined, quoted and accented', () => {
    const spellings = PLANTED.flatMap((planted) => planted.spellings);
    expect(spellings.some((spelling) => /đ/i.test(spelling))).toBe(true);
    expect(PLANTED.some((planted) => planted.spellings.length > 1)).toBe(true);
    const queries = RELEVANCE_QUERIES.map(({ query }) => parseQuery(query));
    expect(queries.some((query) => query.joined.length > 0)).toBe(true);
    expect(queries.some((query) => query.quoted)).toBe(true);
    expect(queries.some((query) => query.words.some((word) => word.marked))).toBe(true);
  });
});

describe('plantArticle', () => {
  const planted = Array.from({ length: 400 }, (_, index) => plantArticle(ARTICLE, index, 1));

  it('plants every phrase together, then apart, in the first articles', () => {
    PLANTED.forEach((phrase, index) => {
      const spellings = phrase.spellings.map((spelling) => holdsPhrase(indexedText(planted[index]!), spelling));
      expect(spellings.some(Boolean), phrase.spellings[0]).toBe(true);
      const apart = indexedText(planted[PLANTED.length + index]!);
      expect(holdsPhrase(apart, phrase.spellings[0]!), phrase.spellings[0]).toBe(false);
      for (const syllable of phrase.spellings[0]!.split(' ')) expect(holdsPhrase(apart, syllable)).toBe(true);
    });
  });

  it('leaves most later articles as they are, and is the same for the same seed and index', () => {
    const changed = planted.slice(2 * PLANTED.length).filter((content) => content !== ARTICLE).length;
    expect(changed).toBeGreaterThan(20);
    expect(changed).toBeLessThan(100);
    expect(plantArticle(ARTICLE, 17, 1)).toBe(plantArticle(ARTICLE, 17, 1));
  });

  it('plants a phrase together (in the title or the body) in some, its syllables apart in others', () => {
    const holding = (content: string) =>
      PLANTED.some((phrase) => holdsPhrase(indexedText(content), phrase.spellings[0]!));
    const changed = planted.filter((content) => content !== ARTICLE);
    const together = changed.filter(holding);
    expect(together.some((content) => !content.includes('title: Tin mới trong tỉnh\n'))).toBe(true);
    expect(together.some((content) => content.includes('title: Tin mới trong tỉnh\n'))).toBe(true);
    expect(changed.some((content) => !holding(content))).toBe(true);
    // The front matter stays whole.
    for (const content of changed) expect(content.startsWith('---\ntitle: Tin mới trong tỉnh')).toBe(true);
  });

  it('is off unless asked for, and leaves the unplanted articles of a corpus unchanged', () => {
    const options = { articles: 200, seed: 3, buildTime: new Date('2026-11-23T12:00:00+07:00') };
    const plain = [...createCorpus(options).articles()];
    const withPlants = [...createCorpus({ ...options, plant: true }).articles()];
    const changed = withPlants.filter((file, index) => file.content !== plain[index]!.content);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(plain.length);
    withPlants.forEach((file, index) => expect(file.path).toBe(plain[index]!.path));
  });
});

describe('indexedText', () => {
  it('keeps what search indexes: title, summary, caption, credit, authors, source and body; not tags', () => {
    const text = indexedText(
      '---\ntitle: Đà Lạt\nauthor: Lô Thanh\ntags: [Lâm Hà]\nimage:\n  src: images/a.jpg\n  alt: Cát Tiên\n  caption: Hồ nước.\n---\n\nThân bài.\n',
    );
    expect(text).toBe('Đà Lạt\nLô Thanh\nHồ nước.\n\nThân bài.\n');
  });
});

describe('holdsPhrase', () => {
  it('finds the words together and in order, folded', () => {
    expect(holdsPhrase('Về Khánh Hoà, mới', 'Khánh Hòa')).toBe(true);
    expect(holdsPhrase('đồi  thông', 'doi thong')).toBe(true);
  });

  it('not apart, in another order, or inside longer words', () => {
    expect(holdsPhrase('Khánh về Hoà', 'khanh hoa')).toBe(false);
    expect(holdsPhrase('Hòa Khánh', 'khanh hoa')).toBe(false);
    expect(holdsPhrase('Khánh Hoàng', 'khanh hoa')).toBe(false);
  });
});

describe('scoreQuery', () => {
  it('counts the relevant among the first ten shown, and the relevant shown anywhere', () => {
    expect(scoreQuery('lam ha', ['a', 'x', 'b'], new Set(['a', 'b', 'c']))).toEqual({
      query: 'lam ha',
      relevant: 3,
      shown: 3,
      precisionAt10: 0.67,
      recall: 0.67,
    });
    const many = Array.from({ length: 12 }, (_, index) => `s${index}`);
    expect(scoreQuery('q', many, new Set(many.slice(2)))).toMatchObject({ precisionAt10: 0.8, recall: 1 });
  });

  it('scores nothing shown for nothing relevant as right, and for something relevant as wrong', () => {
    expect(scoreQuery('q', [], new Set())).toMatchObject({ precisionAt10: 1, recall: 1 });
    expect(scoreQuery('q', [], new Set(['a']))).toMatchObject({ precisionAt10: 0, recall: 0 });
  });
});

describe('formatScores', () => {
  it('writes a row per query and the means', () => {
    expect(
      formatScores([
        { query: 'lam ha', relevant: 3, shown: 3, precisionAt10: 1, recall: 1 },
        { query: 'di linh', relevant: 2, shown: 4, precisionAt10: 0.5, recall: 1 },
      ]),
    ).toBe(
      [
        '| query | relevant | shown | precision@10 | recall |',
        '| --- | ---: | ---: | ---: | ---: |',
        '| lam ha | 3 | 3 | 1.00 | 1.00 |',
        '| di linh | 2 | 4 | 0.50 | 1.00 |',
        '| mean of 2 | | | 0.75 | 1.00 |',
      ].join('\n'),
    );
  });
});
