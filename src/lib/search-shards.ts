/**
 * The search index split into shards by time of publication, so a build re-indexes only the
 * shards whose articles changed (why these sizes: docs/search.md, Shards). Pure helpers shared
 * by the indexer, the search page and tests.
 */
import { createHash } from 'node:crypto';
import { PAGEFIND_SIGNATURE } from './pagefind-meta.ts';

/** What Pagefind indexes of one article page, and the shard it belongs to. */
export interface IndexedRegion {
  /** The `<article data-pagefind-body …>…</article>` element as written, but for its `<picture>` elements. */
  region: string;
  /** The month of publication (Vietnam time), `YYYY-MM`, from the element's `data-search-month`. */
  month: string;
  /**
   * The publication time Pagefind sorts by (`data-pagefind-sort="date[datetime]"`), in
   * milliseconds since 1970; 0 without one. A number: a string cut from the page would keep the
   * whole page in memory for as long as the build keeps the time.
   */
  time: number;
}

const BODY_ATTRIBUTE = 'data-pagefind-body';
const MONTH_ATTRIBUTE = /\sdata-search-month="(\d{4}-\d{2})"/;
const SORT_DATE = /<time\b[^>]*\sdatetime="([^"]*)"[^>]*\sdata-pagefind-sort="date\[datetime\]"/;
// Pictures hold nothing searchable (their alt text is not indexed, their URLs must not be), and
// their file names change with the photo: left out, a replaced photo re-indexes no bundle.
const PICTURE_ELEMENT = /<picture\b[\s\S]*?<\/picture>/g;

/**
 * Finds the element Pagefind indexes in an article page. Pagefind reads nothing else of a
 * page that has a `data-pagefind-body` element (the language is forced to Vietnamese), so two
 * pages with the same region and URL index identically. Article bodies are sanitised and
 * cannot contain `<article>`, so the first `</article>` after the opening tag closes it.
 * `<picture>` elements are left out. `undefined` for a page without one (a redirect page, say).
 *
 * @example
 * indexedRegion('<main><article data-pagefind-body data-search-month="2022-05"><h1>Đà Lạt</h1></article></main>');
 * // { region: '<article data-pagefind-body data-search-month="2022-05"><h1>Đà Lạt</h1></article>', month: '2022-05', time: 0 }
 */
export function indexedRegion(html: string): IndexedRegion | undefined {
  const attribute = html.indexOf(BODY_ATTRIBUTE);
  if (attribute < 0) return undefined;
  const start = html.lastIndexOf('<article', attribute);
  const end = html.indexOf('</article>', attribute);
  if (start < 0 || end < 0) return undefined;
  const region = html.slice(start, end + '</article>'.length).replace(PICTURE_ELEMENT, '');
  const openingTag = region.slice(0, region.indexOf('>') + 1);
  const month = MONTH_ATTRIBUTE.exec(openingTag)?.[1];
  const time = Date.parse(SORT_DATE.exec(region)?.[1] ?? '');
  return month ? { region, month, time: Number.isNaN(time) ? 0 : time } : undefined;
}

/**
 * A bundle's pages in the order they are given to Pagefind, which numbers them so: newest first
 * (by the time Pagefind sorts on), then by URL. A page's number is
 * then its place in the bundle's date order, which the phrase index relies on
 * (`src/lib/search-phrases.ts`), and a rebuilt bundle equals a cold build's.
 *
 * @example
 * indexOrder([{ url: '/b/', time: Date.parse('2022-05-11T06:49:00+07:00') }, { url: '/a/', time: Date.parse('2023-01-02T08:00:00+07:00') }]);
 * // [{ url: '/a/', … }, { url: '/b/', … }]
 */
export function indexOrder<T extends { url: string; time: number }>(pages: readonly T[]): T[] {
  return [...pages].sort((a, b) => b.time - a.time || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
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

/**
 * The run size of an archive below 64,000 pages; larger archives double it ({@link shardSize}).
 * Every shard, however small, costs a query an index chunk per word, so shards are not made smaller.
 */
export const MIN_SHARD_PAGES = 2000;
/** Past this many shards of the current size, the size doubles. */
export const SHARDS_BEFORE_DOUBLING = 16;

/**
 * How many pages a shard gathers before it is closed, for an archive of `totalPages` pages:
 * {@link MIN_SHARD_PAGES}, doubled each time the archive doubles past
 * {@link SHARDS_BEFORE_DOUBLING} times that, so a large archive has 16 to 32 shards. The size
 * changes only when the archive doubles: then every shard is indexed again once.
 *
 * @example
 * shardSize(10_000); // 2000
 * shardSize(100_000); // 4000
 */
export function shardSize(totalPages: number): number {
  const doublings = Math.floor(Math.log2(totalPages / (MIN_SHARD_PAGES * SHARDS_BEFORE_DOUBLING)));
  return MIN_SHARD_PAGES * 2 ** Math.max(0, doublings);
}

/**
 * Which shard each month's pages go to (months are `YYYY-MM`). The newest month is a shard of
 * its own, named by itself. The older months, oldest first, are gathered into runs of
 * consecutive months, a run closing once it holds `size` pages or more; the last run may hold
 * fewer. A run is named by its month (`2021-03`) or by its first and last months
 * (`2021-03_2021-08`). A month is never split, so a run holds less than `size` pages plus
 * one month's. A run's months depend only on older months, so a new article changes the newest
 * month's shard alone, and the month's turn changes the last run alone.
 *
 * @example
 * planShards(new Map([['2021-03', 600], ['2021-04', 500], ['2021-05', 700], ['2021-06', 40]]), 1000);
 * // Map { '2021-03' => '2021-03_2021-04', '2021-04' => '2021-03_2021-04', '2021-05' => '2021-05', '2021-06' => '2021-06' }
 */
export function planShards(
  pagesPerMonth: ReadonlyMap<string, number>,
  size = shardSize([...pagesPerMonth.values()].reduce((sum, pages) => sum + pages, 0)),
): Map<string, string> {
  const months = [...pagesPerMonth.keys()].sort();
  const newestMonth = months.pop();
  const runs: string[][] = [];
  let run: string[] = [];
  let pages = 0;
  for (const month of months) {
    run.push(month);
    pages += pagesPerMonth.get(month) ?? 0;
    if (pages >= size) {
      runs.push(run);
      run = [];
      pages = 0;
    }
  }
  if (run.length > 0) runs.push(run);
  const plan = new Map<string, string>();
  for (const run of runs) {
    const name = run.length === 1 ? run[0]! : `${run[0]}_${run.at(-1)}`;
    for (const month of run) plan.set(month, name);
  }
  if (newestMonth !== undefined) plan.set(newestMonth, newestMonth);
  return plan;
}

/**
 * Pages grouped into the shards {@link planShards} gives their months, newest shard first:
 * the one grouping the indexer (a build or `npm run dev`) writes bundles by. `size` as for
 * {@link planShards}: the site's `searchShardPages` setting, automatic when absent.
 *
 * @example
 * groupIntoShards([{ month: '2023-02', url: '/a/' }, { month: '2024-04', url: '/b/' }]);
 * // Map { '2024-04' => [{ month: '2024-04', url: '/b/' }], '2023-02' => [{ month: '2023-02', url: '/a/' }] }
 */
export function groupIntoShards<T extends { month: string }>(pages: readonly T[], size?: number): Map<string, T[]> {
  const plan = planShards(countPages(pages.map((page) => page.month)), size);
  const byShard = Map.groupBy(pages, (page) => plan.get(page.month)!);
  return new Map(shardOrder(byShard.keys()).map((shard) => [shard, byShard.get(shard)!]));
}

/**
 * Shards in the order the browser loads them: newest first, by the last month each holds. The
 * first is the primary bundle (its `pagefind.js` and WebAssembly are the ones loaded), and a
 * search sorted by date reads the shards in this order.
 *
 * @example
 * shardOrder(['2019-01_2020-06', '2024-04', '2021-01_2024-03']); // ['2024-04', '2021-01_2024-03', '2019-01_2020-06']
 */
export function shardOrder(shards: Iterable<string>): string[] {
  // '2024-04' is a month, '2021-01_2024-03' a run of months: both end in their last month.
  const lastMonth = (shard: string) => shard.slice(-'YYYY-MM'.length);
  return [...new Set(shards)].sort((a, b) => (lastMonth(a) < lastMonth(b) ? 1 : lastMonth(a) > lastMonth(b) ? -1 : 0));
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

/** Pagefind's WebAssembly in a bundle: `wasm.<language>.pagefind`. */
export const BUNDLE_WASM_FILE = /^wasm\.[\w-]+\.pagefind$/;

/**
 * What every bundle but the newest ships instead of Pagefind's WebAssembly: the search page
 * compiles the newest bundle's once, yet every other instance still fetches its own copy.
 * Pagefind reads a file starting with its `pagefind_dcd` signature as already decompressed.
 */
export const WASM_PLACEHOLDER: Uint8Array = new TextEncoder().encode(`${PAGEFIND_SIGNATURE}\0`);

/**
 * Whether a bundle file's bytes are {@link WASM_PLACEHOLDER}.
 *
 * @example
 * isWasmPlaceholder(new TextEncoder().encode('pagefind_dcd\0')); // true
 */
export function isWasmPlaceholder(bytes: Uint8Array): boolean {
  return bytes.length === WASM_PLACEHOLDER.length && bytes.every((byte, index) => byte === WASM_PLACEHOLDER[index]);
}
