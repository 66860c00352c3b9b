/**
 * Lead pictures, outside Astro's image pipeline: which files a picture is published as, each
 * named by a digest of the picture's content, and the markup that offers them (see
 * docs/architecture.md, Pictures).
 *
 * Not Astro's `<Picture>`: its incremental build records every transform of every page in one
 * manifest, which outgrows what Node can write as one string in a large archive.
 */
import { slugify } from './slug.ts';
import { pictureUrl } from './urls.ts';

/** What the build knows of a picture file (`src/data/picture-catalogue.ts`). */
export interface PictureFacts {
  /** Path relative to `content/`, as written in the front matter: `images/da-lat.jpg`. */
  src: string;
  /** Digest of the file's bytes (16 hex digits). */
  digest: string;
  /** Size as displayed (EXIF rotation applied), in pixels. */
  width: number;
  height: number;
}

export type PictureFormat = 'avif' | 'webp' | 'jpg';

/** One published file of a picture. */
export interface PictureVariant {
  /** File name inside `PICTURE_DIR`: `da-lat-3f9a0c1d2e4b5a69-800.avif`. */
  file: string;
  width: number;
  height: number;
  format: PictureFormat;
}

/** Widths offered, narrowest first; never wider than the picture itself. */
export const PICTURE_WIDTHS = [400, 800, 1200, 1600] as const;
/** Modern formats first (`<source>`), then JPEG for browsers without either (`<img>`). */
export const PICTURE_FORMATS: readonly PictureFormat[] = ['avif', 'webp', 'jpg'];
/** Width of the picture shared on social networks (`og:image`), a JPEG they all read. */
export const SHARE_WIDTH = 1200;
/** The article column is 46rem wide; narrower screens show the picture full width. */
export const PICTURE_SIZES = '(max-width: 46rem) 100vw, 46rem';

const MIME: Record<PictureFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' };
const FILE_NAME = /^(?:[a-z0-9-]+-)?([0-9a-f]{16})-(\d+)\.(avif|webp|jpg)$/;

/**
 * The widths a picture is published in: the standard widths narrower than it, then its own
 * width (at most the widest standard one). A picture is never enlarged.
 *
 * @example
 * pictureWidths(1000); // [400, 800, 1000]
 * pictureWidths(3000); // [400, 800, 1200, 1600]
 */
export function pictureWidths(width: number): number[] {
  const widest = PICTURE_WIDTHS[PICTURE_WIDTHS.length - 1]!;
  return [...PICTURE_WIDTHS.filter((standard) => standard < Math.min(width, widest)), Math.min(width, widest)];
}

/**
 * The file name of one variant: the source's name (for people reading URLs), the digest
 * (what makes it unique), the width and the format.
 *
 * @example
 * pictureFileName({ src: 'images/Hồ Xuân Hương.jpg', digest: '3f9a0c1d2e4b5a69' }, 800, 'avif');
 * // 'ho-xuan-huong-3f9a0c1d2e4b5a69-800.avif'
 */
export function pictureFileName(picture: Pick<PictureFacts, 'src' | 'digest'>, width: number, format: PictureFormat) {
  const base = picture.src
    .split('/')
    .pop()!
    .replace(/\.[^.]*$/, '');
  const name = slugify(base);
  return `${name ? `${name}-` : ''}${picture.digest}-${width}.${format}`;
}

/**
 * The digest, width and format a picture file name stands for; undefined for any other name.
 *
 * @example
 * parsePictureFileName('ho-xuan-huong-3f9a0c1d2e4b5a69-800.avif');
 * // { digest: '3f9a0c1d2e4b5a69', width: 800, format: 'avif' }
 */
export function parsePictureFileName(
  file: string,
): { digest: string; width: number; format: PictureFormat } | undefined {
  const match = FILE_NAME.exec(file);
  return match ? { digest: match[1]!, width: Number(match[2]), format: match[3] as PictureFormat } : undefined;
}

function variant(picture: PictureFacts, width: number, format: PictureFormat): PictureVariant {
  return {
    file: pictureFileName(picture, width, format),
    width,
    height: Math.max(1, Math.round((picture.height * width) / picture.width)),
    format,
  };
}

/**
 * Every file a picture is published as: each width in each format. The shared picture is
 * one of them (JPEG, `SHARE_WIDTH` or narrower).
 *
 * @example
 * pictureVariants({ src: 'images/a.jpg', digest: '3f9a0c1d2e4b5a69', width: 800, height: 600 }).map((v) => v.file);
 * // ['a-3f9a0c1d2e4b5a69-400.avif', 'a-3f9a0c1d2e4b5a69-800.avif', 'a-…-400.webp', …, 'a-3f9a0c1d2e4b5a69-800.jpg']
 */
export function pictureVariants(picture: PictureFacts): PictureVariant[] {
  const widths = pictureWidths(picture.width);
  return PICTURE_FORMATS.flatMap((format) => widths.map((width) => variant(picture, width, format)));
}

/** What `<picture>` needs: one `<source>` per modern format, and the JPEG `<img>`. */
export interface PictureMarkup {
  sources: { type: string; srcset: string }[];
  img: { src: string; srcset: string; width: number; height: number };
}

/**
 * The `<source>` and `<img>` attributes for a picture. The `<img>` carries the widest
 * variant's size, so the browser reserves the right space before anything loads.
 *
 * @example
 * pictureMarkup({ src: 'images/a.jpg', digest: '3f9a0c1d2e4b5a69', width: 800, height: 600 }).img;
 * // { src: '/anh/a-3f9a0c1d2e4b5a69-800.jpg', srcset: '/anh/a-…-400.jpg 400w, /anh/a-…-800.jpg 800w', width: 800, height: 600 }
 */
export function pictureMarkup(picture: PictureFacts): PictureMarkup {
  const widths = pictureWidths(picture.width);
  const srcset = (format: PictureFormat) =>
    widths.map((width) => `${pictureUrl(pictureFileName(picture, width, format))} ${width}w`).join(', ');
  const widest = variant(picture, widths[widths.length - 1]!, 'jpg');
  return {
    sources: PICTURE_FORMATS.filter((format) => format !== 'jpg').map((format) => ({
      type: MIME[format],
      srcset: srcset(format),
    })),
    img: { src: pictureUrl(widest.file), srcset: srcset('jpg'), width: widest.width, height: widest.height },
  };
}

/**
 * The URL of the picture shared on social networks and in structured data.
 *
 * @example
 * shareImageUrl({ src: 'images/a.jpg', digest: '3f9a0c1d2e4b5a69', width: 2000, height: 1000 });
 * // '/anh/a-3f9a0c1d2e4b5a69-1200.jpg'
 */
export function shareImageUrl(picture: PictureFacts): string {
  const width = pictureWidths(picture.width).findLast((candidate) => candidate <= SHARE_WIDTH)!;
  return pictureUrl(pictureFileName(picture, width, 'jpg'));
}

/** @example pictureMimeType('avif'); // 'image/avif' */
export const pictureMimeType = (format: PictureFormat) => MIME[format];

/** How many colours article placeholders come in (`.thumb--tone-0` … in the stylesheet). */
export const PLACEHOLDER_TONES = 6;

/**
 * The colour of the placeholder shown for an article without a picture: one per category,
 * the same on every page and build.
 *
 * @example
 * placeholderTone('thoi-su'); // 3
 */
export function placeholderTone(categorySlug: string): number {
  let hash = 0;
  for (const char of categorySlug) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % PLACEHOLDER_TONES;
}

/** `sizes` of a list's thumbnail: a narrow column on phones, a fixed one beside the text on wider screens. */
export const THUMBNAIL_SIZES = '(max-width: 40rem) 7.5rem, 12rem';

/** `sizes` of a lead story's picture on a list or the home page. */
export const LEAD_SIZES = '(max-width: 72rem) 100vw, 44rem';
