/**
 * How much the build's caches hold, for one line of the build log: a cache that grows without
 * bound shows there first.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Bytes and files under a folder, its subfolders included. */
export interface FolderSize {
  bytes: number;
  files: number;
}

/**
 * @example
 * folderSize('node_modules/.astro'); // { bytes: 52428800, files: 10412 }
 */
export function folderSize(dir: string): FolderSize {
  const size = { bytes: 0, files: 0 };
  if (!existsSync(dir)) return size;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        size.bytes += statSync(full).size;
        size.files++;
      }
    }
  };
  walk(dir);
  return size;
}

/**
 * The build log's line about the caches.
 *
 * @example
 * cacheSummary({ bytes: 52428800, files: 10412 }); // 'bộ nhớ đệm: 50,0 MB trong 10.412 tệp'
 */
export function cacheSummary(size: FolderSize): string {
  const megabytes = (size.bytes / 2 ** 20).toLocaleString('vi-VN', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return `bộ nhớ đệm: ${megabytes} MB trong ${size.files.toLocaleString('vi-VN')} tệp`;
}
