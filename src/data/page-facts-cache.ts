/**
 * What `npm run verify` read of each HTML page at its last run (`analyseHtml`), kept in the
 * build's cache folder by the digest of the page's bytes: a page whose bytes are unchanged is
 * not parsed again (hashing is far cheaper than parsing). Every link is still checked against
 * the site as it is now.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { cachePath } from '../cache/cache-folder.ts';
import { codeDigest } from '../cache/code-digest.ts';
import { contentDigest, readSealedFile, writeSealedFile } from '../cache/sealed-file.ts';
import type { PageFacts } from '../lib/page-facts.ts';

/** A page as last read: the digest of its bytes and what was found in it. */
export interface KnownPage {
  digest: string;
  facts: PageFacts;
}

/** The code that reads a page: facts found by other code are not reused. */
const factsCode = () => codeDigest(['src/lib/page-facts.ts']);

/**
 * The digest a page is known by: that of its bytes, as a sealed entry's.
 *
 * @example
 * pageDigest(Buffer.from('<p>Đà Lạt</p>')); // 'Yq3…' (base64url)
 */
export const pageDigest: (bytes: Uint8Array) => string = contentDigest;

/**
 * The pages read at the last run, by path inside the site; empty when the entry is missing,
 * damaged or written by other code.
 *
 * @example
 * (await readKnownPages('node_modules/.astro')).get('index.html')?.facts.title;
 */
export async function readKnownPages(cacheDir: string): Promise<Map<string, KnownPage>> {
  const stored = await readSealedFile(cachePath(cacheDir, 'pageFacts'));
  if (!stored) return new Map();
  try {
    const saved = deserialize(stored) as { code?: string; pages?: unknown };
    return saved.code === factsCode() && saved.pages instanceof Map
      ? (saved.pages as Map<string, KnownPage>)
      : new Map();
  } catch {
    return new Map();
  }
}

/**
 * Keeps the pages read by this run, for the next (a sealed entry, `src/cache/sealed-file.ts`).
 *
 * @example
 * await writeKnownPages('node_modules/.astro', pages);
 */
export async function writeKnownPages(cacheDir: string, pages: ReadonlyMap<string, KnownPage>): Promise<void> {
  const file = cachePath(cacheDir, 'pageFacts');
  await mkdir(path.dirname(file), { recursive: true });
  await writeSealedFile(file, serialize({ code: factsCode(), pages }));
}
