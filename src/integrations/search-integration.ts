/**
 * The search index in `astro dev`, which has no dist/: the pages its own server renders are
 * indexed in memory, split as a build splits them. A build's index is made by `scripts/build.ts`
 * once Astro has exited (`indexBuiltSite`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefindModule from 'pagefind';
import { listArticleFiles, readRegistries } from '../data/content-files.ts';
import { isPublished } from '../lib/archive.ts';
import { parseArticle } from '../lib/article.ts';
import { PhraseIndexBuilder } from '../lib/phrase-index-builder.ts';
import { pageWords } from '../lib/search-phrases.ts';
import { vocabularyText } from '../lib/search-rank.ts';
import {
  BUNDLE_WASM_FILE,
  WASM_PLACEHOLDER,
  groupIntoShards,
  indexOrder,
  indexedDocument,
  indexedRegion,
} from '../lib/search-shards.ts';
import { SEARCH_DIR, articleUrl } from '../lib/urls.ts';
import { SearchIndexError, addPages } from './pagefind-calls.ts';
import { bundleSideFiles, compressedPairFiles, metaVersion } from './bundle-side-files.ts';

/** Where the dev server serves the search bundles, as a build publishes them. */
const DEV_BUNDLES_URL = `/${SEARCH_DIR}/`;
const DEV_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

/**
 * The search bundles for `npm run dev`, split as a build splits them: every published
 * article page, fetched from the dev server so it carries exactly what a build indexes,
 * indexed in memory. Keys are paths under the bundles' folder (`/pagefind/`).
 *
 * @example
 * const files = await buildDevBundle('/site', 'http://localhost:4321'); // Map { '2024-05/pagefind.js' => … }
 */
export async function buildDevBundle(root: string, origin: string): Promise<Map<string, Uint8Array>> {
  const { categories, site } = await readRegistries(root);
  const now = new Date();
  const slugs: string[] = [];
  for (const file of await listArticleFiles(root)) {
    const parsed = parseArticle(file, await readFile(path.join(root, file), 'utf8'), categories);
    if (parsed.ok && isPublished(parsed.article.data, now)) slugs.push(parsed.article.data.slug);
  }
  const pages: { month: string; time: number; url: string; content: string }[] = [];
  for (const slug of slugs) {
    const url = articleUrl(slug);
    const found = indexedRegion(await (await fetch(new URL(url, origin))).text());
    if (found) pages.push({ month: found.month, time: found.time, url, content: indexedDocument(found.region) });
  }
  // The same shards as a build, so the search page's list matches.
  const bundle = new Map<string, Uint8Array>();
  for (const [position, [shard, unordered]] of [...groupIntoShards(pages, site.searchShardPages)].entries()) {
    const created = await pagefindModule.createIndex({ forceLanguage: 'vi' });
    if (!created.index) throw new SearchIndexError('createIndex', created.errors);
    // Numbered by Pagefind as a build numbers them.
    const shardPages = indexOrder(unordered);
    await addPages(created.index, shardPages);
    const { errors, files } = await created.index.getFiles();
    if (errors.length > 0) throw new SearchIndexError('getFiles', errors);
    await created.index.deleteIndex();
    const phrases = new PhraseIndexBuilder();
    for (const page of shardPages) phrases.add(pageWords(page.content));
    const metaFile = files.find((file) => metaVersion(file.path));
    const meta = metaFile && { version: metaVersion(metaFile.path)!, bytes: gunzipSync(metaFile.content) };
    const vocabulary = vocabularyText(phrases.wordCounts());
    const sideFiles = bundleSideFiles(vocabulary, compressedPairFiles(phrases), meta, shardPages.length);
    for (const [file, content] of sideFiles) bundle.set(`${shard}/${file}`, content);
    for (const file of files) {
      // The newest bundle comes first; the others get the placeholder, as in a build.
      const content = position > 0 && BUNDLE_WASM_FILE.test(file.path) ? WASM_PLACEHOLDER : file.content;
      bundle.set(`${shard}/${file.path}`, content);
    }
  }
  return bundle;
}

/**
 * Astro integration: serves the search bundles in `astro dev`.
 *
 * @example
 * integrations: [archivePostbuild(), searchIndex()];
 */
export function searchIndex(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'news-archive-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server, logger }) => {
        // `npm run dev` has no dist/: index the pages the dev server itself renders, in
        // memory, on the first search, and again after content changes.
        let bundle: Promise<Map<string, Uint8Array>> | undefined;
        server.watcher.on('all', (_event, changed) => {
          if (changed.includes(`${path.sep}content${path.sep}`)) bundle = undefined;
        });
        server.middlewares.use((request, response, next) => {
          const pathname = (request.url ?? '').split('?')[0]!;
          if (!pathname.startsWith(DEV_BUNDLES_URL)) return next();
          bundle ??= buildDevBundle(root, `http://${request.headers.host}`).catch((error: unknown) => {
            logger.error(String(error));
            bundle = undefined;
            return new Map();
          });
          void bundle.then((files) => {
            const file = files.get(pathname.slice(DEV_BUNDLES_URL.length));
            if (!file) {
              response.statusCode = 404;
              response.end();
              return;
            }
            response.setHeader('Content-Type', DEV_TYPES[path.extname(pathname)] ?? 'application/octet-stream');
            response.end(file);
          });
        });
      },
    },
  };
}
