/**
 * Keys for Astro's incremental build: a page whose key is unchanged since the last build is
 * restored from the cache instead of rendered. A key must therefore cover everything the
 * page shows that comes from content (its articles, its neighbours, the registries); code
 * and styles are covered by Astro's own dependency hash.
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
