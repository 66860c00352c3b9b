/**
 * The folder `npm run build` renders into, kept between builds, and its publication as `dist/`.
 *
 * Astro's incremental build skips a page whose cache key is unchanged, but copies the page back
 * from its cache when the output folder lacks it: for a fresh output folder that is every page
 * (11 s for 15,000 pages, 4 min for 139,000). Rendering into a folder that persists lets Astro
 * find the page in place instead. The folder only ever holds what a build produced: before a
 * build, everything but the pages Astro may skip is removed; after it, pages no longer built.
 * `dist/` is then published from it without sharing a single file, so a later build that
 * rewrites a page in place never touches the published site.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  rmdirSync,
  statSync,
} from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Astro's record of the pages it may skip (its `experimental.incrementalBuild` manifest). */
const PAGE_CACHE_MANIFEST = 'incremental-build.json';

/**
 * The output files, relative to the output folder, of every page Astro's page cache lists:
 * the pages a build may skip when the output folder still holds them. Empty when there is no
 * usable manifest.
 *
 * @example
 * pageCacheOutputs('node_modules/.astro'); // Set { 'bai-viet/da-lat/index.html', … }
 */
export function pageCacheOutputs(cacheDir: string): Set<string> {
  const text = existsSync(path.join(cacheDir, PAGE_CACHE_MANIFEST))
    ? readFileSync(path.join(cacheDir, PAGE_CACHE_MANIFEST), 'utf8')
    : '';
  const outputs = new Set<string>();
  if (!text) return outputs;
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return outputs; // Astro ignores an unreadable manifest too and renders every page
  }
  const routes = (manifest as { routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }> }).routes;
  for (const route of Object.values(routes ?? {})) {
    for (const entry of Object.values(route.paths ?? {})) {
      if (typeof entry.outputFile === 'string') outputs.add(entry.outputFile);
    }
  }
  return outputs;
}

/**
 * Forgets Astro's page cache, so the next build renders every page. For a build that failed
 * after rewriting pages the manifest still describes: skipping them later would keep the
 * failed build's version.
 *
 * @example
 * await forgetPageCache('node_modules/.astro');
 */
export async function forgetPageCache(cacheDir: string): Promise<void> {
  await rm(path.join(cacheDir, PAGE_CACHE_MANIFEST), { force: true });
}

/**
 * Every file under `dir`, relative to it with `/` separators, in no particular order. Empty when
 * `dir` does not exist.
 *
 * @example
 * listFiles('dist'); // ['index.html', 'bai-viet/da-lat/index.html', …]
 */
export function listFiles(dir: string): string[] {
  return existsSync(dir) ? walk(dir, '', []) : [];
}

// By hand rather than `readdirSync(dir, { recursive: true })`, which is twice as slow here.
function walk(dir: string, relative: string, files: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(path.join(dir, entry.name), name, files);
    else files.push(name);
  }
  return files;
}

/**
 * Removes every file under `dir` that `keep` does not list (relative paths) and that is not
 * inside one of `keepFolders`, then the folders left empty. Returns how many files were removed.
 *
 * @example
 * removeAllBut('node_modules/.astro/site', pageCacheOutputs('node_modules/.astro'));
 */
export function removeAllBut(dir: string, keep: ReadonlySet<string>, keepFolders: readonly string[] = []): number {
  const stale = listFiles(dir).filter(
    (file) => !keep.has(file) && !keepFolders.some((folder) => file.startsWith(`${folder}/`)),
  );
  removeFiles(dir, stale);
  return stale.length;
}

/**
 * Removes the given files (relative to `dir`; missing ones are fine) and any folder they leave
 * empty, up to `dir` itself.
 *
 * @example
 * removeFiles('node_modules/.astro/site', ['bai-viet/bai-da-xoa/index.html']);
 */
export function removeFiles(dir: string, files: readonly string[]): void {
  for (const file of files) rmSync(path.join(dir, file), { force: true });
  const parents = new Set<string>();
  for (const file of files) {
    for (let parent = path.posix.dirname(file); parent !== '.'; parent = path.posix.dirname(parent)) {
      parents.add(parent);
    }
  }
  // Deepest first, so a folder is tried after its subfolders; a folder still in use stays.
  const deepestFirst = [...parents].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const parent of deepestFirst) {
    try {
      rmdirSync(path.join(dir, parent));
    } catch {
      // not empty (or already gone): stays
    }
  }
}

/**
 * Those of `files` (relative to `dir`) written at or after `since` (ms since the epoch);
 * missing files are left out.
 *
 * @example
 * filesWrittenSince('node_modules/.astro/site', ['index.html', 'rss.xml'], buildStarted); // ['index.html']
 */
export function filesWrittenSince(dir: string, files: Iterable<string>, since: number): string[] {
  return [...files].filter(
    (file) => (statSync(path.join(dir, file), { throwIfNoEntry: false })?.mtimeMs ?? -1) >= since,
  );
}

export interface PublishStats {
  /** Files in the published folder. */
  files: number;
  /** Files copied because they are new or changed since the last publication. */
  copied: number;
}

/**
 * Publishes the build folder `from` as `to` in one rename: a new folder is assembled beside
 * `to`, taking each file that has not changed since the last publication from `to` itself
 * (hard link) and copying the others, then swapped in. `to` never shares a file with `from`,
 * so the next build, which rewrites pages of `from` in place, leaves the published site as is.
 * A file counts as unchanged when `to` has it with the same size and a modification time no
 * older than the build folder's copy (it was copied after that was last written).
 *
 * @example
 * await publishFolder('node_modules/.astro/site', 'dist'); // { files: 25696, copied: 12 }
 */
export async function publishFolder(from: string, to: string): Promise<PublishStats> {
  const next = `${to}.next-${process.pid}`;
  await rm(next, { recursive: true, force: true });
  const files = listFiles(from);
  const folders = new Set(files.map((file) => path.posix.dirname(file)));
  for (const folder of [...folders].sort()) mkdirSync(path.join(next, folder), { recursive: true });
  let copied = 0;
  // Synchronous calls on purpose: tens of thousands of tiny file operations run several times
  // faster than through the thread pool, and nothing else waits meanwhile.
  for (const file of files) {
    const built = statSync(path.join(from, file));
    const published = path.join(to, file);
    const previous = lstatSync(published, { throwIfNoEntry: false });
    if (previous?.isFile() && previous.size === built.size && previous.mtimeMs >= built.mtimeMs) {
      try {
        linkSync(published, path.join(next, file));
        continue;
      } catch {
        // another file system, say: copy instead
      }
    }
    copyFileSync(path.join(from, file), path.join(next, file));
    copied++;
  }
  // Swap by renames (instant), then delete the old site in a detached process: removing tens
  // of thousands of files takes seconds, and the new site is already in place.
  const previous = `${to}.previous-${process.pid}`;
  if (existsSync(to)) await rename(to, previous);
  await rename(next, to);
  if (existsSync(previous)) spawn('rm', ['-rf', previous], { detached: true, stdio: 'ignore' }).unref();
  return { files: files.length, copied };
}
