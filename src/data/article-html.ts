/**
 * Rendered article bodies live in files beside Astro's data store, one per content digest,
 * not in the store itself. Astro bundles the whole data store into the build and parses it
 * before rendering any page, so at 10,000 articles their HTML (about 40 MB) cost seconds of
 * bundling, parsing and memory on every build; as files, only the pages actually rendered
 * read their body, and a page restored from the incremental cache reads nothing.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FILES_AT_ONCE, mapConcurrently } from './concurrency.ts';

const SUFFIX = '.html';

/**
 * The folder of rendered bodies under Astro's cache folder.
 *
 * @example
 * articleHtmlDir('/site/node_modules/.astro'); // '/site/node_modules/.astro/article-html'
 */
export function articleHtmlDir(cacheDir: string): string {
  return path.join(cacheDir, 'article-html');
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
 * Is the body for `key` on disk? The loader renders again when it is not (a cache folder
 * restored only in part, say).
 *
 * @example
 * hasArticleHtml('/cache/article-html', '3f9a0c'); // true
 */
export function hasArticleHtml(dir: string, key: string): boolean {
  return existsSync(articleHtmlFile(dir, key));
}

/**
 * Writes rendered bodies, several at a time.
 *
 * @example
 * await writeArticleHtml('/cache/article-html', [{ key: '3f9a0c', html: '<p>Đà Lạt</p>' }]);
 */
export async function writeArticleHtml(dir: string, bodies: readonly { key: string; html: string }[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await mapConcurrently(bodies, FILES_AT_ONCE, ({ key, html }) => writeFile(articleHtmlFile(dir, key), html));
}

/**
 * Reads one rendered body.
 *
 * @example
 * await readArticleHtml('/cache/article-html', '3f9a0c'); // '<p>Đà Lạt</p>'
 */
export async function readArticleHtml(dir: string, key: string): Promise<string> {
  try {
    return await readFile(articleHtmlFile(dir, key), 'utf8');
  } catch (error) {
    throw new Error(
      `Thiếu nội dung đã dựng của bài viết (${articleHtmlFile(dir, key)}): xoá node_modules/.astro rồi dựng lại.`,
      { cause: error },
    );
  }
}

/**
 * Deletes the bodies of articles that no longer exist or have changed since.
 *
 * @example
 * await pruneArticleHtml('/cache/article-html', new Set(['3f9a0c'])); // removes every other body
 */
export async function pruneArticleHtml(dir: string, keep: ReadonlySet<string>): Promise<void> {
  const files = await readdir(dir).catch(() => [] as string[]);
  const stale = files.filter((file) => !(file.endsWith(SUFFIX) && keep.has(file.slice(0, -SUFFIX.length))));
  await mapConcurrently(stale, FILES_AT_ONCE, (file) => rm(path.join(dir, file), { force: true }));
}
