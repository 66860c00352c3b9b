/**
 * The benchmark's search steps in Chromium on loopback: what a reader's browser fetches for a
 * first and a second query and how long results take to show (`scripts/search-probe.ts`), and
 * the relevance of the benchmark's queries (`relevance-probe.ts`). Each answers `n/a: …` rather
 * than failing the benchmark.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { round } from './read-output.ts';
import type { QueryScore } from './relevance.ts';

/** The queries of the first-query step: a common two-syllable place, then another. */
export const PROBE_QUERIES = ['da lat', 'bảo lộc'];

const failure = (error: unknown) => `n/a: ${error instanceof Error ? error.message : String(error)}`;
const noBundle = (dist: string) => !existsSync(path.join(dist, 'pagefind'));

/**
 * The search page, a first and a second query, each as typed (Enter) with its requests,
 * bytes and time to results.
 *
 * @example
 * await searchQueriesStep('.bench/site/dist'); // [{ label: 'search page', … }, { label: 'query "da lat"', ms: 240, … }, …]
 */
export async function searchQueriesStep(dist: string): Promise<unknown> {
  if (noBundle(dist)) return 'n/a: dist/ has no pagefind/ bundle';
  try {
    const { probeSearch } = await import('../search-probe.ts');
    const probe = await probeSearch({ dist, queries: PROBE_QUERIES });
    return probe.steps.map(({ label, requests, bytes, gzipBytes, ms, results }) => ({
      label,
      requests,
      bytes,
      gzipBytes,
      ms,
      results,
    }));
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
