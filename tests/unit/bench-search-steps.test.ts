import { describe, expect, it } from 'vitest';
import { summariseProbes } from '../../scripts/bench/search-steps.ts';

const step = (label: string, ms?: number) => ({
  label,
  requests: 12,
  bytes: 500_000,
  gzipBytes: 400_000,
  files: [],
  ...(ms === undefined ? {} : { ms, results: 10 }),
});

describe('summariseProbes', () => {
  it('keeps the first run’s bytes and gives the median time with the fastest and slowest run', () => {
    const runs = [
      [step('search page'), step('query "da lat"', 900)],
      [step('search page'), step('query "da lat"', 700)],
      [step('search page'), step('query "da lat"', 1400)],
    ];
    expect(summariseProbes(runs)).toEqual([
      { label: 'search page', requests: 12, bytes: 500_000, gzipBytes: 400_000 },
      {
        label: 'query "da lat"',
        requests: 12,
        bytes: 500_000,
        gzipBytes: 400_000,
        ms: 900,
        msRange: [700, 1400],
        results: 10,
      },
    ]);
  });

  it('takes the lower middle of an even number of runs, and is empty without runs', () => {
    expect(summariseProbes([[step('q', 300)], [step('q', 100)]])[0]).toMatchObject({ ms: 100, msRange: [100, 300] });
    expect(summariseProbes([])).toEqual([]);
  });
});
