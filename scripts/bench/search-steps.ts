/**
 * The benchmark's search steps in Chromium on loopback: what a reader's browser fetches for a
 * first and a second query and how long results take to show (`scripts/search-probe.ts`), and
 * the relevance of the benchmark's queries (`relevance-probe.ts`). Each answers `n/a: …` rather
 * than failing the benchmark.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ProbeStep } from '../search-probe.ts';
import { round } from './read-output.ts';
import type { QueryScore } from './relevance.ts';

/** The queries of the first-query step: a common two-syllable place, then another. */
export const PROBE_QUERIES = ['da lat', 'bảo lộc'];

const failure = (error: unknown) => `n/a: ${error instanceof Error ? error.message : String(error)}`;
const noBundle = (dist: string) => !existsSync(path.join(dist, 'pagefind'));

/** Probe runs of each kind, for a median and a range of the times. */
export const PROBE_RUNS = 3;

/** One probe step over several runs: its bytes (the same every run) and its times. */
export interface ProbeSummary {
  label: string;
  requests: number;
  bytes: number;
  gzipBytes: number;
  /** The median time to results, and the fastest and slowest run. */
  ms?: number;
  msRange?: [number, number];
  results?: number;
}

/**
 * The steps of several probe runs of the same queries, each summarised: the first run's
 * requests and bytes, and the median and range of the times.
 *
 * @example
 * summariseProbes([[{ label: 'query "da lat"', requests: 9, bytes: 9, gzipBytes: 9, ms: 300, files: [] }], [{ …, ms: 200 }], [{ …, ms: 500 }]]);
 * // [{ label: 'query "da lat"', requests: 9, bytes: 9, gzipBytes: 9, ms: 300, msRange: [200, 500] }]
 */
export function summariseProbes(runs: readonly (readonly ProbeStep[])[]): ProbeSummary[] {
  return (runs[0] ?? []).map(({ label, requests, bytes, gzipBytes, results }, index) => {
    const times = runs.flatMap((run) => (run[index]?.ms === undefined ? [] : [run[index]!.ms!])).sort((a, b) => a - b);
    const timed: Partial<ProbeSummary> =
      times.length > 0 ? { ms: times[Math.floor((times.length - 1) / 2)]!, msRange: [times[0]!, times.at(-1)!] } : {};
    return { label, requests, bytes, gzipBytes, ...timed, ...(results === undefined ? {} : { results }) };
  });
}

/**
 * The search page, a first and a second query, {@link PROBE_RUNS} times each way: set and
 * Enter, then typed a key at a time (timed from the last key), each run in a fresh browser.
 *
 * @example
 * await searchQueriesStep('.bench/site/dist'); // [{ label: 'search page', … }, { label: 'query "da lat"', ms: 240, msRange: [220, 300], … }, …]
 */
export async function searchQueriesStep(dist: string): Promise<unknown> {
  if (noBundle(dist)) return 'n/a: dist/ has no pagefind/ bundle';
  try {
    const { probeSearch, TYPING_DELAY_MS } = await import('../search-probe.ts');
    const summaries: ProbeSummary[] = [];
    for (const typedDelayMs of [undefined, TYPING_DELAY_MS]) {
      const runs: ProbeStep[][] = [];
      for (let run = 0; run < PROBE_RUNS; run++) {
        const options = { dist, queries: PROBE_QUERIES, ...(typedDelayMs === undefined ? {} : { typedDelayMs }) };
        runs.push((await probeSearch(options)).steps);
      }
      // The search page is the same either way.
      summaries.push(...summariseProbes(runs).filter((step) => typedDelayMs === undefined || step.ms !== undefined));
    }
    return summaries;
  } catch (error) {
    return failure(error);
  }
}

/**
 * Precision of the first ten results and recall of the relevance queries on the site at `root`.
 *
 * @example
 * await relevanceStep('.bench/site'); // { queries: 33, precisionAt10: 1, recall: 1, scores: […] }
 */
export async function relevanceStep(root: string): Promise<unknown> {
  if (noBundle(path.join(root, 'dist'))) return 'n/a: dist/ has no pagefind/ bundle';
  try {
    const { measureRelevance } = await import('./relevance-probe.ts');
    const scores = await measureRelevance(root);
    const mean = (pick: (score: QueryScore) => number) =>
      round(scores.reduce((sum, score) => sum + pick(score), 0) / Math.max(1, scores.length), 3);
    return {
      queries: scores.length,
      precisionAt10: mean((score) => score.precisionAt10),
      recall: mean((score) => score.recall),
      scores,
    };
  } catch (error) {
    return failure(error);
  }
}
