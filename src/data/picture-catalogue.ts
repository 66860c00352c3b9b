/**
 * The catalogue of lead pictures: for every picture file an article names, the digest of its
 * bytes and of the code that encodes it, and its size, found during content sync and kept in
 * one file beside Astro's data store (what keys it: docs/architecture.md, Caches). Pages read
 * their picture's facts from it (`src/data/archive.ts`); the build publishes each picture's
 * files from it (`src/data/picture-files.ts`).
 */
import { cachePath } from '../cache/cache-folder.ts';
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ParsedArticle } from '../lib/article.ts';
import type { ContentIssue } from '../lib/content-issues.ts';
import type { PictureFacts } from '../lib/pictures.ts';
import { codeDigest } from '../cache/code-digest.ts';
import { mapConcurrently } from './concurrency.ts';
import { blobId } from './git-blobs.ts';
import { readSealedJson, writeSealedFile } from '../cache/sealed-file.ts';

/** A catalogued picture, with what tells whether its file changed since. */
export interface CataloguedPicture extends PictureFacts {
  size: number;
  mtimeMs: number;
  /** Git's object id of the bytes digested (`blobId`). */
  blob: string;
  /** The picture encoder's code digest (`codeDigest`), part of `digest`. */
  encoder: string;
}

/** The code that encodes pictures: a change to it gives every picture a new digest, so new files. */
const PICTURE_CODE = ['src/data/picture-files.ts'];

/** What the catalogue needs of an article: which picture it names, and on which line. */
export interface PictureReference {
  file: string;
  data: { image?: { src: string } | undefined };
  fieldLines: ParsedArticle['fieldLines'];
}

/** The code that writes the catalogue: a catalogue written by other code is not read. */
const catalogueCode = () => codeDigest(['src/data/picture-catalogue.ts']);

/** Formats sharp reads that every browser shows once converted; anything else is refused. */
const READABLE_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'heif', 'gif', 'tiff']);
const EXPECTED = 'một tệp ảnh JPEG, PNG, WebP, AVIF hoặc GIF trong content/images/, tính từ thư mục content/';

/**
 * The catalogue file under Astro's cache folder.
 *
 * @example
 * pictureCatalogueFile('/site/node_modules/.astro'); // '/site/node_modules/.astro/pictures.json'
 */
export function pictureCatalogueFile(cacheDir: string): string {
  return cachePath(cacheDir, 'pictureCatalogue');
}

/**
 * The catalogue by `src`; empty when there is none yet, or it is damaged or was written by other
 * code. Pages pass `anyCode`: their code is bundled away from the sources, and they check the
 * catalogue against the archive's digest instead (`src/data/archive.ts`).
 *
 * @example
 * (await readPictureCatalogue('/cache/pictures.json')).get('images/da-lat.jpg')?.width; // 1600
 */
export async function readPictureCatalogue(
  file: string,
  { anyCode = false } = {},
): Promise<Map<string, CataloguedPicture>> {
  const saved = await readSealedJson<{ code?: unknown; pictures?: unknown }>(file);
  return (anyCode || saved?.code === catalogueCode()) && Array.isArray(saved?.pictures)
    ? new Map((saved.pictures as CataloguedPicture[]).map((picture) => [picture.src, picture]))
    : new Map();
}

/**
 * Writes the catalogue as one sealed entry (`src/cache/sealed-file.ts`).
 *
 * @example
 * await writePictureCatalogue('/cache/pictures.json', catalogue);
 */
export async function writePictureCatalogue(
  file: string,
  pictures: ReadonlyMap<string, CataloguedPicture>,
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const sorted = [...pictures.values()].sort((a, b) => (a.src < b.src ? -1 : a.src > b.src ? 1 : 0));
  await writeSealedFile(file, JSON.stringify({ code: catalogueCode(), pictures: sorted }));
}

/**
 * Catalogues the picture of every article that names one, reusing `previous` for files that
 * did not change: same size and time, or an object id in `committed` (`unchangedBlobIds`, by
 * path from `root`) equal to the one catalogued. Problems are reported against each article
 * that names the picture: a path outside `content/`, or a file that is not a picture. A
 * missing file is left to `crossCheckArticles`, which reports it.
 *
 * @example
 * const { pictures, issues } = await cataloguePictures('/site', articles, await readPictureCatalogue(file));
 */
export async function cataloguePictures(
  root: string,
  articles: readonly PictureReference[],
  previous: ReadonlyMap<string, CataloguedPicture>,
  { contentDir = 'content', committed = new Map<string, string>() }: CatalogueOptions = {},
): Promise<{ pictures: Map<string, CataloguedPicture>; issues: ContentIssue[]; changed: boolean }> {
  const contentRoot = path.resolve(root, contentDir);
  const namedBy = new Map<string, PictureReference[]>();
  for (const article of articles) {
    const src = article.data.image?.src;
    if (src !== undefined) namedBy.set(src, [...(namedBy.get(src) ?? []), article]);
  }
  const issues: ContentIssue[] = [];
  const report = (src: string, message: string) => {
    for (const article of namedBy.get(src)!) {
      issues.push({
        file: article.file,
        line: article.fieldLines.image,
        field: 'ảnh',
        value: src,
        message,
        expected: EXPECTED,
        severity: 'error',
      });
    }
  };
  const encoder = codeDigest(PICTURE_CODE);
  const byDigest = new Map([...previous.values()].map((picture) => [picture.digest, picture]));
  const pictures = new Map<string, CataloguedPicture>();
  let changed = false;
  const sources = [...namedBy.keys()].sort();
  await mapConcurrently(sources, 8, async (src) => {
    const file = path.resolve(contentRoot, src);
    if (!file.startsWith(contentRoot + path.sep)) {
      report(src, `ảnh nằm ngoài thư mục ${contentDir}/`);
      return;
    }
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats?.isFile()) return; // reported by crossCheckArticles
    const catalogued = previous.get(src);
    const known = catalogued?.encoder === encoder ? catalogued : undefined;
    const committedBlob = committed.get(path.relative(root, file).split(path.sep).join('/'));
    if (known && known.size === stats.size && known.mtimeMs === stats.mtimeMs) {
      pictures.set(src, known);
      return;
    }
    if (known && committedBlob !== undefined && committedBlob === known.blob) {
      // Only its time changed (a checkout): keep it, with the new time.
      pictures.set(src, { ...known, mtimeMs: stats.mtimeMs });
      changed = true;
      return;
    }
    changed = true;
    // Synchronous, as for articles: a checkout gives every file a new time, and reading tens of
    // thousands through the thread pool only adds to it.
    const bytes = readFileSync(file);
    const digest = createHash('sha256').update(encoder).update('\0').update(bytes).digest('hex').slice(0, 16);
    const seen = byDigest.get(digest);
    const size = seen ? { width: seen.width, height: seen.height } : await displayedSize(bytes);
    if (typeof size === 'string') {
      report(src, `tệp ${contentDir}/${src} không phải ảnh đọc được (${size})`);
      return;
    }
    const blob = committedBlob ?? blobId(bytes);
    pictures.set(src, { src, digest, ...size, size: stats.size, mtimeMs: stats.mtimeMs, blob, encoder });
  });
  if (pictures.size !== previous.size) changed = true;
  // In the order of their paths, whichever file was read first.
  const sorted = new Map(sources.filter((src) => pictures.has(src)).map((src) => [src, pictures.get(src)!]));
  return { pictures: sorted, issues, changed };
}

export interface CatalogueOptions {
  /** The folder pictures must be in, relative to the root. */
  contentDir?: string;
  /** Git's ids of the files it finds unchanged (`unchangedBlobIds`), by path from the root. */
  committed?: ReadonlyMap<string, string>;
}

/** Width and height as displayed (EXIF rotation applied), or why the file cannot be read. */
async function displayedSize(bytes: Buffer): Promise<{ width: number; height: number } | string> {
  try {
    // Loaded only for a picture never seen before: not on a build where none is new.
    const { default: sharp } = await import('sharp');
    const metadata = await sharp(bytes).metadata();
    if (!READABLE_FORMATS.has(metadata.format)) return `định dạng ${metadata.format}`;
    const { width, height } = metadata.autoOrient;
    if (!(width > 0 && height > 0)) return 'không rõ kích thước';
    return { width, height };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
