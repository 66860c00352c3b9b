/**
 * Worker thread body for `npm run check`: prepares a batch of article files (parse,
 * validate, extract body URLs, tone placement) so a large archive uses every core.
 */
import { parentPort } from 'node:worker_threads';
import { prepareArticle } from '../../src/lib/content-lint.ts';
import type { Category } from '../../src/lib/schema.ts';

export interface CheckBatch {
  jobs: { file: string; source: string }[];
  categories: Category[];
  siteHost: string;
}

parentPort?.on('message', ({ jobs, categories, siteHost }: CheckBatch) => {
  parentPort?.postMessage(jobs.map((job) => prepareArticle(job.file, job.source, categories, siteHost)));
});
