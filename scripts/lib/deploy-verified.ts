/**
 * The record `npm run verify` leaves when a built site passes, and `npm run deploy` requires:
 * a digest of `dist/`'s listing (every path, size and time). A build that failed or was cut
 * off, or any file written after the check, changes the listing, so only a site exactly as it
 * was verified is published.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listingDigest, type ListedFile } from '../../src/data/deploy-files.ts';

/** Kept with the other tools' caches, out of the site and out of version control. */
const RECORDS = path.resolve(import.meta.dirname, '../../node_modules/.cache/tin-luu-tru');

function recordFile(dist: string): string {
  const name = createHash('sha256').update(path.resolve(dist)).digest('hex').slice(0, 16);
  return path.join(RECORDS, `verified-dist-${name}.json`);
}

/**
 * Records that `dist`, as listed, passed `npm run verify`.
 *
 * @example
 * await recordVerified('dist', await listDist('dist'));
 */
export async function recordVerified(dist: string, listing: readonly ListedFile[]): Promise<void> {
  await mkdir(RECORDS, { recursive: true });
  const record = { dist: path.resolve(dist), files: listing.length, listing: listingDigest(listing) };
  await writeFile(recordFile(dist), `${JSON.stringify(record)}\n`);
}

/**
 * Whether `dist`, as listed now, is the one that last passed `npm run verify`.
 *
 * @example
 * await isVerified('dist', await listDist('dist')); // true
 */
export async function isVerified(dist: string, listing: readonly ListedFile[]): Promise<boolean> {
  try {
    const record = JSON.parse(await readFile(recordFile(dist), 'utf8')) as { listing?: unknown };
    return record.listing === listingDigest(listing);
  } catch {
    return false;
  }
}
