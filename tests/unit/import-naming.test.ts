import { describe, expect, it } from 'vitest';
import { assignSlugs, candidateSlugs, type NameRequest } from '../../src/lib/import/naming.ts';

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

  it('dates the suffix in Vietnam time', () => {
    const [, withDay] = candidateSlugs('a', at('2022-12-31T20:00:00Z'));
    expect(withDay).toBe('a-20230101');
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
