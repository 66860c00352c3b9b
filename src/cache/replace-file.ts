/**
 * Writing a file so that whoever reads it, during the write or after an interrupted run, finds
 * the previous file or the new one, never half of one.
 */
import { rename, writeFile } from 'node:fs/promises';

/**
 * Writes `data` beside `file` (under a name of this process) and renames it into place.
 *
 * @example
 * await replaceFile('/cache/article-records.bin', serialize(records));
 */
export async function replaceFile(file: string, data: string | Uint8Array): Promise<void> {
  const fresh = `${file}.${process.pid}.tmp`;
  await writeFile(fresh, data);
  await rename(fresh, file);
}
