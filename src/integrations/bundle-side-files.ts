/**
 * The files written beside each search bundle's Pagefind files, for the build and the dev
 * server alike: the bundle's words, its index words as Pagefind keys them, and its phrase index
 * (`src/lib/search-phrases.ts`), whose pair files are compressed as Pagefind compresses its own
 * and whose page lists come from the fragment names in the bundle's Pagefind metadata.
 */
import { gzipSync } from 'node:zlib';
import { bundlePages, indexChunks } from '../lib/pagefind-meta.ts';
import { keysFiles } from '../lib/search-keys.ts';
import { VOCABULARY_FILE } from '../lib/search-rank.ts';
import type { PhraseIndexBuilder } from '../lib/phrase-index-builder.ts';
import { pageListFiles, phrasePath } from '../lib/search-phrases.ts';
import { SearchIndexError } from './pagefind-calls.ts';

/**
 * The builder's pair files by name, gzip-compressed.
 *
 * @example
 * compressedPairFiles(builder); // Map { '000' => <gzip>, … }
 */
export function compressedPairFiles(builder: PhraseIndexBuilder): Map<string, Uint8Array> {
  return new Map([...builder.pairFiles()].map(([file, bytes]) => [file, gzipSync(bytes)]));
}

/** A bundle's Pagefind metadata, decompressed, and its name: the version of the bundle's index. */
export interface BundleMeta {
  /** `vi_a74385dd9c` for `pagefind.vi_a74385dd9c.pf_meta`, as `pagefind-entry.json` gives it. */
  version: string;
  bytes: Uint8Array;
}

/**
 * The version of a bundle's index from its metadata file's name, `undefined` for another file.
 *
 * @example
 * metaVersion('pagefind.vi_a74385dd9c.pf_meta'); // 'vi_a74385dd9c'
 */
export function metaVersion(file: string): string | undefined {
  return /^pagefind\.([\w-]+)\.pf_meta$/.exec(file)?.[1];
}

/**
 * A bundle's phrase index files by path in the bundle, in the folder of the index's version:
 * its compressed pair files, and the page lists of its `pages` pages from its Pagefind metadata.
 * Throws a {@link SearchIndexError} when the metadata does not list as many pages: the phrase
 * index would point at other articles' fragments.
 *
 * @example
 * phraseIndexFiles(compressedPairFiles(builder), meta, 2000);
 * // Map { 'phrases/vi_a74385dd9c/000.bin' => <gzip>, …, 'phrases/vi_a74385dd9c/pages/19.txt' => … }
 */
export function phraseIndexFiles(
  pairFiles: ReadonlyMap<string, Uint8Array>,
  meta: BundleMeta | undefined,
  pages: number,
): Map<string, Uint8Array> {
  const fragments = meta && bundlePages(meta.bytes);
  if (!meta || !fragments || fragments.length !== pages) {
    throw new SearchIndexError('writeFiles', [
      `siêu dữ liệu Pagefind liệt kê ${fragments?.length ?? 0} trang, chỉ mục cụm từ cần ${pages}`,
    ]);
  }
  const files = new Map<string, Uint8Array>();
  for (const [part, bytes] of pairFiles) files.set(phrasePath(meta.version, part), bytes);
  for (const [file, text] of pageListFiles(meta.version, fragments)) files.set(file, new TextEncoder().encode(text));
  return files;
}

/**
 * Every file written beside a bundle's Pagefind files, by path in the bundle: its words
 * (`vocabulary`, as `vocabularyText` writes them), its index words as Pagefind keys them, a file
 * per first character (`keysFiles`), and its phrase index ({@link phraseIndexFiles}).
 *
 * @example
 * bundleSideFiles('đà 3\nlạt 2\n', compressedPairFiles(builder), meta, 2000);
 * // Map { 'words.txt' => …, 'keys/dd.txt' => …, 'keys/l.txt' => …, 'phrases/vi_a74385dd9c/000.bin' => …, … }
 */
export function bundleSideFiles(
  vocabulary: string,
  pairFiles: ReadonlyMap<string, Uint8Array>,
  meta: BundleMeta | undefined,
  pages: number,
): Map<string, Uint8Array> {
  const encoder = new TextEncoder();
  const files = new Map<string, Uint8Array>([[VOCABULARY_FILE, encoder.encode(vocabulary)]]);
  for (const [file, text] of keysFiles(vocabulary, meta && indexChunks(meta.bytes)))
    files.set(file, encoder.encode(text));
  for (const [file, bytes] of phraseIndexFiles(pairFiles, meta, pages)) files.set(file, bytes);
  return files;
}
