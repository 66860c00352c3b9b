/**
 * Lead pictures for the built site and the dev server (see `src/lib/pictures.ts`).
 *
 * Build: `src/pages/pictures.json.ts` lists the pictures published articles show; they are
 * published into `dist/anh/` by `scripts/build.ts` once Astro has exited (sharp's memory then
 * never adds up with Astro's).
 * Dev: `/anh/…` is encoded on request from the catalogue the content sync keeps.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parsePictureFileName, pictureMimeType, type PictureFacts } from '../lib/pictures.ts';
import { PICTURE_DIR } from '../lib/urls.ts';
import { pictureCatalogueFile, readPictureCatalogue } from '../data/picture-catalogue.ts';
import {
  encodePicture,
  pictureCacheDir,
  publishPictures,
  readPictureSource,
  type PicturePublishStats,
} from '../data/picture-files.ts';

/** Written by `src/pages/pictures.json.ts`: the pictures to publish. Removed once read. */
export const PICTURES_MANIFEST = 'pictures.json';

/** Reads and removes the list of pictures the pages written into `distDir` show. */
async function takePicturesManifest(distDir: string): Promise<PictureFacts[]> {
  const file = path.join(distDir, PICTURES_MANIFEST);
  const pictures = JSON.parse(await readFile(file, 'utf8')) as PictureFacts[];
  await rm(file);
  return pictures;
}

/**
 * Publishes into `distDir/anh/` the pictures its pages show (`src/pages/pictures.json.ts`),
 * encoding into the picture cache under `astroCacheDir` what is not there yet.
 *
 * @example
 * await publishBuiltPictures('/site', '/site/dist', '/site/node_modules/.astro'); // { pictures: 3, files: 36, … }
 */
export async function publishBuiltPictures(
  root: string,
  distDir: string,
  astroCacheDir: string,
): Promise<PicturePublishStats> {
  return publishPictures({
    root,
    distDir,
    cacheDir: pictureCacheDir(astroCacheDir),
    pictures: await takePicturesManifest(distDir),
  });
}

/**
 * @example
 * integrations: [pictures(), searchIndex()];
 */
export function pictures(): AstroIntegration {
  let root = process.cwd();
  let astroCacheDir = path.join(root, 'node_modules/.astro');
  return {
    name: 'news-archive-pictures',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        astroCacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use((request, response, next) => {
          const pathname = (request.url ?? '').split('?')[0]!;
          if (!pathname.startsWith(`/${PICTURE_DIR}/`)) return next();
          const wanted = parsePictureFileName(pathname.slice(PICTURE_DIR.length + 2));
          void (async () => {
            const catalogue = await readPictureCatalogue(pictureCatalogueFile(astroCacheDir));
            const picture = wanted && [...catalogue.values()].find((known) => known.digest === wanted.digest);
            if (!wanted || !picture) {
              response.statusCode = 404;
              response.end();
              return;
            }
            const source = readPictureSource(root, picture);
            response.setHeader('Content-Type', pictureMimeType(wanted.format));
            response.end(await encodePicture(source, wanted));
          })().catch((error: unknown) => {
            logger.error(String(error));
            response.statusCode = 500;
            response.end();
          });
        });
      },
    },
  };
}
