/**
 * A bundle's phrase index as files (`src/lib/search-phrases.ts`), for the build and the dev
 * server alike: the pair files compressed as Pagefind compresses its own, the page lists from
 * the fragment names in the bundle's Pagefind metadata.
 */
import { gzipSync } from 'node:zlib';
import { bundlePages } from '../lib/pagefind-meta.ts';
import type { PhraseIndexBuilder } from '../lib/phrase-index-builder.ts';
import { pageListFiles } from '../lib/search-phrases.ts';
import { SearchIndexError } from './pagefind-calls.ts';

/**
 * The builder's pair files by path in the bundle, gzip-compressed.
 *
 * @example
 * compressedPairFiles(builder); // Map { 'phrases/000.bin' => <gzip>, … }
 */
export function compressedPairFiles(builder: PhraseIndexBuilder): Map<string, Uint8Array> {
  return new Map([...builder.pairFiles()].map(([file, bytes]) => [file, gzipSync(bytes)]));
}

/**
 * The page lists of a bundle of `pages` pages by path in the bundle, from its decompressed
 * Pagefind metadata (`pf_meta`). Throws a {@link SearchIndexError} when the metadata does not list
 * as many pages: the phrase index would point at other articles' fragments.
 *
 * @example
 * pageLists(gunzipSync(metaFile), 2000); // Map { 'phrases/pages/0.txt' => …, …, 'phrases/pages/19.txt' => … }
 */
export function pageLists(meta: Uint8Array | undefined, pages: number): Map<string, Uint8Array> {
  const fragments = meta && bundlePages(meta);
  if (!fragments || fragments.length !== pages) {
    throw new SearchIndexError('writeFiles', [
      `siêu dữ liệu Pagefind liệt kê ${fragments?.length ?? 0} trang, chỉ mục cụm từ cần ${pages}`,
    ]);
  }
  return new Map([...pageListFiles(fragments)].map(([file, text]) => [file, new TextEncoder().encode(text)]));
}
