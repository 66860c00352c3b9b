/**
 * A bundle's phrase index as files (`src/lib/search-phrases.ts`), for the build and the dev
 * server alike: the pair files compressed as Pagefind compresses its own, the page lists from
 * the fragment names in the bundle's Pagefind metadata.
 */
import { gzipSync } from 'node:zlib';
import { bundlePages } from '../lib/pagefind-meta.ts';
import { pageListFiles, type PhraseIndexBuilder } from '../lib/search-phrases.ts';
import { SearchIndexError } from './pagefind-calls.ts';

/**
 * The phrase index files of a bundle of `pages` pages, by path in the bundle, given its
 * decompressed Pagefind metadata (`pf_meta`). Throws a {@link SearchIndexError} when the metadata
 * does not list as many pages: the index would point at other articles' fragments.
 *
 * @example
 * phraseIndexFiles(builder, gunzipSync(metaFile), 2000); // Map { 'phrases/00.bin' => <gzip>, …, 'phrases/pages/19.txt' => … }
 */
export function phraseIndexFiles(
  builder: PhraseIndexBuilder,
  meta: Uint8Array | undefined,
  pages: number,
): Map<string, Uint8Array> {
  const fragments = meta && bundlePages(meta);
  if (!fragments || fragments.length !== pages) {
    throw new SearchIndexError('writeFiles', [
      `siêu dữ liệu Pagefind liệt kê ${fragments?.length ?? 0} trang, chỉ mục cụm từ cần ${pages}`,
    ]);
  }
  const files = new Map<string, Uint8Array>();
  for (const [file, bytes] of builder.pairFiles()) files.set(file, gzipSync(bytes));
  for (const [file, text] of pageListFiles(fragments)) files.set(file, new TextEncoder().encode(text));
  return files;
}
