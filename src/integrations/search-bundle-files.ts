/**
 * The files of search bundles: Pagefind's WebAssembly placed in the newest bundle only, cached
 * bundles hard-linked into the site, the cache pruned of bundles nothing uses, sizes reported.
 */
import { readdirSync, statSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BUNDLE_WASM_FILE, WASM_PLACEHOLDER, isWasmPlaceholder } from '../lib/search-shards.ts';

/** Beside a cached bundle: the digest of what it was indexed from. */
export const FINGERPRINT_FILE = '.fingerprint';
/** Beside it: the bundle's size in bytes without its WebAssembly, so a reused bundle is not walked to report it. */
export const SIZE_FILE = '.size';
/** A file every bundle has; its inode tells which cached bundle a linked one came from. */
export const BUNDLE_ENTRY_FILE = 'pagefind.js';

/** Pagefind's WebAssembly files in a bundle folder. */
export async function wasmFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => BUNDLE_WASM_FILE.test(name)).map((name) => path.join(dir, name));
}

export async function isPlaceholderFile(file: string): Promise<boolean> {
  return (await stat(file)).size === WASM_PLACEHOLDER.length && isWasmPlaceholder(await readFile(file));
}

/**
 * Gives the newest bundle Pagefind's WebAssembly, which the search page compiles once for all
 * bundles, and every other bundle {@link WASM_PLACEHOLDER}. A file is replaced, never written
 * into: it may be a hard link into the cache, whose bundle can be the newest again at a later
 * build (after the newest month's only article is deleted, say); its real file is then linked
 * back from the cache, the only place a bundle with the placeholder can come from.
 */
export async function placeWasm(dir: string, newest: boolean, cached: string | undefined): Promise<void> {
  for (const file of await wasmFiles(dir)) {
    // Already right: the newest with Pagefind's file, the others with the placeholder.
    if ((await isPlaceholderFile(file)) !== newest) continue;
    await rm(file);
    if (newest) await linkFile(path.join(cached!, path.basename(file)), file);
    else await writeFile(file, WASM_PLACEHOLDER);
  }
}

/** Hard-links (or, across file systems, copies) a file. */
export async function linkFile(source: string, target: string): Promise<void> {
  await link(source, target).catch(() => copyFile(source, target));
}

/** Hard-links (or, across file systems, copies) a cached bundle into the site. */
export async function linkTree(from: string, to: string): Promise<void> {
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
export async function linkBundle(cached: string, target: string): Promise<void> {
  const fresh = `${target}.${process.pid}.tmp`;
  await rm(fresh, { recursive: true, force: true });
  await linkTree(cached, fresh);
  await rm(target, { recursive: true, force: true });
  await rename(fresh, target);
}

/** Whether `target` is a whole bundle linked from `cached` (a cache entry is never rewritten, only replaced). */
export async function sameEntryFile(cached: string, target: string): Promise<boolean> {
  const [source, linked] = await Promise.all(
    [cached, target].map((dir) => stat(path.join(dir, BUNDLE_ENTRY_FILE)).catch(() => undefined)),
  );
  return source !== undefined && linked !== undefined && source.ino === linked.ino && source.dev === linked.dev;
}

/** Removes every entry of `dir` but those named (shards no page falls in any more, leftovers). */
export async function removeEntriesBut(dir: string, names: readonly string[]): Promise<void> {
  const keep = new Set(names);
  const entries = await readdir(dir).catch(() => []);
  await Promise.all(
    entries.filter((name) => !keep.has(name)).map((name) => rm(path.join(dir, name), { recursive: true, force: true })),
  );
}

/** The bytes of the files under `dir`, leaving out those whose name matches `except`. */
export function directorySize(dir: string, except?: RegExp): number {
  let total = 0;
  // Synchronous: ten thousand small stats are several times faster than through the thread pool.
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !except?.test(entry.name)) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

export async function readBundleSize(cached: string): Promise<number | undefined> {
  const size = Number(await readFile(path.join(cached, SIZE_FILE), 'utf8').catch(() => ''));
  return Number.isInteger(size) && size > 0 ? size : undefined;
}

/**
 * The search index's size in `outputPath`: each bundle's recorded size plus its WebAssembly
 * file, so the tens of thousands of files of an unchanged index are not walked on every
 * build. A bundle without a recorded size (no cache folder, an older cache) is walked.
 */
export async function searchIndexBytes(
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
