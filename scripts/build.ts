/**
 * `npm run build [-- --root DIR] [-- --fresh]`: builds the site into `dist/`, in place: the previous build's
 * pages stay where they are, so Astro skips an unchanged page without copying it back from its
 * cache, and whatever this build did not produce is removed afterwards
 * (scripts/lib/build-output.ts). Nothing half-built is left: a build that fails before writing
 * anything (bad content, the usual failure) leaves `dist/` untouched; one that fails later
 * (a broken page, a failed search index) removes it.
 *
 * Lead pictures are published and the search index built here, after Astro's process has
 * exited, rather than in Astro's `astro:build:done` hook: sharp's and Pagefind's memory then
 * never add up with Astro's, which is still holding the whole site at that point. This is the
 * one way to build: a bare `astro build` is refused (`src/integrations/archive-config.ts`).
 */
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { beginBuild, endBuild, startFresh } from '../src/cache/cache-folder.ts';
import { cacheSummary, folderSize } from '../src/cache/cache-size.ts';
import { OUT_DIR_ENV } from '../src/data/build-env.ts';
import { PICTURE_DIR, SEARCH_DIR } from '../src/lib/urls.ts';
import { forgetPageCache, pageCacheOutputs } from '../src/integrations/astro-internals.mjs';
import { discardFolder, removeFiles, staleFiles, writtenSince } from './lib/build-output.ts';

const { values, positionals } = parseArgs({
  options: { root: { type: 'string', default: '.' }, fresh: { type: 'boolean', default: false } },
  allowPositionals: true,
  strict: false,
});
const root = path.resolve(String(values.root));
const dist = path.join(root, 'dist');
// Astro's cache folder (`cacheDir`, default), kept between CI runs with the rest.
const cacheDir = path.join(root, 'node_modules/.astro');
const astro = path.join(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');
const shownDist = path.relative(process.cwd(), dist) || 'dist';

// Node caps its heap at about 4 GB whatever the machine has; a 100,000-article archive needs
// more. Let the build use up to half the machine's memory, unless NODE_OPTIONS says otherwise.
// V8's default young generation is small: rendering thousands of pages fills it with
// short-lived strings that it collects very often; a larger one (at most 3 x 64 MB) collects
// less often and promotes less.
const nodeOptions = process.env['NODE_OPTIONS'] ?? '';
const heapFlags = [
  ...(/max-old-space-size/.test(nodeOptions)
    ? []
    : [`--max-old-space-size=${Math.max(4096, Math.floor(totalmem() / 2 / 2 ** 20))}`]),
  ...(/max-semi-space-size/.test(nodeOptions) ? [] : ['--max-semi-space-size=64']),
];

// `--fresh`: a build from nothing, as on a new machine: no cache, no earlier dist/.
if (values.fresh) startFresh(cacheDir, dist);

// The last build was killed midway: neither its pages in dist/ nor Astro's page cache can be
// trusted, and every page is rendered.
if (beginBuild(cacheDir)) {
  console.log('Lần dựng trước bị ngắt giữa chừng: dựng lại toàn bộ các trang.');
  forgetPageCache(cacheDir);
  await discardFolder(dist);
}

const started = Date.now();
const astroExit = new Promise<number>((resolve) => {
  const child = spawn(process.execPath, [...heapFlags, astro, 'build', '--root', root, ...positionals.map(String)], {
    stdio: 'inherit',
    env: { ...process.env, [OUT_DIR_ENV]: dist },
  });
  child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => {
    console.error(error.message);
    resolve(1);
  });
});
// The steps after Astro load while Astro starts (half a second: sharp, Pagefind, the
// registries' schema), on the core Astro's own start leaves idle. A failure to load is
// reported once Astro has exited.
const loading = Promise.all([
  import('../src/data/picture-files.ts'),
  import('../src/integrations/pictures.ts'),
  import('../src/integrations/search-index.ts'),
]);
loading.catch(() => undefined);
const status = await astroExit;
if (status !== 0) await fail(status);
const [pictureFiles, pictures, search] = await loading.catch(async (error: unknown) => {
  console.error(error);
  return fail(1);
});

// What the last build made and this one did not: a deleted article's page, an old stylesheet.
// The search bundles and the pictures are kept or replaced by their own steps.
// Files copied from public/ may keep their own modification time: they are this build's too.
const { listPublicFiles } = await import('../src/data/content-files.ts');
const kept = new Set([...pageCacheOutputs(cacheDir), ...listPublicFiles()]);
removeFiles(dist, staleFiles(dist, started, kept, [SEARCH_DIR, PICTURE_DIR]));

try {
  const stats = await pictures.publishBuiltPictures(root, dist, cacheDir);
  console.log(`${new Date().toTimeString().slice(0, 8)} [news-archive-pictures] ${pictureFiles.pictureSummary(stats)}`);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof pictureFiles.PictureError ? message : `Không xuất được ảnh: ${message}`);
  await fail(1);
}

try {
  const stats = await search.indexBuiltSite(root, dist, cacheDir);
  console.log(
    `${new Date().toTimeString().slice(0, 8)} [news-archive-search-index] ${search.searchIndexSummary(stats)}`,
  );
} catch (error) {
  // Pagefind's own errors say so already; anything else (a cache folder that cannot be written,
  // say) is named here.
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof search.SearchIndexError ? message : `Không tạo được chỉ mục tìm kiếm: ${message}`);
  await fail(1);
}

endBuild(cacheDir);
console.log(`${new Date().toTimeString().slice(0, 8)} [news-archive-cache] ${cacheSummary(folderSize(cacheDir))}`);

async function fail(status: number): Promise<never> {
  if (writtenSince(dist, started)) {
    // A build that stopped while rendering left pages in Astro's cache that its manifest does not
    // describe; after a later failure the manifest is fine, but rendering again is safe either way.
    forgetPageCache(cacheDir);
    await discardFolder(dist);
    console.error(`\nDựng trang thất bại: thư mục ${shownDist}/ dựng dở đã được xoá; lần dựng sau sẽ tạo lại.`);
  } else {
    console.error(`\nDựng trang thất bại: thư mục ${shownDist}/ được giữ nguyên.`);
  }
  endBuild(cacheDir);
  process.exit(status);
}
