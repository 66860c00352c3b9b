/**
 * The site's search index: Pagefind's Node API run over the finished article pages by
 * `scripts/build.ts` once Astro has exited, split by time of publication
 * into bundles (`dist/pagefind/<shard>/`, see `src/lib/search-shards.ts`). A bundle whose
 * indexed pages are unchanged since the last build is reused from the cache instead of being
 * indexed again.
 * Unlike `astro-pagefind`, which only logs, any error Pagefind reports throws, and a throw
 * fails the build (`npm run build` then removes the half-built `dist/`).
 */
import { cachePath } from '../cache/cache-folder.ts';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefindModule from 'pagefind';
import { codeDigest } from '../cache/code-digest.ts';
import { SearchIndexError, addPages, answered } from './pagefind-calls.ts';
import {
  bundleRecordFile,
  isLinkedBundle,
  linkBundle,
  placeWasm,
  readCachedBundle,
  removeEntriesBut,
  searchIndexBytes,
  storeBundle,
} from './search-bundle-files.ts';
import { PAGE_DIGESTS_FILE, readArticlePages, type ArticlePage } from './search-pages.ts';
import { readRegistries } from '../data/content-files.ts';
import { PhraseIndexBuilder } from '../lib/phrase-index-builder.ts';
import { pageWords } from '../lib/search-phrases.ts';
import { vocabularyText } from '../lib/search-rank.ts';
import {
  groupIntoShards,
  indexOrder,
  indexedDocument,
  indexedRegion,
  regionDigest,
  shardFingerprint,
} from '../lib/search-shards.ts';
import { bundleSideFiles, compressedPairFiles, metaVersion, type BundleMeta } from './bundle-side-files.ts';
import { SEARCH_DIR, searchUrl } from '../lib/urls.ts';

/** The part of Pagefind's Node API used here; tests pass a fake. */
export interface PagefindApi {
  createIndex: typeof pagefindModule.createIndex;
  close: typeof pagefindModule.close;
}

export { SearchIndexError } from './pagefind-calls.ts';

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
/** Pages read from disk, then sent to Pagefind, at a time. */
const PAGES_READ_AHEAD = 64;

/**
 * Pagefind processes indexing shards side by side: one per core, up to two. Pagefind indexes a
 * shard on about one core and each process holds one shard's index in memory, so more than two
 * would add memory without adding speed on a small machine.
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
  const { pages, unindexed } = await readArticlePages(distDir, cacheDir, indexCode());
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
  // What is left of each indexed bundle once its Pagefind process is free (its words files, then
  // moving it into the cache): done while the lane's process indexes its next bundle.
  const finishing: Promise<void>[] = [];
  const finishLater = (work: Promise<void>) => {
    work.catch(() => undefined); // handled where `finishing` is awaited
    finishing.push(work);
  };
  const buildShard = async (shard: string, pagefind: PagefindApi) => {
    const shardPages = byShard.get(shard)!;
    const fingerprint = shardFingerprint(shardPages, salt);
    const target = path.join(outputPath, shard);
    const cached = cacheDir && path.join(cacheDir, shard);
    const reusable = cached && (await readCachedBundle(cached, fingerprint));
    if (cached && reusable) {
      // A kept build folder usually has this very bundle linked in already.
      if (!isLinkedBundle(target, reusable)) await linkBundle(cached, target);
      sizes.set(shard, reusable.record.size);
      return;
    }
    indexed.add(shard);
    if (!cached) {
      // A path that cannot be cleared fails below, with Pagefind's own error.
      await rm(target, { recursive: true, force: true }).catch(() => undefined);
      const finish = await indexShard(pagefind, distDir, shardPages, target);
      finishLater(finish());
      return;
    }
    // Written beside the cache entry and moved into place, so an interrupted build never
    // leaves a bundle that looks complete.
    const fresh = `${cached}.${process.pid}.tmp`;
    const removeFresh = () => rm(fresh, { recursive: true, force: true });
    await removeFresh();
    const finish = await indexShard(pagefind, distDir, shardPages, fresh).catch(async (error: unknown) => {
      await removeFresh();
      throw error;
    });
    finishLater(
      (async () => {
        await finish().catch(async (error: unknown) => {
          await removeFresh();
          throw error;
        });
        const stored = await storeBundle(fresh, cached, fingerprint);
        await linkBundle(cached, target);
        sizes.set(shard, stored.size);
      })(),
    );
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
    // Nothing is left writing once this returns or throws.
    await Promise.allSettled(finishing);
  }
  await Promise.all(finishing);
  await Promise.all(
    shards.map((shard, position) =>
      placeWasm(path.join(outputPath, shard), position === 0, cacheDir && path.join(cacheDir, shard)),
    ),
  );
  // Cached shards of months that no longer have articles, and leftovers of failed builds, go.
  if (cacheDir) {
    const kept = shards.flatMap((shard) => [shard, path.basename(bundleRecordFile(shard))]);
    await removeEntriesBut(cacheDir, [...kept, PAGE_DIGESTS_FILE]);
  }
  return {
    pages: pages.length,
    bytes: await searchIndexBytes(outputPath, shards, sizes),
    seconds: (performance.now() - started) / 1000,
    shards,
    indexed: shards.filter((shard) => indexed.has(shard)),
  };
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

/**
 * Indexes one shard's pages and writes its Pagefind files to `outputPath`. Resolves once
 * Pagefind's process is free again, with what is left to do: writing the bundle's words files
 * and phrase index beside them (gathered while Pagefind indexes).
 */
async function indexShard(
  pagefind: PagefindApi,
  distDir: string,
  pages: readonly ArticlePage[],
  outputPath: string,
): Promise<() => Promise<void>> {
  // The whole archive is Vietnamese; forcing the language keeps one index whatever a page's
  // `lang` says.
  const created = await answered('createIndex', () => pagefind.createIndex({ forceLanguage: 'vi' }));
  if (created.errors.length > 0 || !created.index) throw new SearchIndexError('createIndex', created.errors);
  const { index } = created;
  let vocabulary = '';
  let pairFiles = new Map<string, Uint8Array>();
  try {
    // The bundle's words (for its words files) and word pairs.
    const phrases = new PhraseIndexBuilder();
    // Pagefind numbers pages in the order it indexes them: newest first, so that a page's number
    // is its place in the date order, and a rebuild equals a cold build byte for byte.
    const ordered = indexOrder(pages);
    // The next batch is read while Pagefind indexes the one before, so its process never waits.
    let adding: Promise<void> | undefined;
    for (let start = 0; start < ordered.length; start += PAGES_READ_AHEAD) {
      const batch = ordered.slice(start, start + PAGES_READ_AHEAD);
      const contents = await Promise.all(batch.map((page) => indexedContent(distDir, page)));
      const sent = addPages(
        index,
        batch.map((page, position) => ({ url: page.url, content: contents[position]! })),
      );
      sent.catch(() => undefined); // handled when awaited below
      // Gathered while Pagefind indexes the batch.
      for (const content of contents) phrases.add(pageWords(content));
      await adding;
      adding = sent;
    }
    await adding;
    const writing = answered('writeFiles', () => index.writeFiles({ outputPath }));
    writing.catch(() => undefined); // handled when awaited below
    // Made while Pagefind writes its files; the builder, a bundle's worth of words, goes.
    vocabulary = vocabularyText(phrases.wordCounts());
    pairFiles = compressedPairFiles(phrases);
    const written = await writing;
    if (written.errors.length > 0) throw new SearchIndexError('writeFiles', written.errors);
  } finally {
    // Frees the shard's index in Pagefind's process: memory stays at one shard's worth.
    await index.deleteIndex().catch(() => null);
  }
  return async () => {
    const files = bundleSideFiles(vocabulary, pairFiles, await bundleMeta(outputPath), pages.length);
    const folders = new Set([...files.keys()].map((file) => path.dirname(path.join(outputPath, file))));
    for (const folder of folders) await mkdir(folder, { recursive: true });
    await Promise.all([...files].map(([file, content]) => writeFile(path.join(outputPath, file), content)));
    await Promise.all(UNUSED_BUNDLE_FILES.map((file) => rm(path.join(outputPath, file), { force: true })));
  };
}

/** What Pagefind is given of a page, checked against the digest its shard was keyed by. */
async function indexedContent(distDir: string, page: ArticlePage): Promise<string> {
  const found = indexedRegion(await readFile(page.file, 'utf8'));
  if (!found || regionDigest(found.region) !== page.digest) {
    throw new SearchIndexError('addHTMLFile', [`${path.relative(distDir, page.file)} đã đổi trong lúc lập chỉ mục`]);
  }
  return indexedDocument(found.region);
}

/** A written bundle's Pagefind metadata, decompressed; `undefined` if it cannot be read. */
async function bundleMeta(dir: string): Promise<BundleMeta | undefined> {
  for (const name of await readdir(dir)) {
    const version = metaVersion(name);
    if (!version) continue;
    try {
      return { version, bytes: gunzipSync(await readFile(path.join(dir, name))) };
    } catch {
      return undefined; // not gzip: an older or unexpected layout
    }
  }
  return undefined;
}

/**
 * The folder of cached bundles under Astro's cache folder (`cacheDir`).
 *
 * @example
 * searchIndexCacheDir('/site/node_modules/.astro'); // '/site/node_modules/.astro/search-index'
 */
export function searchIndexCacheDir(astroCacheDir: string): string {
  return cachePath(astroCacheDir, 'searchIndex');
}

/**
 * Indexes a built site as `npm run build` does: split as its
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
