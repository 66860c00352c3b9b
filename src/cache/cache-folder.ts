/**
 * Every cache the build keeps, in one folder: Astro's cache folder (`cacheDir`,
 * `node_modules/.astro`), which CI keeps between runs. Each entry is keyed on everything that
 * produced it, checked when read, and pruned of what nothing refers to; a missing, damaged or
 * stale entry is built again, so a rebuilt site equals a build from nothing.
 *
 * | entry                 | holds                                      | keyed on                                                         | checked when read                 |
 * | --------------------- | ------------------------------------------ | ---------------------------------------------------------------- | --------------------------------- |
 * | `article-records.bin` | every article's parsed front matter        | per article: its source, the registries, the loader's code       | sealed file (`sealed-file.ts`)    |
 * | `article-html/`       | rendered bodies, one file per key          | the same key, in the file name                                   | sealed file                       |
 * | `pictures.json`       | lead pictures' digests and sizes           | per picture: its bytes and the encoder's code; the catalogue's code | sealed file                    |
 * | `pictures/`           | encoded picture variants                   | the picture's digest, width and format, in the file name         | sealed time (`sealed-time.ts`)    |
 * | `search-index/`       | a search bundle per shard, page digests    | the shard's pages' indexed text and the index's code             | sealed time and a sealed record   |
 * | `verified-pages.bin`  | what `npm run verify` read of each page    | per page: the digest of its bytes; the verifier's code           | sealed file                       |
 * | `incremental-build.json` and Astro's own | Astro's page cache      | Astro's (`src/integrations/astro-internals.mjs`)                 | a killed build forgets it         |
 *
 * "The code" is the digest of the source files a module reaches through its imports and the
 * locked versions of the packages it loads (`code-digest.ts`). Entries are written beside their
 * place and renamed into it (`replace-file.ts`). A build marks the folder while it runs
 * ({@link beginBuild}); the next build that finds the mark renders every page again.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The entries under the cache folder, by what they hold. */
export const CACHE_ENTRIES = {
  articleRecords: 'article-records.bin',
  articleHtml: 'article-html',
  pictureCatalogue: 'pictures.json',
  pictures: 'pictures',
  searchIndex: 'search-index',
  pageFacts: 'verified-pages.bin',
  unfinishedBuild: 'build-unfinished',
} as const;

/**
 * Where an entry lives.
 *
 * @example
 * cachePath('/site/node_modules/.astro', 'pictures'); // '/site/node_modules/.astro/pictures'
 */
export function cachePath(cacheDir: string, entry: keyof typeof CACHE_ENTRIES): string {
  return path.join(cacheDir, CACHE_ENTRIES[entry]);
}

/**
 * Marks a build as running. `true` when the last build never finished (killed, or the machine
 * stopped): then neither its pages in `dist/` nor Astro's page cache can be trusted.
 *
 * @example
 * if (beginBuild('node_modules/.astro')) renderEveryPage();
 */
export function beginBuild(cacheDir: string): boolean {
  const mark = cachePath(cacheDir, 'unfinishedBuild');
  const unfinished = existsSync(mark);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(mark, '');
  return unfinished;
}

/**
 * Clears the mark of {@link beginBuild}: a build that finished, or failed and cleaned up after itself.
 *
 * @example
 * endBuild('node_modules/.astro');
 */
export function endBuild(cacheDir: string): void {
  rmSync(cachePath(cacheDir, 'unfinishedBuild'), { force: true });
}

/**
 * A build from nothing, as on a new machine (`npm run build -- --fresh`): no cache, no earlier output.
 *
 * @example
 * startFresh('node_modules/.astro', 'dist');
 */
export function startFresh(cacheDir: string, distDir: string): void {
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(distDir, { recursive: true, force: true });
}
