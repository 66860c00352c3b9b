import { describe, expect, it } from 'vitest';
import { bundlePages, indexChunks } from '../../src/lib/pagefind-meta.ts';

const text = (value: string) => {
  const bytes = new TextEncoder().encode(value);
  return [0x60 + bytes.length, ...bytes];
};
/** `pagefind_dcd`, then [version, pages, chunks, filters, sorts, meta fields] in CBOR. */
const META = new Uint8Array([
  ...new TextEncoder().encode('pagefind_dcd'),
  0x86,
  ...text('1.6.0'),
  0x81, // one page: [hash, word count]
  0x82,
  ...text('p1'),
  0x19,
  0x01,
  0x2c, // 300
  0x82, // two chunks
  0x83,
  ...text('0'),
  ...text('dai'),
  ...text('h1'),
  0x83,
  ...text('dam'),
  ...text('đo'),
  ...text('h2'),
  0x80,
  0x80,
  0x81,
  ...text('title'),
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
