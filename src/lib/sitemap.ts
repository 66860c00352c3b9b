/**
 * Which pages the sitemap (`sitemap-index.xml`, `sitemap-0.xml`, …) lists, in what order. The
 * files themselves are written by the `sitemap` library (`src/integrations/sitemap.ts`).
 */

/** Pages a reader only meets by mistake. */
const STATUS_PAGES = /^\/?(404|500)\/?$/;

// One collator for the whole sort: `localeCompare` with options builds one per comparison.
const NUMERIC_ORDER = new Intl.Collator('en', { numeric: true });

/**
 * The absolute URLs of the pages a build wrote (their pathnames, as Astro reports them), minus
 * the error pages, without duplicates, in natural order (`/trang/2/` before `/trang/10/`).
 *
 * @example
 * sitemapUrls(['trang/10/', '', '404/', 'trang/2/'], 'https://lamdongtv.example');
 * // ['https://lamdongtv.example/', 'https://lamdongtv.example/trang/2/', 'https://lamdongtv.example/trang/10/']
 */
export function sitemapUrls(pathnames: Iterable<string>, siteUrl: string): string[] {
  const base = new URL(siteUrl);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const urls = new Set<string>();
  for (const pathname of pathnames) {
    if (STATUS_PAGES.test(pathname)) continue;
    urls.add(new URL(pathname.replace(/^\//, ''), base).href);
  }
  return [...urls].sort(NUMERIC_ORDER.compare);
}
