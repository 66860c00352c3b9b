import { describe, expect, it } from 'vitest';
import { bundlePages, indexChunks } from '../../src/lib/pagefind-meta.ts';
import { pagefindMeta } from './pagefind-meta-bytes.ts';

/** [version, pages, chunks, filters, sorts, meta fields] */
const META = pagefindMeta([
  '1.6.0',
  [['p1', 300]],
  [
    ['0', 'dai', 'h1'],
    ['dam', 'đo', 'h2'],
  ],
  [],
  [],
  ['title'],
]);

describe('indexChunks', () => {
  it('reads the word range of each index chunk, in order', () => {
    expect(indexChunks(META)).toEqual([
      { from: '0', to: 'dai' },
      { from: 'dam', to: 'đo' },
    ]);
  });

  it('is undefined for bytes that are not Pagefind metadata', () => {
    expect(indexChunks(new TextEncoder().encode('pagefind_dcd'))).toBeUndefined();
    expect(indexChunks(new Uint8Array([0x86, 0x65]))).toBeUndefined();
    expect(indexChunks(new Uint8Array([...new TextEncoder().encode('pagefind_dcd'), 0x81, 0x01]))).toBeUndefined();
  });
});

describe('bundlePages', () => {
  it('lists the pages’ fragment names by page number', () => {
    expect(bundlePages(META)).toEqual(['p1']);
  });

  it('is undefined for bytes that are not Pagefind metadata', () => {
    expect(bundlePages(new TextEncoder().encode('pagefind_dcd'))).toBeUndefined();
    expect(
      bundlePages(new Uint8Array([...new TextEncoder().encode('pagefind_dcd'), 0x82, 0x01, 0x81, 0x01])),
    ).toBeUndefined();
  });
});
