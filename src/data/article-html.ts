/**
 * Rendered article bodies live in files beside Astro's data store, one per digest, not in the
 * store itself, which Astro bundles and parses whole before rendering any page: as files, only
 * the pages actually rendered read their body.
 */
import { cachePath } from '../cache/cache-folder.ts';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { readSealedText, writeSealedFile } from '../cache/sealed-file.ts';
import { FILES_AT_ONCE, mapConcurrently } from './concurrency.ts';

const SUFFIX = '.html';

/**
 * The folder of rendered bodies under Astro's cache folder.
 *
 * @example
 * articleHtmlDir('/site/node_modules/.astro'); // '/site/node_modules/.astro/article-html'
 */
export function articleHtmlDir(cacheDir: string): string {
  return cachePath(cacheDir, 'articleHtml');
}

/**
 * The file of one rendered body; `key` is the digest of the article's source and registries.
 *
 * @example
 * articleHtmlFile('/cache/article-html', '3f9a0c'); // '/cache/article-html/3f9a0c.html'
 */
export function articleHtmlFile(dir: string, key: string): string {
  return path.join(dir, `${key}${SUFFIX}`);
}

/**
 * The files of the folder, read once per load: the loader asks it which bodies exist and
 * prunes from it, instead of one `stat` per article. Empty when the folder does not exist yet.
 *
 * @example
 * await listArticleHtml('/cache/article-html'); // Set { '3f9a0c.html', … }
 */
export async function listArticleHtml(dir: string): Promise<Set<string>> {
  return new Set(await readdir(dir).catch(() => [] as string[]));
}

/**
 * Is the body for `key` among the listed files? The loader renders again when it is not (a
 * cache folder restored only in part, say).
 *
 * @example
 * hasArticleHtml(await listArticleHtml('/cache/article-html'), '3f9a0c'); // true
 */
export function hasArticleHtml(files: ReadonlySet<string>, key: string): boolean {
  return files.has(`${key}${SUFFIX}`);
}

/**
 * Writes rendered bodies, several at a time.
 *
 * @example
 * await writeArticleHtml('/cache/article-html', [{ key: '3f9a0c', html: '<p>Đà Lạt</p>' }]);
 */
export async function writeArticleHtml(dir: string, bodies: readonly { key: string; html: string }[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await mapConcurrently(bodies, FILES_AT_ONCE, ({ key, html }) => writeSealedFile(articleHtmlFile(dir, key), html));
}

/**
 * Reads one rendered body, or `undefined` when it is missing or damaged (cut short, emptied,
 * overwritten): each body carries the digest of its content, checked here.
 *
 * @example
 * await readArticleHtml('/cache/article-html', '3f9a0c'); // '<p>Đà Lạt</p>'
 */
export function readArticleHtml(dir: string, key: string): Promise<string | undefined> {
  return readSealedText(articleHtmlFile(dir, key));
}

/**
 * Deletes the listed files that are not the body of a key to keep: articles that no longer
 * exist or have changed since. Bodies written after the listing are not touched.
 *
 * @example
 * await pruneArticleHtml('/cache/article-html', files, new Set(['3f9a0c'])); // removes every other listed body
 */
export async function pruneArticleHtml(
  dir: string,
  files: ReadonlySet<string>,
  keep: ReadonlySet<string>,
): Promise<void> {
  const stale = [...files].filter((file) => !(file.endsWith(SUFFIX) && keep.has(file.slice(0, -SUFFIX.length))));
  await mapConcurrently(stale, FILES_AT_ONCE, (file) => rm(path.join(dir, file), { force: true }));
}
