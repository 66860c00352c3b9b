/**
 * Cache entries too large or too many to digest on every build (encoded pictures, search
 * bundles of thousands of files) are sealed by their modification time instead: every file is
 * given {@link SEALED_TIME} once written, and any later write to it (cut short, emptied,
 * overwritten, in the cache or in `dist/`, which share it through a hard link) gives it the
 * time of that write. A file without the sealed time, or of another size than recorded, is
 * damaged and is built again. One `stat` per file.
 */
import { readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';

/** The modification time of every sealed file. */
export const SEALED_TIME = new Date('2000-01-01T00:00:00Z');

/**
 * Gives a written file the sealed time.
 *
 * @example
 * sealFile('/cache/pictures/3f9a-800.avif');
 */
export function sealFile(file: string): void {
  utimesSync(file, SEALED_TIME, SEALED_TIME);
}

/**
 * Whether the file exists and nothing wrote to it since it was sealed.
 *
 * @example
 * isSealedFile('/cache/pictures/3f9a-800.avif'); // true
 */
export function isSealedFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs === SEALED_TIME.getTime();
}

/** The files of a sealed folder: path inside it (with `/`) and size, sorted by path. */
export type TreeFiles = [file: string, size: number][];

/**
 * Seals every file under `dir` and lists them, for {@link sealedTreeFiles} to check later.
 *
 * @example
 * sealTree('/cache/search-index/2024-05.tmp'); // [['fragment/ab12.pf_fragment', 812], …]
 */
export function sealTree(dir: string): TreeFiles {
  const files: TreeFiles = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    sealFile(file);
    files.push([path.relative(dir, file).split(path.sep).join('/'), statSync(file).size]);
  }
  return files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Which file on which device: a hard link to a file has the same. */
export interface FileIdentity {
  dev: number;
  ino: number;
}

/**
 * When `dir` holds exactly the files listed, each of its listed size and still sealed: their
 * identities, in the list's order (for telling whether another folder's files are links to
 * them). Otherwise `undefined`.
 *
 * @example
 * sealedTreeFiles('/cache/search-index/2024-05', files); // undefined once one fragment was cut short
 */
export function sealedTreeFiles(dir: string, files: TreeFiles): FileIdentity[] | undefined {
  let found = 0;
  try {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) if (!entry.isDirectory()) found++;
  } catch {
    return undefined;
  }
  if (found !== files.length) return undefined;
  const identities: FileIdentity[] = [];
  for (const [file, size] of files) {
    const stats = statSync(path.join(dir, file), { throwIfNoEntry: false });
    if (!stats?.isFile() || stats.size !== size || stats.mtimeMs !== SEALED_TIME.getTime()) return undefined;
    identities.push({ dev: stats.dev, ino: stats.ino });
  }
  return identities;
}
