/**
 * One article file from source text to validated data and safe HTML: the unit of work the
 * loader spreads over worker threads.
 */
import { parseArticle, type ArticleParseResult, type ParsedArticle } from '../lib/article.ts';
import { bodyUrls, worthChecking, type FoundUrl } from '../lib/content-lint.ts';
import { renderArticleBody } from '../lib/markdown.ts';
import type { Category } from '../lib/schema.ts';
import { mapOnWorkers } from './worker-pool.ts';

export interface ArticleJob {
  file: string;
  source: string;
  categories: readonly Category[];
  /** The site's host, when the body's URLs are wanted for the link check (absolute links to it are the site's own). */
  siteHost?: string;
}

/**
 * A valid article also brings its HTML and, when asked for, the URLs of its body for the link
 * check; so does one whose only errors are in its body, whose links `npm run check` checks too.
 */
export type ArticleOutcome = ArticleParseResult & { html?: string; urls?: FoundUrl[]; parsed?: ParsedArticle };

/**
 * @example
 * processArticle({ file: 'content/articles/a.md', source, categories, siteHost }); // { ok: true, article, html, urls }
 */
export function processArticle(job: ArticleJob): ArticleOutcome {
  const result = parseArticle(job.file, job.source, job.categories);
  if (!result.ok) return result;
  // Body images that break the one rule (`src/lib/body-images.ts`) are errors, as in `npm run check`.
  const { html, issues } = renderArticleBody(result.article);
  const { body } = result.article;
  // Links only: the renderer has judged the images.
  const links = (siteHost: string) =>
    bodyUrls(body, worthChecking(body, siteHost)).filter((found) => found.kind === 'link');
  const urls = job.siteHost === undefined ? {} : { urls: links(job.siteHost) };
  return issues.length ? { ok: false, issues, parsed: result.article, ...urls } : { ...result, html, ...urls };
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
