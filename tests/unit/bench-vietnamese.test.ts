import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed, shuffled, zipfSampler } from '../../scripts/bench/prng.ts';
import {
  allSyllables,
  authorNames,
  capitalise,
  rankedVocabulary,
  syllable,
  tagPool,
  toneIndex,
} from '../../scripts/bench/vietnamese.ts';

describe('createRandom', () => {
  it('repeats its sequence for a seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('draws integers within bounds, both included', () => {
    const random = createRandom(7);
    const drawn = new Set(Array.from({ length: 500 }, () => random.int(1, 3)));
    expect([...drawn].sort()).toEqual([1, 2, 3]);
  });
});

describe('deriveSeed', () => {
  it('gives distinct seeds per index', () => {
    expect(new Set(Array.from({ length: 1000 }, (_, i) => deriveSeed(1, i))).size).toBe(1000);
  });
});

describe('shuffled', () => {
  it('permutes without losing items', () => {
    expect(shuffled(createRandom(1), [1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('zipfSampler', () => {
  it('draws the first ranks most often', () => {
    const draw = zipfSampler(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 1.2);
    const random = createRandom(3);
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const item = draw(random);
      counts.set(item, (counts.get(item) ?? 0) + 1);
    }
    expect(counts.get('a')!).toBeGreaterThan(counts.get('h')! * 4);
  });
});

describe('toneIndex', () => {
  it('marks the vowel with a diacritic first', () => {
    expect(toneIndex('ươn')).toBe(1);
    expect(toneIndex('iêu')).toBe(1);
  });

  it('marks the first of two vowels without a coda, except oa, oe, uy', () => {
    expect(toneIndex('ai')).toBe(0);
    expect(toneIndex('oa')).toBe(1);
    expect(toneIndex('uy')).toBe(1);
  });

  it('marks the last vowel before a coda', () => {
    expect(toneIndex('oan')).toBe(1);
  });
});

describe('syllable', () => {
  it('follows the c/k, g/gh and ng/ngh spelling rules', () => {
    expect(syllable('c', 'a', 2)).toBe('cá');
    expect(syllable('c', 'e', 0)).toBe('ke');
    expect(syllable('g', 'i', 1)).toBe('ghì');
    expect(syllable('ng', 'iêng', 0)).toBe('nghiêng');
  });

  it('writes iê as yê without an onset and after qu', () => {
    expect(syllable('', 'iên', 0)).toBe('yên');
    expect(syllable('qu', 'iêt', 2)).toBe('quyết');
  });

  it('places tones in modern orthography, in NFC', () => {
    expect(syllable('đ', 'ương', 1)).toBe('đường');
    expect(syllable('h', 'oa', 2)).toBe('hoá');
    expect(syllable('đ', 'ươn', 5)).toBe('đượn'.normalize('NFC'));
  });

  it('refuses onsets that do not combine with the rhyme', () => {
    expect(syllable('c', 'oai', 0)).toBeUndefined();
    expect(syllable('qu', 'uôn', 0)).toBeUndefined();
  });
});

describe('allSyllables', () => {
  const syllables = allSyllables();

  it('has thousands of distinct NFC syllables, đ-words included', () => {
    expect(syllables.length).toBeGreaterThan(5000);
    expect(new Set(syllables).size).toBe(syllables.length);
    expect(syllables.every((word) => word === word.normalize('NFC'))).toBe(true);
    expect(syllables.filter((word) => word.startsWith('đ')).length).toBeGreaterThan(100);
  });

  it('contains real words', () => {
    for (const word of ['đường', 'người', 'nghiêng', 'quyết', 'khuya', 'thuế', 'giường']) {
      expect(syllables).toContain(word);
    }
  });

  it('gives stop endings only sắc and nặng tones', () => {
    expect(syllables).toContain('các');
    expect(syllables).not.toContain('càc');
  });
});

describe('rankedVocabulary', () => {
  it('puts frequent real words first', () => {
    expect(rankedVocabulary(createRandom(1)).slice(0, 3)).toEqual(['của', 'và', 'các']);
  });
});

describe('authorNames', () => {
  it('gives the requested number of distinct names', () => {
    const names = authorNames(createRandom(1), 60);
    expect(new Set(names).size).toBe(60);
  });
});

describe('tagPool', () => {
  it('gives distinct tags', () => {
    const tags = tagPool(createRandom(1), rankedVocabulary(createRandom(1)), 300);
    expect(new Set(tags).size).toBe(300);
  });
});

describe('capitalise', () => {
  it('upper-cases Vietnamese initials', () => {
    expect(capitalise('đường')).toBe('Đường');
    expect(capitalise('ủy ban')).toBe('Ủy ban');
  });
});
