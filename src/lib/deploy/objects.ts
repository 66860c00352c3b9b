/**
 * What each file of `dist/` becomes in object storage: its key, its kind (which decides when
 * it is sent), and the headers the store serves it with. Cache-Control (and any Content-Type
 * a rule names) come from the site's `_headers` rules, the same file Cloudflare Pages and
 * Netlify read, so every host caches the same file the same way.
 */
import { lookup } from 'mrmime';
import { headersFor, type HeaderRule } from '../headers-file.ts';

/** Kinds of file, in the order a deploy makes them available to readers. */
export const OBJECT_KINDS = [
  'asset',
  'picture',
  'search-data',
  'search-entry',
  'page',
  'redirect',
  'feed',
  'sitemap',
  'other',
  'home',
] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

/**
 * Upload phases: what pages need (hashed assets, pictures, search bundles) is in place
 * before any page that refers to it, the search entry files after the bundles they name,
 * and the home page last of all, since its metadata records the rules every object was
 * sent with (see `RULES_METADATA`).
 */
export const UPLOAD_PHASES: readonly (readonly ObjectKind[])[] = [
  ['asset', 'picture', 'search-data'],
  ['search-entry'],
  ['page', 'redirect', 'feed', 'sitemap', 'other'],
  ['home'],
];

/** Host configuration files the store does not read: never uploaded. */
export const HOST_FILES = new Set(['_headers', '_redirects']);

/** Object metadata key (sent as `x-amz-meta-rules`) holding {@link rulesDigest}'s value. */
export const RULES_METADATA = 'rules';

/** The headers one object is stored with. */
export interface ObjectHeaders {
  contentType: string;
  cacheControl: string | undefined;
  /** S3 website redirect (`x-amz-website-redirect-location`) for an old URL's page. */
  redirectLocation: string | undefined;
}

/**
 * The kind of a file of `dist/`, by its path relative to `dist/` (`/` separators).
 *
 * @example
 * objectKind('_astro/BaseLayout.B-jRbPrk.css', new Set()); // 'asset'
 * objectKind('pagefind/2024-06/fragment/vi_daecfdc.pf_fragment', new Set()); // 'search-data'
 * objectKind('tin/a/index.html', new Set(['tin/a/index.html'])); // 'redirect'
 */
export function objectKind(file: string, redirectFiles: ReadonlySet<string>): ObjectKind {
  if (file === 'index.html') return 'home';
  if (file.startsWith('_astro/')) return 'asset';
  if (file.startsWith('anh/')) return 'picture';
  if (file.startsWith('pagefind/')) {
    return /^pagefind\/[^/]+\/(fragment|index|filter|phrases)\//.test(file) ? 'search-data' : 'search-entry';
  }
  if (redirectFiles.has(file)) return 'redirect';
  if (/(^|\/)sitemap[^/]*\.xml$/.test(file)) return 'sitemap';
  if (/(^|\/)rss\.xml$/.test(file)) return 'feed';
  if (/\.html?$/.test(file)) return 'page';
  return 'other';
}

/**
 * The URL path a file is served at: `index.html` files at their folder's URL, which is the
 * path `_headers` rules are written for.
 *
 * @example
 * urlPathOf('bai-viet/da-lat/index.html'); // '/bai-viet/da-lat/'
 * urlPathOf('rss.xml'); // '/rss.xml'
 */
export function urlPathOf(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}

/** Text types are UTF-8 throughout the site; object storage sends no charset unless told. */
function withCharset(type: string): string {
  return /^text\/|^application\/(json|xml|javascript|rss\+xml|atom\+xml)$|^image\/svg\+xml$/.test(type)
    ? `${type}; charset=utf-8`
    : type;
}

/**
 * The headers a file is stored with: Content-Type by its extension (UTF-8 for text) unless a
 * `_headers` rule names one, Cache-Control from the `_headers` rules, and the new address for
 * the page of an old URL.
 *
 * @example
 * objectHeaders('bai-viet/a/index.html', rules, new Map());
 * // { contentType: 'text/html; charset=utf-8', cacheControl: 'public, max-age=300, must-revalidate', redirectLocation: undefined }
 */
export function objectHeaders(
  file: string,
  rules: readonly HeaderRule[],
  redirects: ReadonlyMap<string, string>,
): ObjectHeaders {
  const headers = headersFor(rules, urlPathOf(file));
  const extension = /\.([^./]+)$/.exec(file)?.[1] ?? '';
  return {
    contentType: headers['content-type'] ?? withCharset(lookup(extension) ?? 'application/octet-stream'),
    cacheControl: headers['cache-control'],
    redirectLocation: redirects.get(file),
  };
}

/**
 * The redirect pages of `dist/` and where each sends the reader, from the site's
 * `_redirects` file (`from to status` per line), keyed by the file the page is written to.
 *
 * @example
 * redirectTargets('/du-lich/a.html /bai-viet/a/ 301\n', (from) => from.slice(1));
 * // Map { 'du-lich/a.html' => '/bai-viet/a/' }
 */
export function redirectTargets(text: string, fileOf: (from: string) => string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const [from, to] = line.trim().split(/\s+/);
    if (!from || !to || from.startsWith('#')) continue;
    targets.set(fileOf(from), to);
  }
  return targets;
}

/**
 * The object key of a file under a key prefix (empty for the bucket's root).
 *
 * @example
 * objectKey('ban-tin', 'rss.xml'); // 'ban-tin/rss.xml'
 * objectKey('', 'rss.xml'); // 'rss.xml'
 */
export function objectKey(prefix: string, file: string): string {
  return prefix ? `${prefix}/${file}` : file;
}
