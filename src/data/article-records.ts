/**
 * Every article's parsed front matter, in one file beside Astro's data store, not in it; the
 * store keeps only each article's digest.
 *
 * Astro bundles its whole data store into the build as one JavaScript string, slow to compile
 * when large (docs/architecture.md, Content sync); read from this file, the records take one
 * `v8.deserialize`, which keeps dates as dates.
 */
import { cachePath } from '../cache/cache-folder.ts';
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ParsedArticle } from '../lib/article.ts';
import type { FoundUrl } from '../lib/content-lint.ts';
import { readSealedFile, writeSealedFile } from '../cache/sealed-file.ts';

/** What is kept of a parsed article: all but its body, which `article-html.ts` keeps rendered. */
export type ArticleRecord = Omit<ParsedArticle, 'body'> & {
  /** The digest of the article's source and registries; also names its rendered body. */
  htmlKey: string;
  /** The links and images of its body that the link check reads (`bodyUrls`). */
  urls: FoundUrl[];
};

/**
 * The records file under Astro's cache folder.
 *
 * @example
 * articleRecordsFile('/site/node_modules/.astro'); // '/site/node_modules/.astro/article-records.bin'
 */
export function articleRecordsFile(cacheDir: string): string {
  return cachePath(cacheDir, 'articleRecords');
}

/**
 * The records by article file; empty when there is no file yet or it is damaged (every article
 * is then parsed again). A record made by other code is not reused: its `htmlKey` includes the
 * digest of the code that made it.
 *
 * @example
 * (await readArticleRecords('/cache/article-records.bin')).get('content/articles/2022/a.md')?.data.title;
 */
export async function readArticleRecords(file: string): Promise<Map<string, ArticleRecord>> {
  const stored = await readSealedFile(file);
  const records: unknown = stored && deserialize(stored);
  return Array.isArray(records)
    ? new Map((records as ArticleRecord[]).map((record) => [record.file, record]))
    : new Map();
}

/**
 * Writes the records as one sealed entry (`src/cache/sealed-file.ts`).
 *
 * @example
 * await writeArticleRecords('/cache/article-records.bin', records);
 */
export async function writeArticleRecords(file: string, records: readonly ArticleRecord[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeSealedFile(file, serialize(records));
}

/**
 * One digest of the whole archive as a content sync left it: every article's file and source
 * digest, and every picture's digest. The article loader stores it in Astro's data store as the
 * one entry of the articles collection, instead of an entry per article, so the store stays
 * small whatever the archive's size while any change still changes it (which `astro dev`
 * reloads on). Pages check the records and the picture catalogue they read against it.
 *
 * @example
 * archiveDigest(records.values(), pictures.values()); // 'q3J0…' (base64url)
 */
export function archiveDigest(
  records: Iterable<Pick<ArticleRecord, 'file' | 'htmlKey'>>,
  pictures: Iterable<{ src: string; digest: string }>,
): string {
  const lines = [
    ...[...records].map(({ file, htmlKey }) => `${file}\0${htmlKey}`).sort(),
    '\0',
    ...[...pictures].map(({ src, digest }) => `${src}\0${digest}`).sort(),
  ];
  return createHash('sha256').update(lines.join('\n')).digest('base64url');
}
