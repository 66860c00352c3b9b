/**
 * The importer's last check: every article it is about to write goes through the site's
 * schema, exactly as the build will read it. That check is most of an import's CPU time, so
 * large batches are spread over worker threads, one per core; this module is also the
 * worker those threads run.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { mapOnWorkers, serveBatches } from '../../src/data/worker-pool.ts';
import { checkArticleFile } from '../../src/lib/import/convert.ts';
import type { Category } from '../../src/lib/schema.ts';

export interface CheckJob {
  /** Site-relative path the article will have, for the schema's messages and file slug. */
  file: string;
  text: string;
}

const ROLE = 'import-check';
/** Below this many articles, starting worker threads costs more than it saves. */
const PARALLEL_FROM = 400;
const CHUNK = 100;

/**
 * Runs articles through the schema; for each, `undefined` when valid, else its problems.
 *
 * @example
 * await checkAll([{ file: 'content/articles/2022/a.md', text }], categories, () => {}); // [undefined]
 */
export function checkAll(
  jobs: readonly CheckJob[],
  categories: readonly Category[],
  onDone: (count: number) => void,
): Promise<(string | undefined)[]> {
  return mapOnWorkers({
    worker: new URL(import.meta.url),
    jobs,
    context: { role: ROLE, categories },
    inProcess: (job) => checkArticleFile(job.file, job.text, categories),
    threshold: PARALLEL_FROM,
    batchSize: CHUNK,
    onDone,
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
  const { categories } = workerData as { categories: Category[] };
  serveBatches((job: CheckJob) => checkArticleFile(job.file, job.text, categories));
}
