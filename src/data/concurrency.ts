/**
 * File work over whole archives, a bounded number at a time: opening 100,000 files at once
 * fails with EMFILE (too many open files).
 */

/** Files open at once: plenty to keep the disk busy, far below any open-file limit. */
export const FILES_AT_ONCE = 64;

/**
 * Maps every item through `work`, at most `limit` at a time, keeping the input order.
 *
 * @example
 * const texts = await mapConcurrently(files, FILES_AT_ONCE, (file) => readFile(file, 'utf8'));
 */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}
