/**
 * A cache entry that carries the digest of its own content, written atomically: reading it
 * gives back exactly what was written, or nothing (missing, cut short, emptied, overwritten), so
 * a damaged entry is rebuilt and never published.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { replaceFile } from './replace-file.ts';

const HEADER = /^<!-- sha256:([A-Za-z0-9_-]{43}) -->\n/;

const digestOf = (content: string) => createHash('sha256').update(content).digest('base64url');

/**
 * The entry as stored: a first line with the digest of the content, then the content.
 *
 * @example
 * sealContent('<p>Đà Lạt</p>'); // '<!-- sha256:… -->\n<p>Đà Lạt</p>'
 */
export function sealContent(content: string): string {
  return `<!-- sha256:${digestOf(content)} -->\n${content}`;
}

/**
 * The content of a stored entry, or `undefined` when it does not match its digest.
 *
 * @example
 * openContent(sealContent('<p>a</p>')); // '<p>a</p>'
 * openContent(sealContent('<p>a</p>').slice(0, -3)); // undefined
 */
export function openContent(stored: string): string | undefined {
  const header = HEADER.exec(stored);
  if (!header) return undefined;
  const content = stored.slice(header[0].length);
  return digestOf(content) === header[1] ? content : undefined;
}

/**
 * Writes an entry beside its place and renames it there: a reader finds the old entry or the
 * new one, never half of one.
 *
 * @example
 * await writeSealedFile('/cache/article-html/3f9a0c.html', '<p>Đà Lạt</p>');
 */
export function writeSealedFile(file: string, content: string): Promise<void> {
  return replaceFile(file, sealContent(content));
}

/**
 * Reads an entry written by {@link writeSealedFile}: its content, or `undefined` when it is
 * missing or damaged.
 *
 * @example
 * await readSealedFile('/cache/article-html/3f9a0c.html'); // '<p>Đà Lạt</p>'
 */
export async function readSealedFile(file: string): Promise<string | undefined> {
  const stored = await readFile(file, 'utf8').catch(() => undefined);
  return stored === undefined ? undefined : openContent(stored);
}
