/**
 * Publishes the lead pictures into `dist/anh/`: every variant of every picture a published
 * article shows (`src/lib/pictures.ts`), and nothing else.
 *
 * Encoding is the slow part, so each variant is encoded once and kept in the picture cache
 * under Astro's cache folder, named by digest, width and format; `dist/anh/` holds hard links
 * to those files. A file already in
 * `dist/anh/` is left alone while it is as it was written (its name says what is in it), and
 * one no article shows any more is removed there and from the cache.
 */
import { cachePath } from '../cache/cache-folder.ts';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { pictureVariants, type PictureFacts, type PictureVariant } from '../lib/pictures.ts';
import { PICTURE_DIR } from '../lib/urls.ts';
import { replaceFile } from '../cache/replace-file.ts';
import { isSealedFile, sealFile } from '../cache/sealed-time.ts';
import { mapConcurrently } from './concurrency.ts';

/** A picture that could not be published: the build fails with this message. */
export class PictureError extends Error {
  override name = 'PictureError';
}

export interface PicturePublishOptions {
  /** The site's folder; `src` of each picture is relative to its `content/`. */
  root: string;
  distDir: string;
  /** Where encoded variants are kept between builds (`pictureCacheDir`). */
  cacheDir: string;
  /** Every picture a published article shows. */
  pictures: readonly PictureFacts[];
  contentDir?: string;
}

export interface PicturePublishStats {
  pictures: number;
  /** Files in `dist/anh/` after publishing. */
  files: number;
  /** Variants encoded by this build (the rest were in the cache or already published). */
  encoded: number;
  /** Files removed from `dist/anh/` because no published article shows them any more. */
  removed: number;
  seconds: number;
}

/**
 * The picture cache under Astro's cache folder.
 *
 * @example
 * pictureCacheDir('/site/node_modules/.astro'); // '/site/node_modules/.astro/pictures'
 */
export function pictureCacheDir(astroCacheDir: string): string {
  return cachePath(astroCacheDir, 'pictures');
}

const cacheName = (picture: PictureFacts, variant: PictureVariant) =>
  `${picture.digest}-${variant.width}.${variant.format}`;

/**
 * Encodes one variant of a picture: rotated as its EXIF data says, scaled to the variant's
 * width, metadata dropped. Quality settings are sharp's defaults, as with Astro's `<Picture>`.
 *
 * @example
 * const avif = await encodePicture(readFileSync('content/images/da-lat.jpg'), { width: 800, format: 'avif' });
 */
export function encodePicture(source: Buffer, variant: Pick<PictureVariant, 'width' | 'format'>): Promise<Buffer> {
  const resized = sharp(source).autoOrient().resize({ width: variant.width, withoutEnlargement: true });
  return (variant.format === 'jpg' ? resized.jpeg() : resized.toFormat(variant.format)).toBuffer();
}

/**
 * Makes `dist/anh/` hold exactly the variants of `pictures`, encoding only those neither
 * published nor cached yet, every core at work.
 *
 * @example
 * await publishPictures({ root: '.', distDir: 'dist', cacheDir: pictureCacheDir('node_modules/.astro'), pictures });
 * // { pictures: 3, files: 36, encoded: 12, removed: 0, seconds: 4.1 }
 */
export async function publishPictures(options: PicturePublishOptions): Promise<PicturePublishStats> {
  const started = performance.now();
  const outDir = path.join(options.distDir, PICTURE_DIR);
  mkdirSync(outDir, { recursive: true });
  mkdirSync(options.cacheDir, { recursive: true });
  const published = new Set(readdirSync(outDir));
  const cached = new Set(readdirSync(options.cacheDir));
  const wanted = new Set<string>();
  const wantedInCache = new Set<string>();
  let encoded = 0;

  await mapConcurrently(options.pictures, availableParallelism(), async (picture) => {
    let source: Buffer | undefined;
    for (const variant of pictureVariants(picture)) {
      wanted.add(variant.file);
      const inCache = cacheName(picture, variant);
      wantedInCache.add(inCache);
      const publishedFile = path.join(outDir, variant.file);
      if (published.has(variant.file) && isSealedFile(publishedFile)) continue;
      const cachedFile = path.join(options.cacheDir, inCache);
      if (!cached.has(inCache) || !isSealedFile(cachedFile)) {
        source ??= readPictureSource(options.root, picture, options.contentDir);
        await encodeIntoCache(source, picture, variant, cachedFile, options.contentDir);
        cached.add(inCache);
        encoded++;
      }
      rmSync(publishedFile, { force: true });
      linkOrCopy(cachedFile, publishedFile);
      published.add(variant.file);
    }
  });

  let removed = 0;
  for (const file of published) {
    if (wanted.has(file)) continue;
    rmSync(path.join(outDir, file), { force: true });
    removed++;
  }
  for (const file of cached) if (!wantedInCache.has(file)) rmSync(path.join(options.cacheDir, file), { force: true });
  return {
    pictures: options.pictures.length,
    files: wanted.size,
    encoded,
    removed,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Encodes one variant into the cache: written beside and renamed, so a stopped build never leaves a cut file. */
async function encodeIntoCache(
  source: Buffer,
  picture: PictureFacts,
  variant: PictureVariant,
  cachedFile: string,
  contentDir = 'content',
): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await encodePicture(source, variant);
  } catch (error) {
    throw new PictureError(
      `Không chuyển được ảnh ${contentDir}/${picture.src} sang ${variant.format} rộng ${variant.width} px: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  // Sealed (`src/cache/sealed-time.ts`): a file written to since is encoded again, never published.
  await replaceFile(cachedFile, bytes, { sealed: true });
}

/**
 * Encodes into the picture cache, one file at a time, the variants of `pictures` it lacks,
 * without publishing them: `npm run build` starts this for pictures new to the catalogue while
 * Astro renders pages on one core, so `publishPictures` finds them ready afterwards. Whatever
 * is not finished when Astro's process exits, `publishPictures` encodes (and it removes the
 * files of pictures no published article shows, such as a scheduled article's, from the cache).
 *
 * @example
 * await prepareInCache({ root: '.', cacheDir: pictureCacheDir('node_modules/.astro'), pictures: newPictures }); // 12
 */
export async function prepareInCache(
  options: Pick<PicturePublishOptions, 'root' | 'cacheDir' | 'pictures' | 'contentDir'>,
): Promise<number> {
  mkdirSync(options.cacheDir, { recursive: true });
  const cached = new Set(readdirSync(options.cacheDir));
  let encoded = 0;
  for (const picture of options.pictures) {
    let source: Buffer | undefined;
    for (const variant of pictureVariants(picture)) {
      const inCache = cacheName(picture, variant);
      if (cached.has(inCache) && isSealedFile(path.join(options.cacheDir, inCache))) continue;
      source ??= readPictureSource(options.root, picture, options.contentDir);
      await encodeIntoCache(source, picture, variant, path.join(options.cacheDir, inCache), options.contentDir);
      encoded++;
    }
  }
  return encoded;
}

/**
 * A picture's source file, under the site's `content/`.
 *
 * @example
 * readPictureSource('/site', { src: 'images/da-lat.jpg' }); // <Buffer ff d8 …>
 */
export function readPictureSource(root: string, picture: Pick<PictureFacts, 'src'>, contentDir = 'content'): Buffer {
  const file = path.join(root, contentDir, picture.src);
  if (!existsSync(file)) {
    throw new PictureError(`Không tìm thấy tệp ảnh ${contentDir}/${picture.src} khi xuất ảnh.`);
  }
  return readFileSync(file);
}

// A hard link costs no space; where the cache and dist/ are on different disks, a copy.
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
    sealFile(to);
  }
}

/**
 * The build log's line about pictures.
 *
 * @example
 * pictureSummary({ pictures: 3, files: 36, encoded: 12, removed: 0, seconds: 4.1 });
 * // '3 ảnh, 36 tệp (12 tệp mới chuyển đổi, 0 tệp bỏ) trong 4.1 s'
 */
export function pictureSummary(stats: PicturePublishStats): string {
  return `${stats.pictures} ảnh, ${stats.files} tệp (${stats.encoded} tệp mới chuyển đổi, ${stats.removed} tệp bỏ) trong ${stats.seconds.toFixed(1)} s`;
}
