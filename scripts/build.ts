/**
 * `npm run build [-- --root DIR]`: builds the site into a folder kept between builds
 * (`node_modules/.astro/site/`, see scripts/lib/build-output.ts) and publishes it as `dist/`
 * only when the whole build succeeded, so a failed build (bad content, a broken page, a failed
 * search index) never replaces or half-overwrites a good `dist/`.
 *
 * The search index is built here, after Astro's process has exited, rather than in Astro's
 * `astro:build:done` hook (which a bare `astro build` still uses): Pagefind's memory then
 * never adds up with Astro's, which is still holding the whole site at that point.
 */
import { spawnSync } from 'node:child_process';
import { totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildSearchIndex,
  SEARCH_INDEX_AFTER_BUILD,
  searchIndexCacheDir,
  searchIndexSummary,
} from '../src/integrations/search-index.ts';
import {
  filesWrittenSince,
  forgetPageCache,
  pageCacheOutputs,
  publishFolder,
  removeAllBut,
  removeFiles,
} from './lib/build-output.ts';

const { values, positionals } = parseArgs({
  options: { root: { type: 'string', default: '.' } },
  allowPositionals: true,
  strict: false,
});
const root = path.resolve(String(values.root));
const dist = path.join(root, 'dist');
// Astro's cache folder (`cacheDir`, default), kept between CI runs with the rest.
const cacheDir = path.join(root, 'node_modules/.astro');
const work = path.join(cacheDir, 'site');
const SEARCH_BUNDLES_DIR = 'pagefind';
const astro = path.join(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');

// Node caps its heap at about 4 GB whatever the machine has; a 100,000-article archive needs
// more. Let the build use up to half the machine's memory, unless NODE_OPTIONS says otherwise.
const heapFlags = /max-old-space-size/.test(process.env['NODE_OPTIONS'] ?? '')
  ? []
  : [`--max-old-space-size=${Math.max(4096, Math.floor(totalmem() / 2 / 2 ** 20))}`];

const started = Date.now();
// Only pages Astro may skip stay from the last build, and the search bundles, which the search
// index keeps or replaces itself; everything else is produced afresh.
const skippable = pageCacheOutputs(cacheDir);
removeAllBut(work, skippable, [SEARCH_BUNDLES_DIR]);
const result = spawnSync(process.execPath, [...heapFlags, astro, 'build', '--root', root, ...positionals.map(String)], {
  stdio: 'inherit',
  env: { ...process.env, ARCHIVE_OUT_DIR: work, [SEARCH_INDEX_AFTER_BUILD]: '1' },
});
if (result.status !== 0) {
  // Pages rewritten by a failed build no longer match the page cache's record of them.
  if (filesWrittenSince(work, skippable, started).length > 0) await forgetPageCache(cacheDir);
  await fail(result.status ?? 1);
}
// Pages the last build made and this one did not (a deleted article, a shorter list); a page
// rendered this build without a cache key is not among them.
const cached = pageCacheOutputs(cacheDir);
const dropped = [...skippable].filter((file) => !cached.has(file));
const rendered = new Set(filesWrittenSince(work, dropped, started));
removeFiles(
  work,
  dropped.filter((file) => !rendered.has(file)),
);

try {
  const stats = await buildSearchIndex({
    distDir: work,
    outputPath: path.join(work, SEARCH_BUNDLES_DIR),
    cacheDir: searchIndexCacheDir(cacheDir),
  });
  console.log(`${clock()} [news-archive-search-index] ${searchIndexSummary(stats)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await fail(1);
}
const published = await publishFolder(work, dist);
console.log(
  `${clock()} [news-archive-publish] ${path.relative(process.cwd(), dist) || 'dist'}/: ${published.files} tệp, ${published.copied} tệp mới hoặc đã đổi`,
);

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

async function fail(status: number): Promise<never> {
  console.error(`\nDựng trang thất bại: thư mục ${path.relative(process.cwd(), dist) || 'dist'}/ được giữ nguyên.`);
  process.exit(status);
}
