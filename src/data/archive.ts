/**
 * The one place pages get content from. The archive is read once per build and indexed once;
 * pages receive slices of it.
 */
import { getEntry } from 'astro:content';
import { createArchive, type Archive, type Article } from '../lib/archive.ts';
import { readArticleHtml } from './article-html.ts';
import { ARCHIVE_ID, REGISTRIES_ID, type StoredRegistries } from './article-loader.ts';
import { archiveDigest, readArticleRecords } from './article-records.ts';
import { readPictureCatalogue } from './picture-catalogue.ts';

import { buildTime } from './content-files.ts';

export { buildTime };

let archive: Promise<Archive> | undefined;
let htmlDir = '';

async function loadArchive(): Promise<Archive> {
  const [archiveEntry, registriesEntry] = await Promise.all([
    getEntry('articles', ARCHIVE_ID),
    getEntry('registries', REGISTRIES_ID),
  ]);
  const registries = registriesEntry!.data as StoredRegistries;
  htmlDir = registries.htmlDir;
  // The articles' front matter is in the records file and their pictures' facts in the picture
  // catalogue, both written by the same content sync; the store holds one digest of the two.
  const [records, pictures] = await Promise.all([
    readArticleRecords(registries.recordsFile),
    readPictureCatalogue(registries.picturesFile),
  ]);
  if (!archiveEntry || archiveEntry.digest !== archiveDigest(records.values(), pictures.values())) {
    throw new Error(
      `Dữ liệu đã đọc của các bài viết (${registries.recordsFile}, ${registries.picturesFile}) không khớp lần đồng bộ nội dung vừa rồi: xoá node_modules/.astro rồi dựng lại.`,
    );
  }
  return createArchive({
    sources: [...records.values()].map((record) => {
      const picture = record.data.image && pictures.get(record.data.image.src);
      if (record.data.image && !picture) {
        throw new Error(
          `Thiếu thông tin ảnh ${record.data.image.src} của bài viết ${record.file} (${registries.picturesFile}): xoá node_modules/.astro rồi dựng lại.`,
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
