/**
 * One article file from source text to validated data and safe HTML: the unit of work the
 * loader spreads over worker threads.
 */
import { parseArticle, type ArticleParseResult } from '../lib/article.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import type { Category } from '../lib/schema.ts';
import { mapOnWorkers } from './worker-pool.ts';

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

/**
 * Processes jobs on all cores (in order), or in-process for small batches.
 *
 * @example
 * const outcomes = await processArticles(jobs);
 */
export function processArticles(jobs: readonly ArticleJob[]): Promise<ArticleOutcome[]> {
  return mapOnWorkers({ worker: new URL('./article-worker.ts', import.meta.url), jobs, inProcess: processArticle });
}
