/**
 * `npm run build [-- --root DIR]`: builds the site into a staging folder and swaps it into
 * `dist/` only when the whole build succeeded, so a failed build (bad content, a broken
 * page, a failed search index) never replaces or half-overwrites a good `dist/`.
 *
 * The search index is built here, after Astro's process has exited, rather than in Astro's
 * `astro:build:done` hook (which a bare `astro build` still uses): Pagefind's memory then
 * never adds up with Astro's, which is still holding the whole site at that point.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildSearchIndex,
  SEARCH_INDEX_AFTER_BUILD,
  searchIndexCacheDir,
  searchIndexSummary,
} from '../src/integrations/search-index.ts';

const { values, positionals } = parseArgs({
  options: { root: { type: 'string', default: '.' } },
  allowPositionals: true,
  strict: false,
});
const root = path.resolve(String(values.root));
const staging = path.join(root, '.dist-staging');
const dist = path.join(root, 'dist');
const astro = path.join(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');

// Node caps its heap at about 4 GB whatever the machine has; a 100,000-article archive needs
// more. Let the build use up to half the machine's memory, unless NODE_OPTIONS says otherwise.
const heapFlags = /max-old-space-size/.test(process.env['NODE_OPTIONS'] ?? '')
  ? []
  : [`--max-old-space-size=${Math.max(4096, Math.floor(totalmem() / 2 / 2 ** 20))}`];

await rm(staging, { recursive: true, force: true });
const result = spawnSync(process.execPath, [...heapFlags, astro, 'build', '--root', root, ...positionals.map(String)], {
  stdio: 'inherit',
  env: { ...process.env, ARCHIVE_OUT_DIR: staging, [SEARCH_INDEX_AFTER_BUILD]: '1' },
});
if (result.status !== 0) await fail(result.status ?? 1);

try {
  const stats = await buildSearchIndex({
    distDir: staging,
    // Astro's cache folder (`cacheDir`, default), kept between CI runs with the rest.
    cacheDir: searchIndexCacheDir(path.join(root, 'node_modules/.astro')),
  });
  console.log(`${new Date().toTimeString().slice(0, 8)} [news-archive-search-index] ${searchIndexSummary(stats)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await fail(1);
}
// Swap by renames (instant), then delete the old site in a detached process: removing tens
// of thousands of files takes seconds, and the new site is already in place.
const previous = `${dist}.previous-${process.pid}`;
if (existsSync(dist)) await rename(dist, previous);
await rename(staging, dist);
if (existsSync(previous)) spawn('rm', ['-rf', previous], { detached: true, stdio: 'ignore' }).unref();

async function fail(status: number): Promise<never> {
  await rm(staging, { recursive: true, force: true });
  console.error(`\nDựng trang thất bại: thư mục ${path.relative(process.cwd(), dist) || 'dist'}/ được giữ nguyên.`);
  process.exit(status);
}
