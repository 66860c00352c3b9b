/**
 * The files of search bundles: cached bundles sealed and checked (`src/cache/sealed-time.ts`),
 * hard-linked into the site, Pagefind's WebAssembly placed in the newest bundle only, the cache
 * pruned of bundles nothing uses, sizes reported.
 */
import { readdirSync, statSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readSealedJson, writeSealedFile } from '../cache/sealed-file.ts';
import { sealTree, sealedTreeFiles, type FileIdentity, type TreeFiles } from '../cache/sealed-time.ts';
import { BUNDLE_WASM_FILE, WASM_PLACEHOLDER, isWasmPlaceholder } from '../lib/search-shards.ts';

/** What is kept beside a cached bundle, in a sealed file of its own (`<bundle>.json`). */
export interface BundleRecord {
  /** The digest of what the bundle was indexed from (`shardFingerprint`). */
  fingerprint: string;
  /** Its bytes without the WebAssembly, so a reused bundle is not walked to report its size. */
  size: number;
  /** Its files, sealed when written. */
  files: TreeFiles;
}

/**
 * The sealed record beside a cached bundle.
 *
 * @example
 * bundleRecordFile('/cache/search-index/2024-05'); // '/cache/search-index/2024-05.json'
 */
export const bundleRecordFile = (cached: string): string => `${cached}.json`;

/** A cached bundle that can be reused: its record, and its files' identities in the record's order. */
export interface CachedBundle {
  record: BundleRecord;
  identities: FileIdentity[];
}

/**
 * A cached bundle indexed from `fingerprint` whose files are whole: none written to, cut,
 * removed or added since it was sealed. `undefined` sends the bundle to be indexed again.
 *
 * @example
 * await readCachedBundle('/cache/search-index/2024-05', fingerprint); // { record: { fingerprint, size: 81234, files: […] }, identities: […] }
 */
export async function readCachedBundle(cached: string, fingerprint: string): Promise<CachedBundle | undefined> {
  const record = await readSealedJson<BundleRecord>(bundleRecordFile(cached));
  if (record?.fingerprint !== fingerprint) return undefined;
  const identities = sealedTreeFiles(cached, record.files);
  return identities && { record, identities };
}

/**
 * Seals a freshly indexed bundle and puts it in the cache in place of `cached`. The record is
 * written last, so an interrupted store leaves no bundle that passes {@link readCachedBundle}.
 *
 * @example
 * await storeBundle('/cache/search-index/2024-05.123.tmp', '/cache/search-index/2024-05', fingerprint);
 */
export async function storeBundle(fresh: string, cached: string, fingerprint: string): Promise<BundleRecord> {
  const files = sealTree(fresh);
  const size = files.reduce(
    (sum, [file, bytes]) => (BUNDLE_WASM_FILE.test(path.basename(file)) ? sum : sum + bytes),
    0,
  );
  const record: BundleRecord = { fingerprint, size, files };
  await rm(bundleRecordFile(cached), { force: true });
  await rm(cached, { recursive: true, force: true });
  await rename(fresh, cached);
  await writeSealedFile(bundleRecordFile(cached), JSON.stringify(record));
  return record;
}

/**
 * Whether `target` holds exactly the cached bundle's files, each a hard link to the cached one
 * (its WebAssembly aside, which {@link placeWasm} manages): a kept build folder usually does.
 *
 * @example
 * isLinkedBundle('dist/pagefind/2024-05', await readCachedBundle(cached, fingerprint)); // true
 */
export function isLinkedBundle(target: string, { record, identities }: CachedBundle): boolean {
  try {
    const found = readdirSync(target, { recursive: true, withFileTypes: true }).filter((entry) => !entry.isDirectory());
    if (found.length !== record.files.length) return false;
  } catch {
    return false;
  }
  return record.files.every(([file], index) => {
    if (BUNDLE_WASM_FILE.test(path.basename(file))) return true;
    const linked = statSync(path.join(target, file), { throwIfNoEntry: false });
    return linked !== undefined && linked.ino === identities[index]!.ino && linked.dev === identities[index]!.dev;
  });
}

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
