/**
 * The site's search index: Pagefind's Node API run over the finished article pages at
 * `astro:build:done`. Unlike `astro-pagefind`, which only logs, any error Pagefind reports
 * throws, and a throw in this hook fails `astro build` (and so `npm run build`, which then
 * keeps the previous `dist/`).
 */
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefindModule from 'pagefind';
import { listArticleFiles, readRegistries } from '../data/content-files.ts';
import { isPublished } from '../lib/archive.ts';
import { parseArticle } from '../lib/article.ts';
import { articleUrl } from '../lib/urls.ts';

/** The part of Pagefind's Node API used here; tests pass a fake. */
export interface PagefindApi {
  createIndex: typeof pagefindModule.createIndex;
  close: typeof pagefindModule.close;
}

export interface SearchIndexOptions {
  /** The built site (`dist/`), absolute or relative to the working directory. */
  distDir: string;
  /** Where the bundle goes; `<distDir>/pagefind`, served as `/pagefind/`, by default. */
  outputPath?: string;
  pagefind?: PagefindApi;
}

export interface SearchIndexStats {
  /** Pages in the index. */
  pages: number;
  /** Size of the bundle written, in bytes. */
  bytes: number;
  seconds: number;
}

/** Only article pages are indexed; every other page is a list of links to them. */
export const ARTICLE_PAGES_GLOB = `${articleUrl('*').slice(1)}index.html`;

// Pagefind also writes its ready-made UIs; the site has its own search page, so they would
// only be dead weight on the CDN.
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** Thrown when Pagefind reports a problem; the message lists Pagefind's own errors. */
export class SearchIndexError extends Error {
  constructor(step: string, errors: readonly string[]) {
    super(`Không tạo được chỉ mục tìm kiếm (Pagefind, bước ${step}): ${errors.join('; ') || 'lỗi không rõ'}`);
    this.name = 'SearchIndexError';
  }
}

/**
 * Indexes the article pages of a built site with Pagefind and writes the bundle. Throws a
 * {@link SearchIndexError} on any error Pagefind reports, or when article pages exist but none
 * was indexed (the template lost `data-pagefind-body`).
 *
 * @example
 * const { pages, bytes, seconds } = await buildSearchIndex({ distDir: 'dist' });
 * // { pages: 10000, bytes: 41_000_000, seconds: 12.3 }
 */
export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexStats> {
  const started = performance.now();
  const distDir = path.resolve(options.distDir);
  const outputPath = path.resolve(options.outputPath ?? path.join(distDir, 'pagefind'));
  const pagefind = options.pagefind ?? pagefindModule;
  if (!(await stat(distDir).catch(() => undefined))?.isDirectory()) {
    throw new SearchIndexError('addDirectory', [`không có thư mục ${distDir}`]);
  }
  try {
    // The whole archive is Vietnamese; forcing the language keeps one index whatever a
    // page's `lang` says.
    const created = await answered('createIndex', () => pagefind.createIndex({ forceLanguage: 'vi' }));
    if (created.errors.length > 0 || !created.index) throw new SearchIndexError('createIndex', created.errors);
    const { index } = created;
    const added = await answered('addDirectory', () => index.addDirectory({ path: distDir, glob: ARTICLE_PAGES_GLOB }));
    if (added.errors.length > 0) throw new SearchIndexError('addDirectory', added.errors);
    if (added.page_count === 0 && (await hasArticlePages(distDir))) {
      throw new SearchIndexError('addDirectory', [
        'không có trang bài viết nào được lập chỉ mục (thiếu data-pagefind-body?)',
      ]);
    }
    const written = await answered('writeFiles', () => index.writeFiles({ outputPath }));
    if (written.errors.length > 0) throw new SearchIndexError('writeFiles', written.errors);
    await Promise.all(UNUSED_BUNDLE_FILES.map((file) => rm(path.join(outputPath, file), { force: true })));
    return {
      pages: added.page_count,
      bytes: await directorySize(outputPath),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    // Pagefind runs as a child process; leaving it open would keep the build alive.
    await pagefind.close();
  }
}

/**
 * Runs one Pagefind call, failing if Pagefind's process dies before answering. Pagefind's
 * Node wrapper does not watch its child process: when the binary panics (it does, for
 * example, on an output path that cannot be created) the call's promise never settles and
 * Node, with nothing left to do, would exit as if the build had succeeded. A pending call
 * holds a reference on that process, so the event loop draining while we wait means it
 * is gone.
 */
function answered<T>(step: string, call: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const died = () => reject(new SearchIndexError(step, ['tiến trình Pagefind đã dừng mà không trả lời']));
    process.once('beforeExit', died);
    call()
      .then(resolve, (error: unknown) =>
        reject(new SearchIndexError(step, [error instanceof Error ? error.message : String(error)])),
      )
      .finally(() => process.off('beforeExit', died));
  });
}

async function hasArticlePages(distDir: string): Promise<boolean> {
  const articlesDir = path.join(distDir, path.dirname(path.dirname(ARTICLE_PAGES_GLOB)));
  const entries = await readdir(articlesDir, { withFileTypes: true }).catch(() => []);
  return entries.some((entry) => entry.isDirectory());
}

async function directorySize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const DEV_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

/**
 * The search bundle for `npm run dev`: every published article page, fetched from the dev
 * server so it carries exactly the attributes a build indexes, indexed in memory.
 *
 * @example
 * const files = await buildDevBundle('/site', 'http://localhost:4321'); // Map { 'pagefind.js' => … }
 */
export async function buildDevBundle(root: string, origin: string): Promise<Map<string, Uint8Array>> {
  const { categories } = await readRegistries(root);
  const now = new Date();
  const slugs: string[] = [];
  for (const file of await listArticleFiles(root)) {
    const parsed = parseArticle(file, await readFile(path.join(root, file), 'utf8'), categories);
    if (parsed.ok && isPublished(parsed.article.data, now)) slugs.push(parsed.article.data.slug);
  }
  const created = await pagefindModule.createIndex({ forceLanguage: 'vi' });
  if (!created.index) throw new SearchIndexError('createIndex', created.errors);
  for (const slug of slugs) {
    const url = articleUrl(slug);
    const content = await (await fetch(new URL(url, origin))).text();
    const added = await created.index.addHTMLFile({ url, content });
    if (added.errors.length > 0) throw new SearchIndexError('addHTMLFile', added.errors);
  }
  const { errors, files } = await created.index.getFiles();
  if (errors.length > 0) throw new SearchIndexError('getFiles', errors);
  await created.index.deleteIndex();
  return new Map(files.map((file) => [file.path, file.content]));
}

/**
 * Astro integration: builds the search index once the site is written.
 *
 * @example
 * integrations: [archivePostbuild(), searchIndex()];
 */
export function searchIndex(options: { pagefind?: PagefindApi } = {}): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'news-archive-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server, logger }) => {
        // `npm run dev` has no dist/: index the pages the dev server itself renders, in
        // memory, on the first search, and again after content changes.
        let bundle: Promise<Map<string, Uint8Array>> | undefined;
        server.watcher.on('all', (_event, changed) => {
          if (changed.includes(`${path.sep}content${path.sep}`)) bundle = undefined;
        });
        server.middlewares.use((request, response, next) => {
          const pathname = (request.url ?? '').split('?')[0]!;
          if (!pathname.startsWith('/pagefind/')) return next();
          bundle ??= buildDevBundle(root, `http://${request.headers.host}`).catch((error: unknown) => {
            logger.error(String(error));
            bundle = undefined;
            return new Map();
          });
          void bundle.then((files) => {
            const file = files.get(pathname.slice('/pagefind/'.length));
            if (!file) {
              response.statusCode = 404;
              response.end();
              return;
            }
            response.setHeader('Content-Type', DEV_TYPES[path.extname(pathname)] ?? 'application/octet-stream');
            response.end(file);
          });
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const stats = await buildSearchIndex({
          distDir: fileURLToPath(dir),
          ...(options.pagefind ? { pagefind: options.pagefind } : {}),
        });
        logger.info(
          `Chỉ mục tìm kiếm: ${stats.pages} bài viết, ${(stats.bytes / 1024).toFixed(0)} KB, ${stats.seconds.toFixed(1)} giây`,
        );
      },
    },
  };
}
