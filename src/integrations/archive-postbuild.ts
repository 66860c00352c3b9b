/**
 * Work that needs the finished `dist/`: redirect pages and `_redirects` for old URLs. A
 * failure here fails the build.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  REDIRECTS_MANIFEST,
  redirectFilePath,
  redirectPage,
  redirectsFile,
  type RedirectManifest,
} from '../lib/redirects.ts';

export function archivePostbuild(): AstroIntegration {
  return {
    name: 'news-archive-postbuild',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = path.resolve(fileURLToPath(dir));
        const manifestPath = path.join(out, REDIRECTS_MANIFEST);
        const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as RedirectManifest;
        await rm(manifestPath);
        for (const redirect of manifest.redirects) {
          const file = path.join(out, redirectFilePath(redirect.from));
          if (!file.startsWith(out + path.sep)) throw new Error(`Đường dẫn cũ ra ngoài thư mục dist: ${redirect.from}`);
          await mkdir(path.dirname(file), { recursive: true });
          await writeFile(file, redirectPage(redirect.absolute, redirect.title, manifest.message));
        }
        await writeFile(path.join(out, '_redirects'), redirectsFile(manifest.redirects));
        logger.info(`${manifest.redirects.length} đường dẫn cũ được chuyển hướng`);
      },
    },
  };
}
