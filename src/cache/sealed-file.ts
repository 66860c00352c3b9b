/**
 * A cache entry that carries the digest of its own content, written atomically: reading it
 * gives back exactly what was written, or nothing (missing, cut short, emptied, overwritten), so
 * a damaged entry is rebuilt and never published.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { replaceFile } from './replace-file.ts';

/** The first line of an entry: `sha256:` and the base64url digest of the rest. */
const HEADER_LENGTH = 'sha256:'.length + 43 + 1;

/**
 * The SHA-256 digest of some bytes, base64url: what a sealed entry's first line carries.
 *
 * @example
 * contentDigest(Buffer.from('<p>Đà Lạt</p>')); // 'Yq3…' (43 characters)
 */
export function contentDigest(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('base64url');
}

/**
 * The entry as stored: a first line with the digest of the content, then the content.
 *
 * @example
 * sealContent(Buffer.from('<p>Đà Lạt</p>')).toString(); // 'sha256:…\n<p>Đà Lạt</p>'
 */
export function sealContent(content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`sha256:${contentDigest(content)}\n`), content]);
}

/**
 * The content of a stored entry, or `undefined` when it does not match its digest.
 *
 * @example
 * openContent(sealContent(Buffer.from('<p>a</p>')))?.toString(); // '<p>a</p>'
 * openContent(sealContent(Buffer.from('<p>a</p>')).subarray(0, -3)); // undefined
 */
export function openContent(stored: Buffer): Buffer | undefined {
  if (stored.length < HEADER_LENGTH) return undefined;
  const header = stored.toString('latin1', 0, HEADER_LENGTH);
  if (!header.startsWith('sha256:') || !header.endsWith('\n')) return undefined;
  const content = stored.subarray(HEADER_LENGTH);
  return contentDigest(content) === header.slice(7, -1) ? content : undefined;
}

/**
 * Writes an entry beside its place and renames it there: a reader finds the old entry or the
 * new one, never half of one.
 *
 * @example
 * await writeSealedFile('/cache/article-html/3f9a0c.html', '<p>Đà Lạt</p>');
 */
export function writeSealedFile(file: string, content: string | Uint8Array): Promise<void> {
  return replaceFile(file, sealContent(typeof content === 'string' ? Buffer.from(content) : content));
}

/**
 * Reads an entry written by {@link writeSealedFile}: its content, or `undefined` when it is
 * missing or damaged.
 *
 * @example
 * (await readSealedFile('/cache/article-records.bin'))?.length; // 1048576
 */
export async function readSealedFile(file: string): Promise<Buffer | undefined> {
  const stored = await readFile(file).catch(() => undefined);
  return stored === undefined ? undefined : openContent(stored);
}

/**
 * Reads a text entry written by {@link writeSealedFile}, or `undefined` when missing or damaged.
 *
 * @example
 * await readSealedText('/cache/article-html/3f9a0c.html'); // '<p>Đà Lạt</p>'
 */
export async function readSealedText(file: string): Promise<string | undefined> {
  return (await readSealedFile(file))?.toString('utf8');
}

/**
 * Reads a JSON entry, or `undefined` when missing, damaged or not JSON.
 *
 * @example
 * await readSealedJson<{ code: string }>('/cache/pictures.json'); // { code: 'k3J…', pictures: […] }
 */
export async function readSealedJson<T>(file: string): Promise<T | undefined> {
  const text = await readSealedText(file);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
