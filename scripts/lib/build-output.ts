/**
 * `dist/` is built in place and kept between builds.
 *
 * Astro's incremental build skips a page whose cache key is unchanged, but copies the page back
 * from its cache when the output folder lacks it: for a fresh output folder, every page.
 * Building into the previous `dist/` lets Astro find
 * the page in place instead. The folder then only ever holds what the last build produced:
 * after a build, whatever it neither wrote nor kept as a cached page is removed (a deleted
 * article, an old asset). And nothing half-built is left for publication: a build that fails
 * before writing leaves `dist/` as it was, one that fails after removes it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';

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
  const files: FileTime[] = [];
  if (existsSync(dir)) {
    walk(dir, '', new Set(skippedFolders), (file, full) => files.push({ file, mtimeMs: statSync(full).mtimeMs }));
  }
  return files;
}

// By hand rather than `readdirSync(dir, { recursive: true })`, which is twice as slow here.
function walk(
  dir: string,
  relative: string,
  skipped: ReadonlySet<string>,
  visit: (file: string, full: string) => void,
) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    // Joined by hand: `path.join` for every file of a large site costs measurably more.
    const full = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!skipped.has(name)) walk(full, name, skipped, visit);
    } else visit(name, full);
  }
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
  const stale: string[] = [];
  if (!existsSync(dir)) return stale;
  // A kept page needs no `stat`: nearly every page of a rebuild.
  walk(dir, '', new Set(keptFolders), (file, full) => {
    if (!kept.has(file) && statSync(full).mtimeMs < since) stale.push(file);
  });
  return stale;
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
