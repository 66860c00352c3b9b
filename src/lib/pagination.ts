/**
 * Stable pagination. A list's front page shows the newest articles; its numbered pages count
 * from the oldest, so page 1 always holds the first articles ever published there. A new
 * article changes only the front page and the newest numbered pages: every other page, and
 * every link a reader kept, shows the same articles and links forever (pages link to their
 * neighbours, not to the newest page, and only the front page shows the list's total).
 */
import { pageUrl } from './urls.ts';

export interface ListPage<T> {
  /** Items on this page, newest first. */
  items: T[];
  /** `undefined` for the front page. */
  number?: number | undefined;
  url: string;
  /** Link to older articles, if any. */
  olderUrl?: string | undefined;
  /** Link to newer articles, if any. */
  newerUrl?: string | undefined;
  /**
   * The numbered pages this page links to, newest first: the newest few from the front page;
   * from a numbered page, its neighbours and page 1. Never the newest page from an old page,
   * so a page's links, like its articles, stay the same as the list grows.
   */
  numbers: number[];
  /** Which numbered page to offer next to the front page. */
  listUrl: string;
}

/** Numbered pages linked on either side of the current one (and from the front page). */
const PAGE_LINKS_AROUND = 2;

/**
 * Page numbers from `newest` down to `oldest` (clipped to 1), then page 1 if not among them.
 *
 * @example
 * pageLinks(9, 5); // [9, 8, 7, 6, 5, 1]
 */
function pageLinks(newest: number, oldest: number): number[] {
  const numbers: number[] = [];
  for (let number = newest; number >= Math.max(1, oldest); number--) numbers.push(number);
  if (numbers.length > 0 && numbers.at(-1) !== 1) numbers.push(1);
  return numbers;
}

/**
 * Splits a newest-first list into its front page and oldest-first numbered pages. Numbered
 * pages are full pages; the newest articles that do not yet fill one are shown on the front
 * page together with the newest full page, so a reader who walks from the front page through
 * older pages sees every article once.
 *
 * @example
 * const { front, numbered } = paginate(articles, 20, '/chuyen-muc/thoi-su/');
 * numbered[0].url; // '/chuyen-muc/thoi-su/trang/1/' (the 20 oldest)
 */
export function paginate<T>(
  newestFirst: readonly T[],
  pageSize: number,
  listUrl: string,
): { front: ListPage<T>; numbered: ListPage<T>[] } {
  const total = newestFirst.length;
  // Full pages only, and none while everything fits on one page.
  const pageCount = total > pageSize ? Math.floor(total / pageSize) : 0;
  const newestOnFront = total - pageCount * pageSize + (pageCount ? pageSize : 0);
  // Oldest-first position i sits at newest-first index total - 1 - i.
  const numbered: ListPage<T>[] = [];
  for (let number = 1; number <= pageCount; number++) {
    const oldest = (number - 1) * pageSize;
    const newest = number * pageSize - 1;
    numbered.push({
      items: newestFirst.slice(total - 1 - newest, total - oldest),
      number,
      url: pageUrl(listUrl, number),
      olderUrl: number > 1 ? pageUrl(listUrl, number - 1) : undefined,
      // The newest full page is on the front page too: the way to newer articles is the front page.
      newerUrl: number < pageCount - 1 ? pageUrl(listUrl, number + 1) : listUrl,
      numbers: pageLinks(Math.min(pageCount, number + PAGE_LINKS_AROUND), number - PAGE_LINKS_AROUND),
      listUrl,
    });
  }
  const front: ListPage<T> = {
    items: newestFirst.slice(0, newestOnFront),
    url: listUrl,
    olderUrl: pageCount > 1 ? pageUrl(listUrl, pageCount - 1) : undefined,
    numbers: pageLinks(pageCount - 1, pageCount - 1 - 2 * PAGE_LINKS_AROUND),
    listUrl,
  };
  return { front, numbered };
}
