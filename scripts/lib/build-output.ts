/**
 * `dist/` is built in place and kept between builds.
 *
 * Astro's incremental build skips a page whose cache key is unchanged, but copies the page back
 * from its cache when the output folder lacks it: for a fresh output folder that is every page
 * (11 s for 15,000 pages, 4 min for 139,000). Building into the previous `dist/` lets Astro find
 * the page in place instead. The folder then only ever holds what the last build produced:
 * after a build, whatever it neither wrote nor kept as a cached page is removed (a deleted
 * article, an old asset). And nothing half-built is left for publication: a build that fails
 * before writing leaves `dist/` as it was, one that fails after removes it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Astro's record of the pages it may skip (its `experimental.incrementalBuild` manifest). */
const PAGE_CACHE_MANIFEST = 'incremental-build.json';

/**
 * The output files, relative to the output folder, of every page Astro's page cache lists:
 * the pages a build skipped (or may skip) when the output folder still holds them. Empty when
 * there is no usable manifest.
 *
 * @example
 * pageCacheOutputs('node_modules/.astro'); // Set { 'bai-viet/da-lat/index.html', … }
 */
export function pageCacheOutputs(cacheDir: string): Set<string> {
  const file = path.join(cacheDir, PAGE_CACHE_MANIFEST);
  const outputs = new Set<string>();
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return outputs; // none, or unreadable: Astro renders every page then, and so lists none
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
 * after rendering pages: Astro saved their new versions in its cache but not the manifest, so a
 * later build could restore a failed build's page under the previous build's key.
 *
 * @example
 * forgetPageCache('node_modules/.astro');
 */
export function forgetPageCache(cacheDir: string): void {
  rmSync(path.join(cacheDir, PAGE_CACHE_MANIFEST), { force: true });
}

/** A file under a folder: its path relative to the folder (with `/`) and modification time. */
export interface FileTime {
  file: string;
  mtimeMs: number;
}

/**
 * Every file under `dir` with its modification time, except inside `skippedFolders` (relative
 * paths). Empty when `dir` does not exist.
 * Synchronous on purpose: tens of thousands of small calls run several times faster than
 * through the thread pool, and nothing else waits meanwhile.
 *
 * @example
 * listFiles('dist'); // [{ file: 'index.html', mtimeMs: 1732406400000 }, { file: 'bai-viet/da-lat/index.html', … }]
 */
export function listFiles(dir: string, skippedFolders: readonly string[] = []): FileTime[] {
  return existsSync(dir) ? walk(dir, '', new Set(skippedFolders), []) : [];
}

// By hand rather than `readdirSync(dir, { recursive: true })`, which is twice as slow here.
function walk(dir: string, relative: string, skipped: ReadonlySet<string>, files: FileTime[]): FileTime[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipped.has(name)) walk(full, name, skipped, files);
    } else files.push({ file: name, mtimeMs: statSync(full).mtimeMs });
  }
  return files;
}

/**
 * The files under `dir` a build that started at `since` (ms since the epoch) neither wrote nor
 * kept: older than `since`, not listed in `kept` (pages the build skipped, which keep their
 * time) and not inside one of `keptFolders` (managed by another step).
 *
 * @example
 * staleFiles('dist', buildStarted, pageCacheOutputs('node_modules/.astro'), ['pagefind']);
 * // ['bai-viet/bai-da-xoa/index.html', '_astro/BaseLayout.old.css']
 */
export function staleFiles(
  dir: string,
  since: number,
  kept: ReadonlySet<string>,
  keptFolders: readonly string[] = [],
): string[] {
  return listFiles(dir, keptFolders)
    .filter(({ file, mtimeMs }) => mtimeMs < since && !kept.has(file))
    .map(({ file }) => file);
}

/**
 * Removes the given files (relative to `dir`; missing ones are fine) and any folder they leave
 * empty, up to `dir` itself.
 *
 * @example
 * removeFiles('dist', ['bai-viet/bai-da-xoa/index.html']);
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
 * Whether any file under `dir` was written at or after `since` (ms since the epoch).
 *
 * @example
 * writtenSince('dist', buildStarted); // true once Astro has written anything
 */
export function writtenSince(dir: string, since: number): boolean {
  return listFiles(dir).some(({ mtimeMs }) => mtimeMs >= since);
}

/**
 * Removes a folder at once from where it was (a rename) and deletes it in a detached process:
 * removing tens of thousands of files takes seconds.
 *
 * @example
 * await discardFolder('dist');
 */
export async function discardFolder(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  const aside = `${dir}.discarded-${process.pid}`;
  await rename(dir, aside);
  const removal = spawn('rm', ['-rf', aside], { detached: true, stdio: 'ignore' });
  // Where there is no `rm`, delete it here instead.
  removal.on('error', () => void rm(aside, { recursive: true, force: true }));
  removal.unref();
}
