/** CBOR of strings, whole numbers below 65,536 and arrays: enough for Pagefind's metadata. */
export function cbor(value: string | number | readonly unknown[]): number[] {
  const head = (major: number, length: number) =>
    length < 24 ? [(major << 5) | length] : [(major << 5) | 25, length >> 8, length & 255];
  if (typeof value === 'number') return head(0, value);
  if (typeof value === 'string') {
    const bytes = [...new TextEncoder().encode(value)];
    return [...head(3, bytes.length), ...bytes];
  }
  return [...head(4, value.length), ...value.flatMap((item) => cbor(item as string | number | unknown[]))];
}

/**
 * A decompressed Pagefind metadata file: `pagefind_dcd`, then `[version, pages, chunks, filters,
 * sorts, …]` in CBOR, pages as `[fragment name, word count]`, chunks as `[from, to, hash]`.
 */
export function pagefindMeta(meta: readonly unknown[]): Uint8Array {
  return new Uint8Array([...new TextEncoder().encode('pagefind_dcd'), ...cbor(meta)]);
}
