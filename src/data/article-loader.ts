/**
 * The Content Layer loader for articles. It parses every file through the schema, reports
 * all problems at once (nothing is stored when any article is bad), renders Markdown with
 * our sanitising pipeline, and skips files whose source and registries are unchanged:
 * `article-records.ts` keeps their parsed front matter between builds, `article-html.ts`
 * their HTML, `picture-catalogue.ts` their pictures' facts, and Astro's data store one
 * digest of it all.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { codeDigest } from '../cache/code-digest.ts';
import { OUT_DIR_ENV } from './build-env.ts';
import type { ParsedArticle } from '../lib/article.ts';
import { ContentError, formatIssue, type ContentIssue } from '../lib/content-issues.ts';
import { lintBodyLinks, type FoundUrl } from '../lib/content-lint.ts';
import { linkContext } from '../lib/link-context.ts';
import { articleHtmlDir, hasArticleHtml, listArticleHtml, pruneArticleHtml, writeArticleHtml } from './article-html.ts';
import {
  archiveDigest,
  articleRecordsFile,
  readArticleRecords,
  writeArticleRecords,
  type ArticleRecord,
} from './article-records.ts';
import {
  buildTime,
  crossCheckArticles,
  listArticleFiles,
  readLogo,
  readRegistries,
  type Registries,
} from './content-files.ts';
import { blobId, unchangedBlobIds } from './git-blobs.ts';
import {
  cataloguePictures,
  pictureCatalogueFile,
  type CataloguedPicture,
  readPictureCatalogue,
  writePictureCatalogue,
} from './picture-catalogue.ts';
import type { ArticleJob } from './process-article.ts';

/**
 * Part of every article's digest, which names its record and rendered body: the code that
 * parses and renders articles (this module's imports, followed) and the packages it loads, so a
 * changed sanitiser, plugin or parser re-renders every article.
 */
const ARTICLE_CODE = ['src/data/article-loader.ts'];

async function loadArticles({ store, generateDigest, logger, config }: LoaderContext): Promise<void> {
  const root = fileURLToPath(config.root);
  const cacheDir = fileURLToPath(config.cacheDir);
  const htmlDir = articleHtmlDir(cacheDir);
  const recordsFile = articleRecordsFile(cacheDir);
  const registries = await readRegistries(root);
  const registryDigest = generateDigest(JSON.stringify(registries.categories));
  const code = codeDigest(ARTICLE_CODE);
  const files = await listArticleFiles(root);
  const issues: ContentIssue[] = [...registries.issues];
  const articles: ParsedArticle[] = [];
  const changed: { article: ParsedArticle; digest: string; html: string; urls: FoundUrl[] }[] = [];
  const siteHost = new URL(registries.site.url).host;
  // Articles refused for their body alone: their links are still checked, as `npm run check` does.
  const brokenBodies: { article: ParsedArticle; urls: FoundUrl[] }[] = [];

  const [htmlFiles, records] = await Promise.all([listArticleHtml(htmlDir), readArticleRecords(recordsFile)]);
  const jobs: (ArticleJob & { digest: string })[] = [];
  const unchanged: ArticleRecord[] = [];
  // An article is keyed by its git object id: git's own for a file it finds unchanged (nothing
  // read), computed from the bytes for any other. Only a changed file's text is kept. Git's ids
  // serve the picture catalogue too.
  const committed = unchangedBlobIds(root, 'content');
  for (const file of files) {
    // Read synchronously: for many small files `fs.promises.readFile` (open, stat, read and close,
    // each through the thread pool) is slower, and nothing else waits meanwhile.
    const read = () => readFileSync(path.join(root, file));
    let bytes: Buffer | undefined;
    const blob = committed.get(file) ?? blobId((bytes = read()));
    const digest = generateDigest(`${code}\n${registryDigest}\n${blob}`);
    const record = records.get(file);
    if (record?.htmlKey === digest && hasArticleHtml(htmlFiles, digest)) {
      articles.push({ ...record, body: '' });
      unchanged.push(record);
    } else {
      const source = (bytes ?? read()).toString('utf8');
      jobs.push({ file, source, categories: registries.categories, siteHost, digest });
    }
  }
  // Markdown's parsers and plugins are loaded only when an article needs them: not at all on a
  // build where no article changed.
  const outcomes = jobs.length > 0 ? await (await import('./process-article.ts')).processArticles(jobs) : [];
  outcomes.forEach((outcome, index) => {
    if (!outcome.ok) {
      issues.push(...outcome.issues);
      if (outcome.parsed) brokenBodies.push({ article: outcome.parsed, urls: outcome.urls ?? [] });
      return;
    }
    articles.push(outcome.article);
    changed.push({ article: outcome.article, digest: jobs[index]!.digest, html: outcome.html!, urls: outcome.urls! });
  });
  const now = buildTime();
  issues.push(...crossCheckArticles(root, articles, { now }));
  // Links in the bodies, judged against every article as `npm run check` judges them.
  const linked = [
    ...unchanged.map((record) => ({ article: { ...record, body: '' }, urls: record.urls })),
    ...changed,
    ...brokenBodies,
  ];
  const context = linkContext(
    files,
    linked.map(({ article }) => article),
    { siteUrl: registries.site.url, categories: registries.categories, now },
  );
  for (const { article, urls } of linked) if (urls.length) issues.push(...lintBodyLinks(article, context, urls));
  const picturesFile = pictureCatalogueFile(cacheDir);
  const previousPictures = await readPictureCatalogue(picturesFile);
  const catalogue = await cataloguePictures(root, articles, previousPictures, { committed });
  issues.push(...catalogue.issues);

  for (const warning of issues.filter((issue) => issue.severity === 'warning')) logger.warn(formatIssue(warning));
  if (issues.some((issue) => issue.severity === 'error')) throw new ContentError(issues);

  await writeArticleHtml(
    htmlDir,
    changed.map(({ digest, html }) => ({ key: digest, html })),
  );
  const current = [
    ...unchanged,
    ...changed.map(({ article: { body: _body, ...rest }, digest, urls }): ArticleRecord => ({
      ...rest,
      htmlKey: digest,
      urls,
    })),
  ];
  // One entry for the whole archive (see `archiveDigest`); an unchanged digest leaves the store as it is.
  store.set({ id: ARCHIVE_ID, data: {}, digest: archiveDigest(current, catalogue.pictures.values()) });
  for (const id of store.keys()) if (id !== ARCHIVE_ID) store.delete(id);
  if (changed.length > 0 || current.length !== records.size) await writeArticleRecords(recordsFile, current);
  if (catalogue.changed) await writePictureCatalogue(picturesFile, catalogue.pictures);
  if (process.env[OUT_DIR_ENV]) await prepareNewPictures(root, cacheDir, previousPictures, catalogue.pictures);
  const keep = new Set([...jobs.map((job) => job.digest), ...unchanged.map((record) => record.htmlKey)]);
  await pruneArticleHtml(htmlDir, htmlFiles, keep);
  logger.info(`${files.length} bài viết, ${changed.length} bài mới hoặc đã sửa`);
}

/**
 * Under `npm run build`, starts encoding the pictures new to the catalogue into the picture
 * cache, in the background: Astro then renders pages on one core, and the publishing step after
 * it finds the files ready. The encoding is not awaited: whatever is unfinished when Astro's
 * process ends, or failed, the publishing step encodes, or reports.
 */
async function prepareNewPictures(
  root: string,
  cacheDir: string,
  previous: ReadonlyMap<string, CataloguedPicture>,
  current: ReadonlyMap<string, CataloguedPicture>,
): Promise<void> {
  const known = new Set([...previous.values()].map((picture) => picture.digest));
  const pictures = [...current.values()].filter((picture) => !known.has(picture.digest));
  if (pictures.length === 0) return;
  // Loaded now, while Vite still serves modules to the content sync (it stops when the sync
  // ends), and only now: sharp is not needed on a build without new pictures.
  const { pictureCacheDir, prepareInCache } = await import('./picture-files.ts');
  void prepareInCache({ root, cacheDir: pictureCacheDir(cacheDir), pictures }).catch(() => undefined);
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
    load: async ({ store, config, generateDigest }) => {
      const root = fileURLToPath(config.root);
      const cacheDir = fileURLToPath(config.cacheDir);
      const { site, categories, authors } = await readRegistries(root);
      const data: StoredRegistries = {
        root,
        logoSvg: readLogo(site),
        htmlDir: articleHtmlDir(cacheDir),
        recordsFile: articleRecordsFile(cacheDir),
        picturesFile: pictureCatalogueFile(cacheDir),
        site,
        categories,
        authors,
      };
      // With a digest, an unchanged entry leaves the store untouched: Astro does not write it again.
      store.set({ id: REGISTRIES_ID, data, digest: generateDigest(JSON.stringify(data)) });
    },
  };
}

export const REGISTRIES_ID = 'registries';
/** The articles collection's one entry: the digest of the archive (`archiveDigest`). */
export const ARCHIVE_ID = 'archive';

/** The registries entry: the registries, and where the article loader keeps what it read. */
export type StoredRegistries = Omit<Registries, 'issues'> & {
  /** The site's root folder, which article files are relative to. */
  root: string;
  /** The logo's SVG text, drawn into the site's icons and default share picture. */
  logoSvg: string;
  /** Rendered bodies (`article-html.ts`). */
  htmlDir: string;
  /** Parsed front matter (`article-records.ts`). */
  recordsFile: string;
  /** Lead pictures' digests and sizes (`picture-catalogue.ts`). */
  picturesFile: string;
};
