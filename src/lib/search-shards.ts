/**
 * The search index is split into shards by time of publication, so a build re-indexes only
 * the shards whose articles changed and no single Pagefind index grows with the whole archive
 * (one index of 100,000 pages needs about 16 GB). The newest month is a shard of its own: the
 * one nearly every commit touches (a new article, a correction), small enough to index in a
 * second even at 40 articles a day. The rest of the newest year is another shard, re-indexed
 * when the month turns; older years are grouped into shards of at least
 * {@link MIN_SHARD_PAGES} pages, since every shard costs the reader an index chunk per query
 * word. The browser merges the shards (`src/scripts/search.ts`). Pure helpers shared by the
 * indexer, the search page and tests.
 */
import { createHash } from 'node:crypto';

/** What Pagefind indexes of one article page, and the shard it belongs to. */
export interface IndexedRegion {
  /** The `<article data-pagefind-body …>…</article>` element, exactly as written. */
  region: string;
  /** The month of publication (Vietnam time), `YYYY-MM`, from the element's `data-search-month`. */
  month: string;
}

const BODY_ATTRIBUTE = 'data-pagefind-body';
const MONTH_ATTRIBUTE = /\sdata-search-month="(\d{4}-\d{2})"/;

/**
 * Finds the element Pagefind indexes in an article page. Pagefind reads nothing else of a
 * page that has a `data-pagefind-body` element (the language is forced to Vietnamese), so two
 * pages with the same region and URL index identically. Article bodies are sanitised and
 * cannot contain `<article>`, so the first `</article>` after the opening tag closes it.
 * `undefined` for a page without one (a redirect page, say).
 *
 * @example
 * indexedRegion('<main><article data-pagefind-body data-search-month="2022-05"><h1>Đà Lạt</h1></article></main>');
 * // { region: '<article data-pagefind-body data-search-month="2022-05"><h1>Đà Lạt</h1></article>', month: '2022-05' }
 */
export function indexedRegion(html: string): IndexedRegion | undefined {
  const attribute = html.indexOf(BODY_ATTRIBUTE);
  if (attribute < 0) return undefined;
  const start = html.lastIndexOf('<article', attribute);
  const end = html.indexOf('</article>', attribute);
  if (start < 0 || end < 0) return undefined;
  const region = html.slice(start, end + '</article>'.length);
  const openingTag = region.slice(0, region.indexOf('>') + 1);
  const month = MONTH_ATTRIBUTE.exec(openingTag)?.[1];
  return month ? { region, month } : undefined;
}

/** One indexed page as the fingerprint sees it. */
export interface ShardPage {
  url: string;
  /** Digest of its {@link IndexedRegion.region}. */
  digest: string;
}

/**
 * A digest of what a shard's index is built from: every page's URL and indexed region, in URL
 * order, and `salt` (the Pagefind version and indexing options). Equal fingerprints mean an
 * equal bundle, so a cached one can be reused.
 *
 * @example
 * shardFingerprint([{ url: '/bai-viet/da-lat/', digest: regionDigest('<article …>') }], 'pagefind 1.6.0');
 * // 'k3v…' (base64url SHA-256)
 */
export function shardFingerprint(pages: readonly ShardPage[], salt: string): string {
  const hash = createHash('sha256').update(salt).update('\n');
  for (const page of [...pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) {
    hash.update(page.url).update('\0').update(page.digest).update('\n');
  }
  return hash.digest('base64url');
}

/**
 * Digest of one page's indexed region.
 *
 * @example
 * regionDigest('<article data-pagefind-body>…</article>'); // 'Zq1…' (base64url SHA-256)
 */
export function regionDigest(region: string): string {
  return createHash('sha256').update(region).digest('base64url');
}

/**
 * How many times each value occurs: pages per month, say.
 *
 * @example
 * countPages(['2023-05', '2024-01', '2023-05']); // Map { '2023-05' => 2, '2024-01' => 1 }
 */
export function countPages(keys: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** Older years are grouped into shards of at least this many pages. */
export const MIN_SHARD_PAGES = 2500;

/**
 * Which shard each month's pages go to (months are `YYYY-MM`): the newest month alone, named
 * by itself; the other months of the newest year together, named by the year; older years
 * grouped oldest first into runs of consecutive years with at least `minPages` pages (a short
 * last run joins the run before it), named by their year or first and last years.
 *
 * @example
 * planShards(new Map([['2021-03', 1500], ['2022-07', 1200], ['2023-02', 3000], ['2024-01', 40], ['2024-04', 9]]), 2500);
 * // Map { '2021-03' => '2021-2022', '2022-07' => '2021-2022', '2023-02' => '2023', '2024-01' => '2024', '2024-04' => '2024-04' }
 */
export function planShards(
  pagesPerMonth: ReadonlyMap<string, number>,
  minPages = MIN_SHARD_PAGES,
): Map<string, string> {
  const months = [...pagesPerMonth.keys()].sort();
  const newestMonth = months.pop();
  const pagesPerYear = new Map<string, number>();
  for (const month of months) {
    const year = month.slice(0, 4);
    pagesPerYear.set(year, (pagesPerYear.get(year) ?? 0) + (pagesPerMonth.get(month) ?? 0));
  }
  const years = [...pagesPerYear.keys()].sort();
  const newestYear = years.at(-1) === newestMonth?.slice(0, 4) ? years.pop() : undefined;
  const runs: string[][] = [];
  let run: string[] = [];
  let pages = 0;
  for (const year of years) {
    run.push(year);
    pages += pagesPerYear.get(year) ?? 0;
    if (pages >= minPages) {
      runs.push(run);
      run = [];
      pages = 0;
    }
  }
  if (run.length > 0) {
    if (runs.length > 0) runs[runs.length - 1]!.push(...run);
    else runs.push(run);
  }
  if (newestYear !== undefined) runs.push([newestYear]);
  const shardOfYear = new Map<string, string>();
  for (const years of runs) {
    const name = years.length === 1 ? years[0]! : `${years[0]}-${years[years.length - 1]}`;
    for (const year of years) shardOfYear.set(year, name);
  }
  const plan = new Map(months.map((month) => [month, shardOfYear.get(month.slice(0, 4))!]));
  if (newestMonth !== undefined) plan.set(newestMonth, newestMonth);
  return plan;
}

/**
 * Pages grouped into the shards {@link planShards} gives their months, newest shard first:
 * the one grouping the indexer (a build or `npm run dev`) writes bundles by.
 *
 * @example
 * groupIntoShards([{ month: '2023-02', url: '/a/' }, { month: '2024-04', url: '/b/' }]);
 * // Map { '2024-04' => [{ month: '2024-04', url: '/b/' }], '2023' => [{ month: '2023-02', url: '/a/' }] }
 */
export function groupIntoShards<T extends { month: string }>(pages: readonly T[]): Map<string, T[]> {
  const plan = planShards(countPages(pages.map((page) => page.month)));
  const byShard = Map.groupBy(pages, (page) => plan.get(page.month)!);
  return new Map(shardOrder(byShard.keys()).map((shard) => [shard, byShard.get(shard)!]));
}

/**
 * Shards in the order the browser loads them: newest first (a month before the rest of its
 * year). The first is the primary bundle (its `pagefind.js` and WebAssembly are the ones
 * loaded), and a search sorted by date reads the shards in this order.
 *
 * @example
 * shardOrder(['2019-2020', '2024', '2024-04', '2021-2023']); // ['2024-04', '2024', '2021-2023', '2019-2020']
 */
export function shardOrder(shards: Iterable<string>): string[] {
  // '2024-04' is a month; '2024' a year; '2021-2023' a run of years, ending in 2023.
  const newestMonth = (shard: string) =>
    /^\d{4}-\d{2}$/.test(shard)
      ? Number(shard.slice(0, 4)) * 100 + Number(shard.slice(5))
      : Number(shard.slice(-4)) * 100;
  return [...new Set(shards)].sort((a, b) => newestMonth(b) - newestMonth(a));
}

/**
 * The document Pagefind is given for a page: its indexed element alone. Pagefind reads nothing
 * else of a page that has one, and the shard fingerprint covers exactly this.
 *
 * @example
 * indexedDocument('<article data-pagefind-body>…</article>');
 * // '<!doctype html><html lang="vi"><body><article data-pagefind-body>…</article></body></html>'
 */
export function indexedDocument(region: string): string {
  return `<!doctype html><html lang="vi"><body>${region}</body></html>`;
}
