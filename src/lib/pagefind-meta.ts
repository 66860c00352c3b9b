/**
 * Reads a Pagefind bundle's metadata file (`pagefind.<language>_<hash>.pf_meta`, once
 * decompressed): CBOR, after Pagefind's `pagefind_dcd` signature, an array whose second element
 * lists the pages as `[hash, word count]` in page-number order and whose third lists the index
 * chunks as `[from, to, hash]`. Pure; the minimal CBOR this needs (integers, strings, arrays,
 * maps).
 */

/** The words an index chunk holds: every index word from `from` to `to`, in code-point order. */
export interface ChunkRange {
  from: string;
  to: string;
}

/** What Pagefind's files start with once decompressed. */
export const PAGEFIND_SIGNATURE = 'pagefind_dcd';

type Cbor = number | string | Uint8Array | Cbor[] | Map<Cbor, Cbor> | boolean | null | undefined;

function decode(bytes: Uint8Array, start: number): [Cbor, number] {
  const head = bytes[start]!;
  const major = head >> 5;
  const info = head & 31;
  let at = start + 1;
  let length = info;
  if (info >= 24 && info <= 27) {
    const size = 1 << (info - 24);
    length = 0;
    for (let index = 0; index < size; index++) length = length * 256 + bytes[at + index]!;
    at += size;
  } else if (info > 27) {
    throw new Error(`CBOR: unsupported additional information ${info}`);
  }
  switch (major) {
    case 0:
      return [length, at];
    case 1:
      return [-1 - length, at];
    case 2:
      return [bytes.subarray(at, at + length), at + length];
    case 3:
      return [new TextDecoder().decode(bytes.subarray(at, at + length)), at + length];
    case 4: {
      const items: Cbor[] = [];
      for (let index = 0; index < length; index++) {
        const [item, next] = decode(bytes, at);
        items.push(item);
        at = next;
      }
      return [items, at];
    }
    case 5: {
      const map = new Map<Cbor, Cbor>();
      for (let index = 0; index < length; index++) {
        const [key, afterKey] = decode(bytes, at);
        const [value, next] = decode(bytes, afterKey);
        map.set(key, value);
        at = next;
      }
      return [map, at];
    }
    case 6:
      return decode(bytes, at);
    default:
      return [info === 20 ? false : info === 21 ? true : null, at];
  }
}

/** The metadata's top-level array; `undefined` when the bytes are not Pagefind metadata. */
function metaArray(bytes: Uint8Array): Cbor[] | undefined {
  if (new TextDecoder().decode(bytes.subarray(0, PAGEFIND_SIGNATURE.length)) !== PAGEFIND_SIGNATURE) return undefined;
  try {
    const [meta] = decode(bytes, PAGEFIND_SIGNATURE.length);
    return Array.isArray(meta) ? meta : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The fragment names of a decompressed Pagefind metadata file's pages, by page number (a page's
 * fragment is `fragment/<name>.pf_fragment`); `undefined` when the bytes are not one.
 *
 * @example
 * bundlePages(decompressedMeta); // ['vi_3f0c1a2b9d', 'vi_81e4…', …]
 */
export function bundlePages(bytes: Uint8Array): string[] | undefined {
  const pages = metaArray(bytes)?.[1];
  if (!Array.isArray(pages)) return undefined;
  const names = pages.map((page) => (Array.isArray(page) && typeof page[0] === 'string' ? page[0] : undefined));
  return names.every((name) => name !== undefined) ? names : undefined;
}

/**
 * The index chunks' word ranges of a decompressed Pagefind metadata file, in order; `undefined`
 * when the bytes are not one (another Pagefind version's layout, say).
 *
 * @example
 * indexChunks(decompressedMeta); // [{ from: '0', to: 'dai' }, { from: 'dam', to: 'lat' }, …]
 */
export function indexChunks(bytes: Uint8Array): ChunkRange[] | undefined {
  const chunks = metaArray(bytes)?.[2];
  if (!Array.isArray(chunks)) return undefined;
  const ranges = chunks.map((chunk) =>
    Array.isArray(chunk) && typeof chunk[0] === 'string' && typeof chunk[1] === 'string'
      ? { from: chunk[0], to: chunk[1] }
      : undefined,
  );
  return ranges.every((range) => range !== undefined) ? ranges : undefined;
}
