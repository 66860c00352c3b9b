/**
 * Keys for Astro's incremental build: a page whose key is unchanged since the last build is
 * restored from the cache instead of rendered (what a key covers: docs/architecture.md, Page cache keys).
 */
import { createHash } from 'node:crypto';

/**
 * Stable digest of any JSON-serialisable value (Dates serialise as ISO strings).
 *
 * @example
 * cacheKey({ title: 'Đà Lạt' }, 'registries-v1') === cacheKey({ title: 'Đà Lạt' }, 'registries-v1'); // true
 */
export function cacheKey(value: unknown, salt: string): string {
  return createHash('sha1').update(salt).update('\0').update(JSON.stringify(value)).digest('base64url');
}
