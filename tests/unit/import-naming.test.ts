import { describe, expect, it } from 'vitest';
import {
  assignSlugs,
  candidateSlugs,
  MAX_SLUG_LENGTH,
  truncateSlug,
  type NameRequest,
} from '../../src/lib/import/naming.ts';

const at = (iso: string) => new Date(iso);

describe('candidateSlugs', () => {
  it('offers the slug, then with the date, then the time, then a counter', () => {
    const candidates: string[] = [];
    for (const slug of candidateSlugs('ket-qua', at('2023-07-18T15:00:00+07:00'))) {
      candidates.push(slug);
      if (candidates.length === 5) break;
    }
    expect(candidates).toEqual([
      'ket-qua',
      'ket-qua-20230718',
      'ket-qua-20230718-1500',
      'ket-qua-20230718-1500-2',
      'ket-qua-20230718-1500-3',
    ]);
  });

  it('shortens the title part so that every candidate, suffix included, fits the limit', () => {
    const long = 'dong-'.repeat(40).slice(0, -1);
    const candidates: string[] = [];
    for (const slug of candidateSlugs(long, at('2023-07-18T15:00:00+07:00'))) {
      candidates.push(slug);
      if (candidates.length === 4) break;
    }
    for (const slug of candidates) expect(slug.length, slug).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(candidates[0]).toBe('dong-'.repeat(20).slice(0, -1));
    expect(candidates.slice(1)).toEqual([
      `${'dong-'.repeat(18)}20230718`,
      `${'dong-'.repeat(17)}20230718-1500`,
      `${'dong-'.repeat(17)}20230718-1500-2`,
    ]);
  });

  it('dates the suffix in Vietnam time', () => {
    const [, withDay] = candidateSlugs('a', at('2022-12-31T20:00:00Z'));
    expect(withDay).toBe('a-20230101');
  });
});

describe('truncateSlug', () => {
  it('keeps a short slug and cuts a long one at the last hyphen that fits', () => {
    expect(truncateSlug('hoi-nghi-tong-ket', 40)).toBe('hoi-nghi-tong-ket');
    expect(truncateSlug('hoi-nghi-tong-ket', 12)).toBe('hoi-nghi');
    expect(truncateSlug('hoi-nghi-tong-ket', 13)).toBe('hoi-nghi-tong');
  });

  it('cuts one long word where it must', () => {
    expect(truncateSlug('abcdefghij', 4)).toBe('abcd');
  });

  it('stays between 80 and 100 characters by default, a length every file system takes', () => {
    expect(MAX_SLUG_LENGTH).toBeGreaterThanOrEqual(80);
    expect(MAX_SLUG_LENGTH).toBeLessThanOrEqual(100);
    expect(truncateSlug('tu-'.repeat(100)).length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  });
});

describe('assignSlugs', () => {
  const older: NameRequest = { origin: 'z.txt', slug: 'ket-qua', date: at('2023-07-18T15:00:00+07:00') };
  const newer: NameRequest = { origin: 'a.txt', slug: 'ket-qua', date: at('2024-07-17T15:00:00+07:00') };

  it('gives the oldest article the plain slug whatever the input order', () => {
    const expected = new Map([
      ['z.txt', 'ket-qua'],
      ['a.txt', 'ket-qua-20240717'],
    ]);
    expect(assignSlugs([older, newer], new Set())).toEqual(expected);
    expect(assignSlugs([newer, older], new Set())).toEqual(expected);
  });

  it('never takes a slug already used in the articles folder', () => {
    expect(assignSlugs([older], new Set(['ket-qua']))).toEqual(new Map([['z.txt', 'ket-qua-20230718']]));
  });

  it('tells apart two saves of the same article by file name', () => {
    const copy = { ...older, origin: 'y.txt' };
    expect(assignSlugs([older, copy], new Set())).toEqual(
      new Map([
        ['y.txt', 'ket-qua'],
        ['z.txt', 'ket-qua-20230718'],
      ]),
    );
    const third = { ...older, origin: 'x.txt' };
    expect(assignSlugs([older, copy, third], new Set()).get('z.txt')).toBe('ket-qua-20230718-1500');
  });
});
