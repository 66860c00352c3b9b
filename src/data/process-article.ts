/**
 * One article file from source text to validated data and safe HTML: the unit of work the
 * loader spreads over worker threads.
 */
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseArticle, type ArticleParseResult } from '../lib/article.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import type { Category } from '../lib/schema.ts';

export interface ArticleJob {
  file: string;
  source: string;
  categories: readonly Category[];
}

export type ArticleOutcome = ArticleParseResult & { html?: string };

/**
 * @example
 * processArticle({ file: 'content/articles/a.md', source, categories }); // { ok: true, article, html }
 */
export function processArticle(job: ArticleJob): ArticleOutcome {
  const result = parseArticle(job.file, job.source, job.categories);
  return result.ok ? { ...result, html: renderMarkdown(result.article.body) } : result;
}

/** Below this many files, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 400;
const BATCH = 250;

/**
 * Processes jobs on all cores (in order), or in-process for small batches.
 *
 * @example
 * const outcomes = await processArticles(jobs);
 */
export async function processArticles(jobs: readonly ArticleJob[]): Promise<ArticleOutcome[]> {
  const workerCount = Math.min(cpus().length, Math.ceil(jobs.length / BATCH));
  if (jobs.length < WORKER_THRESHOLD || workerCount < 2) return jobs.map(processArticle);
  const outcomes: ArticleOutcome[] = new Array(jobs.length);
  let next = 0;
  const run = async () => {
    const worker = new Worker(new URL('./article-worker.ts', import.meta.url));
    try {
      while (next < jobs.length) {
        const start = next;
        next += BATCH;
        const batch = jobs.slice(start, start + BATCH);
        const results = await new Promise<ArticleOutcome[]>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage(batch);
        });
        worker.removeAllListeners('error');
        results.forEach((outcome, index) => (outcomes[start + index] = outcome));
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: workerCount }, run));
  return outcomes;
}
