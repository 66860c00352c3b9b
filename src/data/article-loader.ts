/**
 * The Content Layer loader for articles. It parses every file through the schema, reports
 * all problems at once (nothing is stored when any article is bad), renders Markdown with
 * our sanitising pipeline, and skips files whose source and registries are unchanged: the
 * data store keeps their parsed data between builds, and `article-html.ts` their HTML.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ParsedArticle } from '../lib/article.ts';
import { ContentError, formatIssue, type ContentIssue } from '../lib/content-issues.ts';
import { articleHtmlDir, hasArticleHtml, listArticleHtml, pruneArticleHtml, writeArticleHtml } from './article-html.ts';
import { FILES_AT_ONCE, mapConcurrently } from './concurrency.ts';
import { crossCheckArticles, listArticleFiles, readRegistries } from './content-files.ts';
import { processArticles, type ArticleJob } from './process-article.ts';

/** What the data store keeps for an article; `htmlKey` names its rendered body (`article-html.ts`). */
export type StoredArticle = Omit<ParsedArticle, 'body'> & { htmlKey: string } & Record<string, unknown>;

/**
 * Part of every article's digest. Astro keeps a stored entry whose digest is unchanged, so
 * changing what is stored (or how bodies are rendered) must change this, or old entries stay.
 */
const STORE_FORMAT = 'article-v2 (body in article-html)';

async function loadArticles({ store, generateDigest, logger, config }: LoaderContext): Promise<void> {
  const root = fileURLToPath(config.root);
  const htmlDir = articleHtmlDir(fileURLToPath(config.cacheDir));
  const registries = await readRegistries(root);
  const registryDigest = generateDigest(JSON.stringify(registries.categories));
  const files = await listArticleFiles(root);
  const issues: ContentIssue[] = [...registries.issues];
  const articles: ParsedArticle[] = [];
  const changed: { article: ParsedArticle; digest: string; html: string }[] = [];

  const htmlFiles = await listArticleHtml(htmlDir);
  const sources = await mapConcurrently(files, FILES_AT_ONCE, (file) => readFile(path.join(root, file), 'utf8'));
  const jobs: (ArticleJob & { digest: string })[] = [];
  const unchangedDigests: string[] = [];
  files.forEach((file, index) => {
    const source = sources[index]!;
    const digest = generateDigest(`${STORE_FORMAT}\n${registryDigest}\n${source}`);
    const stored = store.get<StoredArticle>(file);
    if (stored?.digest === digest && hasArticleHtml(htmlFiles, digest)) {
      articles.push({ ...stored.data, body: '' });
      unchangedDigests.push(digest);
    } else jobs.push({ file, source, categories: registries.categories, digest });
  });
  const outcomes = await processArticles(jobs);
  outcomes.forEach((outcome, index) => {
    if (!outcome.ok) {
      issues.push(...outcome.issues);
      return;
    }
    articles.push(outcome.article);
    changed.push({ article: outcome.article, digest: jobs[index]!.digest, html: outcome.html! });
  });
  issues.push(...crossCheckArticles(root, articles));

  for (const warning of issues.filter((issue) => issue.severity === 'warning')) logger.warn(formatIssue(warning));
  if (issues.some((issue) => issue.severity === 'error')) throw new ContentError(issues);

  await writeArticleHtml(
    htmlDir,
    changed.map(({ digest, html }) => ({ key: digest, html })),
  );
  for (const { article, digest } of changed) {
    const { body: _body, ...rest } = article;
    const data: StoredArticle = { ...rest, htmlKey: digest };
    store.set({ id: article.file, data, digest, filePath: article.file });
  }
  const present = new Set(files);
  for (const id of store.keys()) if (!present.has(id)) store.delete(id);
  await pruneArticleHtml(htmlDir, htmlFiles, new Set(jobs.map((job) => job.digest).concat(unchangedDigests)));
  logger.info(`${files.length} bài viết, ${changed.length} bài mới hoặc đã sửa`);
}

/**
 * @example
 * defineCollection({ loader: articleLoader() });
 */
export function articleLoader(): Loader {
  return {
    name: 'news-archive-articles',
    load: async (context) => {
      await loadArticles(context);
      // In `astro dev`, reload when an article or registry changes.
      context.watcher?.on('all', (_event, changedPath) => {
        if (changedPath.includes(`${path.sep}content${path.sep}`)) {
          loadArticles(context).catch((error: unknown) => context.logger.error(String(error)));
        }
      });
    },
  };
}

/**
 * Keeps the site settings and registries in the data store, so pages read them the same
 * way whatever folder the build runs from. Their problems are reported by the article
 * loader, which reads them too.
 *
 * @example
 * defineCollection({ loader: registriesLoader() });
 */
export function registriesLoader(): Loader {
  return {
    name: 'news-archive-registries',
    load: async ({ store, config }) => {
      const root = fileURLToPath(config.root);
      const htmlDir = articleHtmlDir(fileURLToPath(config.cacheDir));
      const { site, categories, authors } = await readRegistries(root);
      store.set({ id: REGISTRIES_ID, data: { root, htmlDir, site, categories, authors } });
    },
  };
}

export const REGISTRIES_ID = 'registries';
