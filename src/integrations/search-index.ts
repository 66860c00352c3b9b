/**
 * The site's search index: Pagefind's Node API run over the finished article pages at
 * `astro:build:done` (or by `scripts/build.ts` after Astro exits), split by time of publication
 * into bundles (`dist/pagefind/<shard>/`, see `src/lib/search-shards.ts`). A bundle whose
 * indexed pages are unchanged since the last build is reused from the cache instead of being
 * indexed again.
 * Unlike `astro-pagefind`, which only logs, any error Pagefind reports throws, and a throw
 * fails the build (`npm run build` then removes the half-built `dist/`).
 */
import { copyFile, link, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefindModule from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { codeDigest } from '../cache/code-digest.ts';
import { listArticleFiles, readRegistries } from '../data/content-files.ts';
import { replaceFile } from '../data/replace-file.ts';
import { isPublished } from '../lib/archive.ts';
import { parseArticle } from '../lib/article.ts';
import { indexChunks, type ChunkRange } from '../lib/pagefind-meta.ts';
import { keysFile } from '../lib/search-keys.ts';
import { vocabularyFile } from '../lib/search-rank.ts';
import {
  BUNDLE_WASM_FILE,
  groupIntoShards,
  indexedDocument,
  indexedRegion,
  isWasmPlaceholder,
  regionDigest,
  shardFingerprint,
  type ShardPage,
  WASM_PLACEHOLDER,
} from '../lib/search-shards.ts';
import { articleUrl, SEARCH_DIR, searchUrl } from '../lib/urls.ts';
import { AFTER_BUILD_ENV } from '../data/build-env.ts';

/** The part of Pagefind's Node API used here; tests pass a fake. */
export interface PagefindApi {
  createIndex: typeof pagefindModule.createIndex;
  close: typeof pagefindModule.close;
}

export interface SearchIndexOptions {
  /** The built site (`dist/`), absolute or relative to the working directory. */
  distDir: string;
  /** Where the shards go; `<distDir>/pagefind`, served as `/pagefind/`, by default. */
  outputPath?: string;
  /**
   * Where each bundle is kept between builds (Astro's `cacheDir`/search-index). Without it
   * every bundle is indexed.
   */
  cacheDir?: string;
  /** The site's `searchShardPages` setting (`content/site.yaml`); automatic when absent. */
  shardPages?: number | undefined;
  /** A fake Pagefind (tests); the build uses {@link SEARCH_INDEX_LANES} real Pagefind processes. */
  pagefind?: PagefindApi;
}

export interface SearchIndexStats {
  /** Pages in the index. */
  pages: number;
  /** Size of the bundles written, in bytes. */
  bytes: number;
  seconds: number;
  /** Shards (the newest month, then runs of older months) in the index, newest first. */
  shards: string[];
  /** Shards indexed by this build; the others came from the cache. */
  indexed: string[];
}

/** Only article pages are indexed; every other page is a list of links to them. */
export const ARTICLE_PAGES_DIR = articleUrl('x').split('/')[1]!;

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

/**
 * The code that indexes pages, followed through its imports, and the locked versions of the
 * packages it loads (Pagefind's among them): when any changes, no cached bundle is reused.
 */
const indexCode = () => codeDigest(['src/integrations/search-index.ts']);
/**
 * Beside each bundle: its articles' words with how many hold each, which the search page reads
 * only to suggest a close word when a query word matches nothing (`src/scripts/search.ts`).
 */
export const VOCABULARY_FILE = 'words.txt';
/** Beside each bundle: its index words as Pagefind keys them (`src/lib/search-keys.ts`). */
export const KEYS_FILE = 'keys.txt';
const FINGERPRINT_FILE = '.fingerprint';
/** Beside it: the bundle's size in bytes without its WebAssembly, so a reused bundle is not walked to report it. */
const SIZE_FILE = '.size';
/** A file every bundle has; its inode tells which cached bundle a linked one came from. */
const BUNDLE_ENTRY_FILE = 'pagefind.js';
/** Beside the shards in the cache folder: what the last build read of each article page. */
const PAGE_DIGESTS_FILE = 'pages.json';
/** Pages read from disk, then sent to Pagefind, at a time. */
const PAGES_READ_AHEAD = 64;

/**
 * Pagefind processes indexing shards side by side: one per core, up to two. Pagefind indexes a
 * shard on about one core, and each process holds one shard's index (about 350 MB for a shard
 * of 1,000 articles), so two cut a cold index of 10,000 articles by a third (45 s to 30 s) on a
 * 2-core machine, at 850 MB for the indexer and both processes: below Astro's own peak, which
 * is over before indexing starts.
 */
export const SEARCH_INDEX_LANES = Math.max(1, Math.min(2, availableParallelism()));

/**
 * `count` independent Pagefind APIs, each with its own Pagefind process: Pagefind's Node module
 * keeps one process per module instance, so each extra lane imports it afresh under its own URL.
 */
async function pagefindLanes(count: number): Promise<PagefindApi[]> {
  const lanes: PagefindApi[] = [pagefindModule];
  for (let lane = 2; lane <= count; lane++) {
    lanes.push((await import(`${import.meta.resolve('pagefind')}?lane=${lane}`)) as PagefindApi);
  }
  return lanes;
}

/** Thrown when Pagefind reports a problem; the message lists Pagefind's own errors. */
export class SearchIndexError extends Error {
  constructor(step: string, errors: readonly string[]) {
    super(`Không tạo được chỉ mục tìm kiếm (Pagefind, bước ${step}): ${errors.join('; ') || 'lỗi không rõ'}`);
    this.name = 'SearchIndexError';
  }
}

interface ArticlePage extends ShardPage {
  file: string;
  month: string;
}

/**
 * Indexes the article pages of a built site with Pagefind, a bundle per shard, reusing the
 * cached bundle of every shard whose indexed pages are unchanged. Throws a
 * {@link SearchIndexError} on any error Pagefind reports, when article pages exist but none
 * can be indexed (the template lost `data-pagefind-body`), or when the search page expects
 * other shards than were indexed.
 *
 * @example
 * const { pages, shards, indexed } = await buildSearchIndex({ distDir: 'dist', cacheDir: 'node_modules/.astro/search-index' });
 * // { pages: 10000, shards: ['2024-04', '2023-07_2024-03', …, '2011-01_2012-06'], indexed: ['2024-04'], … }
 */
export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexStats> {
  const started = performance.now();
  const distDir = path.resolve(options.distDir);
  const outputPath = path.resolve(options.outputPath ?? path.join(distDir, SEARCH_DIR));
  const cacheDir = options.cacheDir && path.resolve(options.cacheDir);
  const lanes = options.pagefind ? [options.pagefind] : await pagefindLanes(SEARCH_INDEX_LANES);
  if (!(await stat(distDir).catch(() => undefined))?.isDirectory()) {
    throw new SearchIndexError('addDirectory', [`không có thư mục ${distDir}`]);
  }
  const { pages, unindexed } = await readArticlePages(distDir, cacheDir);
  if (pages.length === 0 && unindexed > 0) {
    throw new SearchIndexError('addHTMLFile', [
      'không có trang bài viết nào được lập chỉ mục (thiếu data-pagefind-body?)',
    ]);
  }
  const byShard = groupIntoShards(pages, options.shardPages);
  const shards = [...byShard.keys()];
  await checkSearchPage(distDir, shards);

  const salt = indexCode();
  const indexed = new Set<string>();
  // Each cached bundle's size without its WebAssembly (which placeWasm decides afterwards).
  const sizes = new Map<string, number>();
  const buildShard = async (shard: string, pagefind: PagefindApi) => {
    const shardPages = byShard.get(shard)!;
    const fingerprint = shardFingerprint(shardPages, salt);
    const target = path.join(outputPath, shard);
    const cached = cacheDir && path.join(cacheDir, shard);
    if (cached && (await readFile(path.join(cached, FINGERPRINT_FILE), 'utf8').catch(() => '')) === fingerprint) {
      // A kept build folder usually has this very bundle linked in already.
      if (!(await sameEntryFile(cached, target))) await linkBundle(cached, target);
      const size = await readBundleSize(cached);
      if (size !== undefined) sizes.set(shard, size);
      return;
    }
    indexed.add(shard);
    if (!cached) {
      // A path that cannot be cleared fails below, with Pagefind's own error.
      await rm(target, { recursive: true, force: true }).catch(() => undefined);
      await indexShard(pagefind, distDir, shardPages, target);
      return;
    }
    // Written beside the cache entry and renamed into place, so an interrupted build never
    // leaves a bundle that looks complete.
    const fresh = `${cached}.${process.pid}.tmp`;
    await rm(fresh, { recursive: true, force: true });
    try {
      await indexShard(pagefind, distDir, shardPages, fresh);
    } catch (error) {
      await rm(fresh, { recursive: true, force: true });
      throw error;
    }
    const size = directorySize(fresh, BUNDLE_WASM_FILE);
    await writeFile(path.join(fresh, SIZE_FILE), String(size));
    await writeFile(path.join(fresh, FINGERPRINT_FILE), fingerprint);
    await rm(cached, { recursive: true, force: true });
    await rename(fresh, cached);
    await linkBundle(cached, target);
    sizes.set(shard, size);
  };
  await removeEntriesBut(outputPath, shards);
  try {
    // Each lane takes the next shard, newest first; a bundle does not depend on which lane
    // built it or when.
    const waiting = [...shards];
    await Promise.all(
      lanes.map(async (pagefind) => {
        for (let shard = waiting.shift(); shard !== undefined; shard = waiting.shift()) {
          await buildShard(shard, pagefind);
        }
      }),
    );
  } finally {
    // Pagefind runs as a child process; leaving it open would keep the build alive.
    await Promise.all(lanes.map((pagefind) => pagefind.close()));
  }
  await Promise.all(
    shards.map((shard, position) =>
      placeWasm(path.join(outputPath, shard), position === 0, cacheDir && path.join(cacheDir, shard)),
    ),
  );
  if (cacheDir) await pruneCache(cacheDir, shards);
  return {
    pages: pages.length,
    bytes: await searchIndexBytes(outputPath, shards, sizes),
    seconds: (performance.now() - started) / 1000,
    shards,
    indexed: shards.filter((shard) => indexed.has(shard)),
  };
}

/**
 * Every article page's indexed region digest and month; pages without one are counted. Keeps
 * digests, not the HTML (hundreds of MB at 100,000 pages): a shard that must be indexed reads
 * its pages again. With a cache folder, a page whose file has the same size, modification time
 * and inode as at the last build is not read at all (`npm run build` keeps `dist/` between
 * builds, so an unchanged page is the very same file).
 */
async function readArticlePages(
  distDir: string,
  cacheDir: string | undefined,
): Promise<{ pages: ArticlePage[]; unindexed: number }> {
  const articlesDir = path.join(distDir, ARTICLE_PAGES_DIR);
  const entries = await readdir(articlesDir, { withFileTypes: true }).catch(() => []);
  const slugs = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const known = cacheDir ? await readPageDigests(cacheDir) : new Map<string, PageDigest>();
  const seen = new Map<string, PageDigest>();
  // Synchronous: for 100,000 pages, stats through the thread pool took three times as long.
  const read = slugs.map((slug) => {
    const file = path.join(articlesDir, slug, 'index.html');
    const found = statSync(file, { throwIfNoEntry: false });
    const version = found ? `${found.size} ${found.mtimeMs} ${found.ino}` : '';
    let digest = known.get(slug);
    if (!digest || digest.version !== version) {
      const region = found && indexedRegion(readFileSync(file, 'utf8'));
      digest = { version, ...(region && { digest: regionDigest(region.region), month: region.month }) };
    }
    if (version) seen.set(slug, digest);
    return digest.digest && digest.month
      ? { file, url: articleUrl(slug), digest: digest.digest, month: digest.month }
      : undefined;
  });
  if (cacheDir) await writePageDigests(cacheDir, seen);
  const pages = read.filter((page) => page !== undefined);
  return { pages, unindexed: read.length - pages.length };
}

/** What the last build read of an article page: its file's version and indexed region. */
interface PageDigest {
  /** Size, modification time and inode of the file read. */
  version: string;
  digest?: string;
  month?: string;
}

async function readPageDigests(cacheDir: string): Promise<Map<string, PageDigest>> {
  try {
    const saved = JSON.parse(await readFile(path.join(cacheDir, PAGE_DIGESTS_FILE), 'utf8')) as {
      format?: string;
      pages?: Record<string, PageDigest>;
    };
    return saved.format === indexCode() ? new Map(Object.entries(saved.pages ?? {})) : new Map();
  } catch {
    return new Map(); // none yet, or unreadable: every page is read
  }
}

async function writePageDigests(cacheDir: string, digests: ReadonlyMap<string, PageDigest>): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  await replaceFile(
    path.join(cacheDir, PAGE_DIGESTS_FILE),
    JSON.stringify({ format: indexCode(), pages: Object.fromEntries(digests) }),
  );
}

/** The search page loads exactly the shards it lists; a mismatch would hide or break years. */
async function checkSearchPage(distDir: string, shards: readonly string[]): Promise<void> {
  const page = await readFile(path.join(distDir, searchUrl().slice(1), 'index.html'), 'utf8').catch(() => undefined);
  if (page === undefined) return;
  const listed = /\sdata-search-shards="([^"]*)"/.exec(page)?.[1]?.split(' ').filter(Boolean) ?? [];
  if (listed.join(' ') !== shards.join(' ')) {
    throw new SearchIndexError('addHTMLFile', [
      `trang tìm kiếm liệt kê các phần chỉ mục [${listed.join(', ')}] nhưng bài viết cho các phần [${shards.join(', ')}]`,
    ]);
  }
}

/** Indexes one shard's pages and writes its bundle to `outputPath`. */
async function indexShard(
  pagefind: PagefindApi,
  distDir: string,
  pages: readonly ArticlePage[],
  outputPath: string,
): Promise<void> {
  // The whole archive is Vietnamese; forcing the language keeps one index whatever a page's
  // `lang` says.
  const created = await answered('createIndex', () => pagefind.createIndex({ forceLanguage: 'vi' }));
  if (created.errors.length > 0 || !created.index) throw new SearchIndexError('createIndex', created.errors);
  const { index } = created;
  try {
    // Pages are added in URL order: Pagefind numbers pages in the order it indexes them, and a
    // rebuild must equal a cold build byte for byte.
    const ordered = [...pages].sort((a, b) => (a.url < b.url ? -1 : 1));
    const documents: string[] = [];
    for (let start = 0; start < ordered.length; start += PAGES_READ_AHEAD) {
      const batch = ordered.slice(start, start + PAGES_READ_AHEAD);
      const contents = await Promise.all(batch.map((page) => indexedContent(distDir, page)));
      documents.push(...contents);
      await addPages(
        index,
        batch.map((page, position) => ({ url: page.url, content: contents[position]! })),
      );
    }
    const written = await answered('writeFiles', () => index.writeFiles({ outputPath }));
    if (written.errors.length > 0) throw new SearchIndexError('writeFiles', written.errors);
    await mkdir(outputPath, { recursive: true });
    const vocabulary = vocabularyFile(documents);
    await writeFile(path.join(outputPath, VOCABULARY_FILE), vocabulary);
    await writeFile(path.join(outputPath, KEYS_FILE), keysFile(vocabulary, await bundleChunks(outputPath)));
  } finally {
    // Frees the shard's index in Pagefind's process: memory stays at one shard's worth.
    await index.deleteIndex().catch(() => null);
  }
  await Promise.all(UNUSED_BUNDLE_FILES.map((file) => rm(path.join(outputPath, file), { force: true })));
}

/**
 * Adds pages to a Pagefind index in the given order. Pagefind's process handles requests one
 * at a time in the order they arrive, so all are sent at once: the order holds, and Pagefind
 * decodes the next page while it indexes one (adding 2,000 pages: 2.7 s instead of 3.3 to
 * 3.5 s one by one).
 */
async function addPages(index: PagefindIndex, pages: readonly { url: string; content: string }[]): Promise<void> {
  const added = await answered('addHTMLFile', () => Promise.all(pages.map((page) => index.addHTMLFile(page))));
  const errors = added.flatMap((answer) => answer.errors);
  if (errors.length > 0) throw new SearchIndexError('addHTMLFile', errors);
}

/** What Pagefind is given of a page, checked against the digest its shard was keyed by. */
async function indexedContent(distDir: string, page: ArticlePage): Promise<string> {
  const found = indexedRegion(await readFile(page.file, 'utf8'));
  if (!found || regionDigest(found.region) !== page.digest) {
    throw new SearchIndexError('addHTMLFile', [`${path.relative(distDir, page.file)} đã đổi trong lúc lập chỉ mục`]);
  }
  return indexedDocument(found.region);
}

/** The word ranges of a written bundle's index chunks; `undefined` if they cannot be read. */
async function bundleChunks(dir: string): Promise<ChunkRange[] | undefined> {
  const meta = (await readdir(dir)).find((name) => name.endsWith('.pf_meta'));
  if (!meta) return undefined;
  try {
    return indexChunks(gunzipSync(await readFile(path.join(dir, meta))));
  } catch {
    return undefined; // not gzip: an older or unexpected layout, read as one chunk
  }
}

/** Pagefind's WebAssembly files in a bundle folder. */
async function wasmFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => BUNDLE_WASM_FILE.test(name)).map((name) => path.join(dir, name));
}

async function isPlaceholderFile(file: string): Promise<boolean> {
  return (await stat(file)).size === WASM_PLACEHOLDER.length && isWasmPlaceholder(await readFile(file));
}

/**
 * Gives the newest bundle Pagefind's WebAssembly, which the search page compiles once for all
 * bundles, and every other bundle {@link WASM_PLACEHOLDER}. A file is replaced, never written
 * into: it may be a hard link into the cache, whose bundle can be the newest again at a later
 * build (after the newest month's only article is deleted, say); its real file is then linked
 * back from the cache, the only place a bundle with the placeholder can come from.
 */
async function placeWasm(dir: string, newest: boolean, cached: string | undefined): Promise<void> {
  for (const file of await wasmFiles(dir)) {
    // Already right: the newest with Pagefind's file, the others with the placeholder.
    if ((await isPlaceholderFile(file)) !== newest) continue;
    await rm(file);
    if (newest) await linkFile(path.join(cached!, path.basename(file)), file);
    else await writeFile(file, WASM_PLACEHOLDER);
  }
}

/** Hard-links (or, across file systems, copies) a file. */
async function linkFile(source: string, target: string): Promise<void> {
  await link(source, target).catch(() => copyFile(source, target));
}

/** Hard-links (or, across file systems, copies) a cached bundle into the site. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.name === FINGERPRINT_FILE || entry.name === SIZE_FILE) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else await linkFile(source, target);
  }
}

/**
 * Links a cached bundle into the site: into a folder beside the target, renamed into place,
 * so a target that exists is always a whole bundle.
 */
async function linkBundle(cached: string, target: string): Promise<void> {
  const fresh = `${target}.${process.pid}.tmp`;
  await rm(fresh, { recursive: true, force: true });
  await linkTree(cached, fresh);
  await rm(target, { recursive: true, force: true });
  await rename(fresh, target);
}

/** Whether `target` is a whole bundle linked from `cached` (a cache entry is never rewritten, only replaced). */
async function sameEntryFile(cached: string, target: string): Promise<boolean> {
  const [source, linked] = await Promise.all(
    [cached, target].map((dir) => stat(path.join(dir, BUNDLE_ENTRY_FILE)).catch(() => undefined)),
  );
  return source !== undefined && linked !== undefined && source.ino === linked.ino && source.dev === linked.dev;
}

/** Removes every entry of `dir` but those named (shards of years gone, leftovers). */
async function removeEntriesBut(dir: string, names: readonly string[]): Promise<void> {
  const keep = new Set(names);
  const entries = await readdir(dir).catch(() => []);
  await Promise.all(
    entries.filter((name) => !keep.has(name)).map((name) => rm(path.join(dir, name), { recursive: true, force: true })),
  );
}

/** Drops cached shards of years that no longer have articles, and leftovers of failed builds. */
async function pruneCache(cacheDir: string, shards: readonly string[]): Promise<void> {
  await removeEntriesBut(cacheDir, [...shards, PAGE_DIGESTS_FILE]);
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

/** The bytes of the files under `dir`, leaving out those whose name matches `except`. */
function directorySize(dir: string, except?: RegExp): number {
  let total = 0;
  // Synchronous: ten thousand small stats are several times faster than through the thread pool.
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !except?.test(entry.name)) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

async function readBundleSize(cached: string): Promise<number | undefined> {
  const size = Number(await readFile(path.join(cached, SIZE_FILE), 'utf8').catch(() => ''));
  return Number.isInteger(size) && size > 0 ? size : undefined;
}

/**
 * The search index's size in `outputPath`: each bundle's recorded size plus its WebAssembly
 * file, so the tens of thousands of files of an unchanged index are not walked on every
 * build. A bundle without a recorded size (no cache folder, an older cache) is walked.
 */
async function searchIndexBytes(
  outputPath: string,
  shards: readonly string[],
  sizes: ReadonlyMap<string, number>,
): Promise<number> {
  let total = 0;
  for (const shard of shards) {
    const dir = path.join(outputPath, shard);
    const size = sizes.get(shard);
    if (size === undefined) {
      total += directorySize(dir);
      continue;
    }
    total += size;
    for (const file of await wasmFiles(dir)) total += (await stat(file)).size;
  }
  return total;
}

/** Where the dev server serves the search bundles, as a build publishes them. */
const DEV_BUNDLES_URL = `/${SEARCH_DIR}/`;
const DEV_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

/**
 * The search bundles for `npm run dev`, split as a build splits them: every published
 * article page, fetched from the dev server so it carries exactly what a build indexes,
 * indexed in memory. Keys are paths under the bundles' folder (`/pagefind/`).
 *
 * @example
 * const files = await buildDevBundle('/site', 'http://localhost:4321'); // Map { '2022/pagefind.js' => … }
 */
export async function buildDevBundle(root: string, origin: string): Promise<Map<string, Uint8Array>> {
  const { categories, site } = await readRegistries(root);
  const now = new Date();
  const slugs: string[] = [];
  for (const file of await listArticleFiles(root)) {
    const parsed = parseArticle(file, await readFile(path.join(root, file), 'utf8'), categories);
    if (parsed.ok && isPublished(parsed.article.data, now)) slugs.push(parsed.article.data.slug);
  }
  const pages: { month: string; url: string; content: string }[] = [];
  for (const slug of slugs) {
    const url = articleUrl(slug);
    const found = indexedRegion(await (await fetch(new URL(url, origin))).text());
    if (found) pages.push({ month: found.month, url, content: indexedDocument(found.region) });
  }
  // The same shards as a build, so the search page's list matches.
  const bundle = new Map<string, Uint8Array>();
  for (const [position, [shard, shardPages]] of [...groupIntoShards(pages, site.searchShardPages)].entries()) {
    const created = await pagefindModule.createIndex({ forceLanguage: 'vi' });
    if (!created.index) throw new SearchIndexError('createIndex', created.errors);
    await addPages(created.index, shardPages);
    const { errors, files } = await created.index.getFiles();
    if (errors.length > 0) throw new SearchIndexError('getFiles', errors);
    await created.index.deleteIndex();
    const words = vocabularyFile(shardPages.map((page) => page.content));
    bundle.set(`${shard}/${VOCABULARY_FILE}`, new TextEncoder().encode(words));
    const meta = files.find((file) => file.path.endsWith('.pf_meta'));
    const chunks = meta && indexChunks(gunzipSync(meta.content));
    bundle.set(`${shard}/${KEYS_FILE}`, new TextEncoder().encode(keysFile(words, chunks)));
    for (const file of files) {
      // The newest bundle comes first; the others get the placeholder, as in a build.
      const content = position > 0 && BUNDLE_WASM_FILE.test(file.path) ? WASM_PLACEHOLDER : file.content;
      bundle.set(`${shard}/${file.path}`, content);
    }
  }
  return bundle;
}

/**
 * The folder of cached bundles under Astro's cache folder (`cacheDir`).
 *
 * @example
 * searchIndexCacheDir('/site/node_modules/.astro'); // '/site/node_modules/.astro/search-index'
 */
export function searchIndexCacheDir(astroCacheDir: string): string {
  return path.join(astroCacheDir, 'search-index');
}

/**
 * Indexes a built site as both `npm run build` and a bare `astro build` do: split as its
 * `searchShardPages` setting says, bundles kept in the cache under Astro's cache folder (every
 * bundle is indexed without one).
 *
 * @example
 * await indexBuiltSite('/site', '/site/dist', '/site/node_modules/.astro'); // { pages: 10000, … }
 */
export async function indexBuiltSite(
  root: string,
  distDir: string,
  astroCacheDir: string | undefined,
  pagefind?: PagefindApi,
): Promise<SearchIndexStats> {
  return buildSearchIndex({
    distDir,
    shardPages: (await readRegistries(root)).site.searchShardPages,
    ...(astroCacheDir ? { cacheDir: searchIndexCacheDir(astroCacheDir) } : {}),
    ...(pagefind ? { pagefind } : {}),
  });
}

/**
 * The build log's line about the index.
 *
 * @example
 * searchIndexSummary({ pages: 120, bytes: 512_000, seconds: 1.24, shards: ['2024-04', '2023-01_2024-03'], indexed: ['2024-04'] });
 * // 'Chỉ mục tìm kiếm: 120 bài viết, 2 phần (lập lại 1, dùng lại 1 từ bộ nhớ đệm), 500 KB, 1.2 giây'
 */
export function searchIndexSummary(stats: SearchIndexStats): string {
  const reused = stats.shards.length - stats.indexed.length;
  return (
    `Chỉ mục tìm kiếm: ${stats.pages} bài viết, ${stats.shards.length} phần ` +
    `(lập lại ${stats.indexed.length}, dùng lại ${reused} từ bộ nhớ đệm), ` +
    `${(stats.bytes / 1024).toFixed(0)} KB, ${stats.seconds.toFixed(1)} giây`
  );
}

/**
 * Astro integration: builds the search index once the site is written.
 *
 * @example
 * integrations: [archivePostbuild(), searchIndex()];
 */
export function searchIndex(options: { pagefind?: PagefindApi } = {}): AstroIntegration {
  let root = process.cwd();
  let astroCacheDir: string | undefined;
  return {
    name: 'news-archive-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        astroCacheDir = fileURLToPath(config.cacheDir);
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
          if (!pathname.startsWith(DEV_BUNDLES_URL)) return next();
          bundle ??= buildDevBundle(root, `http://${request.headers.host}`).catch((error: unknown) => {
            logger.error(String(error));
            bundle = undefined;
            return new Map();
          });
          void bundle.then((files) => {
            const file = files.get(pathname.slice(DEV_BUNDLES_URL.length));
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
        // `npm run build` indexes after Astro exits (scripts/build.ts).
        if (process.env[AFTER_BUILD_ENV]) return;
        logger.info(
          searchIndexSummary(await indexBuiltSite(root, fileURLToPath(dir), astroCacheDir, options.pagefind)),
        );
      },
    },
  };
}
