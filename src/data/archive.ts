/**
 * The one place pages get content from. The archive is read once per build and indexed once;
 * pages receive slices of it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getEntry } from 'astro:content';
import { createArchive, type Archive, type Article } from '../lib/archive.ts';
import { readArticleHtml, writeArticleHtml } from './article-html.ts';
import { ARCHIVE_ID, REGISTRIES_ID, type StoredRegistries } from './article-loader.ts';
import { archiveDigest, readArticleRecords } from './article-records.ts';
import { readPictureCatalogue } from './picture-catalogue.ts';

import { buildTime } from './content-files.ts';

export { buildTime };

let archive: Promise<Archive> | undefined;
let htmlDir = '';
let root = '';

async function loadArchive(): Promise<Archive> {
  const [archiveEntry, registriesEntry] = await Promise.all([
    getEntry('articles', ARCHIVE_ID),
    getEntry('registries', REGISTRIES_ID),
  ]);
  const registries = registriesEntry!.data as StoredRegistries;
  htmlDir = registries.htmlDir;
  root = registries.root;
  // The articles' front matter is in the records file and their pictures' facts in the picture
  // catalogue, both written by the same content sync; the store holds one digest of the two.
  const [records, pictures] = await Promise.all([
    readArticleRecords(registries.recordsFile),
    readPictureCatalogue(registries.picturesFile, { anyCode: true }),
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

/**
 * The SVG text of the site's logo (see `readLogo`).
 *
 * @example
 * await siteLogoSvg(); // '<svg xmlns=…'
 */
export async function siteLogoSvg(): Promise<string> {
  const entry = await getEntry('registries', REGISTRIES_ID);
  return (entry!.data as StoredRegistries).logoSvg;
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
export async function articleHtml(article: Pick<Article, 'htmlKey' | 'file'>): Promise<string> {
  const { categories } = await getArchive();
  const cached = await readArticleHtml(htmlDir, article.htmlKey);
  if (cached !== undefined) return cached;
  // Missing or damaged in the cache: rendered again from the source the content sync just read.
  const { processArticle } = await import('./process-article.ts');
  const outcome = processArticle({
    file: article.file,
    source: await readFile(path.join(root, article.file), 'utf8'),
    categories,
  });
  if (!outcome.ok || outcome.html === undefined) {
    throw new Error(`Bài viết ${article.file} đã đổi trong lúc dựng trang: hãy dựng lại.`);
  }
  await writeArticleHtml(htmlDir, [{ key: article.htmlKey, html: outcome.html }]);
  return outcome.html;
}
