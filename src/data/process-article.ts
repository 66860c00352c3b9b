/**
 * One article file from source text to validated data and safe HTML: the unit of work the
 * loader spreads over worker threads.
 */
import { parseArticle, type ArticleParseResult } from '../lib/article.ts';
import { renderArticleBody } from '../lib/markdown.ts';
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
  if (!result.ok) return result;
  // Body images that break the one rule (`src/lib/body-images.ts`) are errors, as in `npm run check`.
  const { html, issues } = renderArticleBody(result.article);
  return issues.length ? { ok: false, issues } : { ...result, html };
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
