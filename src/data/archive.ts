/**
 * The one place pages get content from. The collection is read once per build (every
 * `getCollection` call deep-clones it) and indexed once; pages receive slices of it.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { getCollection, getEntry } from 'astro:content';
import { createArchive, type Archive, type Article } from '../lib/archive.ts';
import { readArticleHtml } from './article-html.ts';
import { REGISTRIES_ID, type StoredRegistries } from './article-loader.ts';
import { readArticleRecords } from './article-records.ts';

/**
 * Build time: `BUILD_TIME` (any ISO 8601 instant) fixes it for tests and reproducible builds.
 */
export function buildTime(): Date {
  const fixed = process.env['BUILD_TIME'];
  return fixed ? new Date(fixed) : new Date();
}

let archive: Promise<Archive> | undefined;
let htmlDir = '';

const imageVersions = new Map<string, string>();
function imageVersion(root: string, src: string): string {
  let version = imageVersions.get(src);
  if (version === undefined) {
    const stats = statSync(path.join(root, 'content', src), { throwIfNoEntry: false });
    version = stats ? `${stats.size}-${stats.mtimeMs}` : 'missing';
    imageVersions.set(src, version);
  }
  return version;
}

async function loadArchive(): Promise<Archive> {
  const [entries, registriesEntry] = await Promise.all([
    getCollection('articles'),
    getEntry('registries', REGISTRIES_ID),
  ]);
  const registries = registriesEntry!.data as StoredRegistries;
  htmlDir = registries.htmlDir;
  // The store holds each article's digest; its front matter is in the records file, written
  // by the same content sync (see article-records.ts).
  const records = await readArticleRecords(registries.recordsFile);
  return createArchive({
    sources: entries.map((entry) => {
      const record = records.get(entry.id);
      if (!record || record.htmlKey !== entry.digest) {
        throw new Error(
          `Thiếu dữ liệu đã đọc của bài viết ${entry.id} (${registries.recordsFile}): xoá node_modules/.astro rồi dựng lại.`,
        );
      }
      return {
        file: record.file,
        data: record.data,
        htmlKey: record.htmlKey,
        imageVersion: record.data.image && imageVersion(registries.root, record.data.image.src),
      };
    }),
    site: registries.site,
    categories: registries.categories,
    authors: registries.authors,
    now: buildTime(),
  });
}

/** @example const { articles, byCategory } = await getArchive(); */
export function getArchive(): Promise<Archive> {
  archive ??= loadArchive();
  return archive;
}

/**
 * An article's rendered body. Read only by the page that shows it: kept out of the data store
 * (see `article-html.ts`).
 *
 * @example
 * const html = await articleHtml(article); // '<p>Đà Lạt …</p>'
 */
export async function articleHtml(article: Pick<Article, 'htmlKey'>): Promise<string> {
  await getArchive();
  return readArticleHtml(htmlDir, article.htmlKey);
}
