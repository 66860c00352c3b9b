/**
 * The one place pages get content from. The collection is read once per build (every
 * `getCollection` call deep-clones it) and indexed once; pages receive slices of it.
 */
import { getCollection, getEntry } from 'astro:content';
import { createArchive, type Archive, type Article } from '../lib/archive.ts';
import { readArticleHtml } from './article-html.ts';
import { REGISTRIES_ID, type StoredRegistries } from './article-loader.ts';
import { readArticleRecords } from './article-records.ts';
import { readPictureCatalogue } from './picture-catalogue.ts';

/**
 * Build time: `BUILD_TIME` (any ISO 8601 instant) fixes it for tests and reproducible builds.
 */
export function buildTime(): Date {
  const fixed = process.env['BUILD_TIME'];
  return fixed ? new Date(fixed) : new Date();
}

let archive: Promise<Archive> | undefined;
let htmlDir = '';

async function loadArchive(): Promise<Archive> {
  const [entries, registriesEntry] = await Promise.all([
    getCollection('articles'),
    getEntry('registries', REGISTRIES_ID),
  ]);
  const registries = registriesEntry!.data as StoredRegistries;
  htmlDir = registries.htmlDir;
  // The store holds each article's digest; its front matter is in the records file and its
  // picture's facts in the picture catalogue, both written by the same content sync.
  const [records, pictures] = await Promise.all([
    readArticleRecords(registries.recordsFile),
    readPictureCatalogue(registries.picturesFile),
  ]);
  return createArchive({
    sources: entries.map((entry) => {
      const record = records.get(entry.id);
      if (!record || record.htmlKey !== entry.digest) {
        throw new Error(
          `Thiếu dữ liệu đã đọc của bài viết ${entry.id} (${registries.recordsFile}): xoá node_modules/.astro rồi dựng lại.`,
        );
      }
      const picture = record.data.image && pictures.get(record.data.image.src);
      if (record.data.image && !picture) {
        throw new Error(
          `Thiếu thông tin ảnh ${record.data.image.src} của bài viết ${entry.id} (${registries.picturesFile}): xoá node_modules/.astro rồi dựng lại.`,
        );
      }
      return { file: record.file, data: record.data, htmlKey: record.htmlKey, picture };
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
