/**
 * The article pages a built site holds, as the search index reads them: each page's indexed
 * region digested, remembered between builds beside the cached bundles.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { readSealedJson, writeSealedFile } from '../cache/sealed-file.ts';
import { indexedRegion, regionDigest, type ShardPage } from '../lib/search-shards.ts';
import { articleUrl } from '../lib/urls.ts';

/** Only article pages are indexed; every other page is a list of links to them. */
export const ARTICLE_PAGES_DIR = articleUrl('x').split('/')[1]!;

/** Beside the shards in the cache folder: what the last build read of each article page. */
export const PAGE_DIGESTS_FILE = 'pages.json';

/** An article page to index: its file, URL, month, time and the digest of what is indexed. */
export interface ArticlePage extends ShardPage {
  file: string;
  month: string;
  /** The publication time the bundle's pages are ordered by (`indexOrder`), in milliseconds. */
  time: number;
}

/**
 * Every article page's indexed region digest and month; pages without one are counted. Keeps
 * digests, not the HTML (hundreds of MB at 100,000 pages): a shard that must be indexed reads
 * its pages again. With a cache folder, a page whose file has the same size, modification time
 * and inode as at the last build is not read at all (`npm run build` keeps `dist/` between
 * builds, so an unchanged page is the very same file). `code` keys the remembered digests.
 */
export async function readArticlePages(
  distDir: string,
  cacheDir: string | undefined,
  code: string,
): Promise<{ pages: ArticlePage[]; unindexed: number }> {
  const articlesDir = path.join(distDir, ARTICLE_PAGES_DIR);
  const entries = await readdir(articlesDir, { withFileTypes: true }).catch(() => []);
  const slugs = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const known = cacheDir ? await readPageDigests(cacheDir, code) : new Map<string, PageDigest>();
  const seen = new Map<string, PageDigest>();
  // Synchronous: a hundred thousand small stats are far slower through the thread pool.
  const read = slugs.map((slug) => {
    const file = path.join(articlesDir, slug, 'index.html');
    const found = statSync(file, { throwIfNoEntry: false });
    const version = found ? `${found.size} ${found.mtimeMs} ${found.ino}` : '';
    let digest = known.get(slug);
    if (!digest || digest.version !== version) {
      const region = found && indexedRegion(readFileSync(file, 'utf8'));
      digest = {
        version,
        ...(region && { digest: regionDigest(region.region), month: region.month, time: region.time }),
      };
    }
    if (version) seen.set(slug, digest);
    return digest.digest && digest.month
      ? { file, url: articleUrl(slug), digest: digest.digest, month: digest.month, time: digest.time ?? 0 }
      : undefined;
  });
  if (cacheDir) await writePageDigests(cacheDir, seen, code);
  const pages = read.filter((page) => page !== undefined);
  return { pages, unindexed: read.length - pages.length };
}

/** What the last build read of an article page: its file's version and indexed region. */
interface PageDigest {
  /** Size, modification time and inode of the file read. */
  version: string;
  digest?: string;
  month?: string;
  time?: number;
}

async function readPageDigests(cacheDir: string, code: string): Promise<Map<string, PageDigest>> {
  const saved = await readSealedJson<{ code?: string; pages?: Record<string, PageDigest> }>(
    path.join(cacheDir, PAGE_DIGESTS_FILE),
  );
  // None yet, damaged or written by other code: every page is read.
  return saved?.code === code ? new Map(Object.entries(saved.pages ?? {})) : new Map();
}

async function writePageDigests(
  cacheDir: string,
  digests: ReadonlyMap<string, PageDigest>,
  code: string,
): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  await writeSealedFile(
    path.join(cacheDir, PAGE_DIGESTS_FILE),
    JSON.stringify({ code, pages: Object.fromEntries(digests) }),
  );
}
