/**
 * The files of a built site as a deploy sees them: every file with its size and time, and
 * the MD5 digest of its bytes, read a bounded number at a time.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LocalFile } from '../lib/deploy/plan.ts';
import { FILES_AT_ONCE, mapConcurrently } from './concurrency.ts';

/** One file of `dist/` with what its listing says about it. */
export interface ListedFile {
  /** Path relative to `dist/`, `/` separators. */
  file: string;
  size: number;
  mtimeMs: number;
}

/**
 * Every file under `dist`, sorted by path. Throws ENOENT when `dist` does not exist.
 *
 * @example
 * await listDist('dist'); // [{ file: '404.html', size: 5120, mtimeMs: 1733450000000 }, …]
 */
export async function listDist(dist: string): Promise<ListedFile[]> {
  const entries = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const files = entries.map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)));
  const listed = await mapConcurrently(files, FILES_AT_ONCE, async (file) => {
    const info = await stat(path.join(dist, file));
    return { file: file.split(path.sep).join('/'), size: info.size, mtimeMs: info.mtimeMs };
  });
  return listed.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/**
 * A digest of a listing (paths, sizes and times): any file written, added or removed since
 * changes it.
 *
 * @example
 * listingDigest(await listDist('dist')); // 'c0ffee…'
 */
export function listingDigest(listing: readonly ListedFile[]): string {
  const hash = createHash('sha256');
  for (const { file, size, mtimeMs } of listing) hash.update(`${file}\t${size}\t${mtimeMs}\n`);
  return hash.digest('hex');
}

function md5Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('md5');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * The MD5 of every listed file, `done` called after each.
 *
 * @example
 * await digestFiles('dist', listing, () => bar.increment()); // [{ file: '404.html', size: 5120, md5: '9e10…' }, …]
 */
export function digestFiles(dist: string, listing: readonly ListedFile[], done: () => void): Promise<LocalFile[]> {
  return mapConcurrently(listing, FILES_AT_ONCE, async ({ file, size }) => {
    const md5 = await md5Of(path.join(dist, file));
    done();
    return { file, size, md5 };
  });
}
