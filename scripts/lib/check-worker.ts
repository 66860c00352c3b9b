/**
 * Worker thread body for `npm run check`: prepares batches of article files (parse,
 * validate, extract body URLs, tone placement) so a large archive uses every core.
 */
import { workerData } from 'node:worker_threads';
import { serveBatches } from '../../src/data/worker-pool.ts';
import { prepareArticle } from '../../src/lib/content-lint.ts';
import type { Category } from '../../src/lib/schema.ts';

export interface CheckBatch {
  jobs: { file: string; source: string }[];
}

/** Sent once to each worker. */
export interface CheckContext {
  categories: Category[];
  siteHost: string;
}

const { categories, siteHost } = (workerData ?? {}) as CheckContext;
serveBatches((job: CheckBatch['jobs'][number]) => prepareArticle(job.file, job.source, categories, siteHost));
