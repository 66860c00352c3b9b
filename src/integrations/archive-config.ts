/**
 * The Astro configuration of a news archive, for any site root: the project's own
 * `astro.config.mjs` and each test fixture call it with their folder, and all share this
 * project's `src/` and `public/`.
 */
import { readFileSync } from 'node:fs';
import type { AstroIntegration, AstroUserConfig } from 'astro';
import { parse } from 'yaml';
import { BODY_IMAGE_CSP_SOURCE } from '../lib/body-images.ts';
import { EMBED_FRAME_ORIGINS } from '../plugins/rehype-embed-allowlist.ts';
import { archivePostbuild } from './archive-postbuild.ts';
import { OUT_DIR_ENV } from '../data/build-env.ts';
import { pictures } from './pictures.ts';
import { searchIndex } from './search-integration.ts';
import { sitemap } from './sitemap.ts';

const PROJECT = new URL('../../', import.meta.url);

// Astro reports every command it runs (with an anonymous id of the project, hashed from its git
// remote) to its telemetry server unless this is set: a newsroom's builds, previews and CI runs
// stay private. Every astro command loads this configuration before it records anything (the
// telemetry reads process.env when it records). An empty value turns the reports back on.
process.env['ASTRO_TELEMETRY_DISABLED'] ??= '1';

/** What a bare `astro build` prints before it stops: the one way to build is `npm run build`. */
export const BARE_BUILD_MESSAGE =
  'Không dựng trang bằng "astro build" riêng: hãy chạy "npm run build", lệnh này dựng các trang rồi xuất ảnh và tạo chỉ mục tìm kiếm.';

/**
 * Stops an `astro build` not started by `npm run build` (`scripts/build.ts`), which alone
 * publishes the pictures and builds the search index once Astro has exited.
 */
function buildThroughScript(): AstroIntegration {
  return {
    name: 'news-archive-build-script',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build' || process.env[OUT_DIR_ENV]) return;
        logger.error(BARE_BUILD_MESSAGE);
        process.exit(1);
      },
    },
  };
}

/**
 * @example
 * export default defineConfig(archiveConfig(new URL('.', import.meta.url)));
 */
export function archiveConfig(root: URL): AstroUserConfig {
  const settings = (parse(readFileSync(new URL('content/site.yaml', root), 'utf8')) ?? {}) as { url?: string };
  const siteUrl = process.env['SITE_URL'] ?? settings.url;
  const outDir = process.env[OUT_DIR_ENV];
  return {
    root: root.pathname,
    srcDir: new URL('src/', PROJECT).pathname,
    publicDir: new URL('public/', PROJECT).pathname,
    ...(siteUrl ? { site: siteUrl } : {}),
    outDir: outDir ?? './dist',
    // `npm run build` (scripts/build.ts) names the output folder and keeps it between builds:
    // Astro then finds unchanged pages in place instead of copying every one back from its
    // cache, and the script removes what a build no longer produces.
    vite: { build: { emptyOutDir: false } },
    trailingSlash: 'always',
    build: {
      format: 'directory',
      inlineStylesheets: 'never',
      // Pages rendered side by side, so one page's disk writes overlap another's rendering.
      concurrency: 8,
    },
    // Astro's console log, a skipped page counted instead of listed (a rebuild skips thousands).
    logger: { entrypoint: new URL('./build-logger.mjs', import.meta.url) },
    markdown: { syntaxHighlight: false },
    devToolbar: { enabled: false },
    image: { responsiveStyles: false },
    experimental: {
      // Pages whose content-derived cache key is unchanged are restored, not re-rendered.
      incrementalBuild: true,
    },
    security: {
      csp: {
        directives: [
          "default-src 'self'",
          // The site's own pictures, and body images by the one rule of body-images.ts.
          `img-src 'self' data: ${BODY_IMAGE_CSP_SOURCE}`,
          "font-src 'self'",
          "connect-src 'self'",
          `frame-src ${EMBED_FRAME_ORIGINS.join(' ')}`,
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
        ],
        // Pagefind's search runs WebAssembly.
        scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
        styleDirective: { resources: ["'self'"] },
      },
    },
    integrations: [buildThroughScript(), sitemap(), archivePostbuild(), pictures(), searchIndex()],
  };
}
