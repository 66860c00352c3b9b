/**
 * Writing a file so that whoever reads it, during the write or after an interrupted run, finds
 * the previous file or the new one, never half of one.
 */
import { rename, utimes, writeFile } from 'node:fs/promises';
import { SEALED_TIME } from './sealed-time.ts';

export interface ReplaceOptions {
  /** Give the file {@link SEALED_TIME} before it takes its place (see `sealed-time.ts`). */
  sealed?: boolean;
}

/**
 * Writes `data` beside `file` (under a name of this process) and renames it into place.
 *
 * @example
 * await replaceFile('/cache/article-records.bin', serialize(records));
 * await replaceFile('/cache/pictures/3f9a-800.avif', avif, { sealed: true });
 */
export async function replaceFile(
  file: string,
  data: string | Uint8Array,
  options: ReplaceOptions = {},
): Promise<void> {
  const fresh = `${file}.${process.pid}.tmp`;
  await writeFile(fresh, data);
  if (options.sealed) await utimes(fresh, SEALED_TIME, SEALED_TIME);
  await rename(fresh, file);
}
