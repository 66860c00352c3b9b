/**
 * The URL scheme, in one place. Every path is ASCII, lowercase, hyphenated and ends in `/`;
 * none depends on how many other articles exist, so adding articles never moves a page.
 */

/** @example articleUrl('cum-thi-dua') // '/bai-viet/cum-thi-dua/' */
export const articleUrl = (slug: string) => `/bai-viet/${slug}/`;
/** @example categoryUrl('thoi-su') // '/chuyen-muc/thoi-su/' */
export const categoryUrl = (slug: string) => `/chuyen-muc/${slug}/`;
/** @example categoryFeedUrl('thoi-su') // '/chuyen-muc/thoi-su/rss.xml' */
export const categoryFeedUrl = (slug: string) => `/chuyen-muc/${slug}/rss.xml`;
/** @example authorUrl('lo-thanh') // '/tac-gia/lo-thanh/' */
export const authorUrl = (slug: string) => `/tac-gia/${slug}/`;
/** @example tagUrl('da-lat') // '/the/da-lat/' */
export const tagUrl = (slug: string) => `/the/${slug}/`;
/** @example archiveUrl(2022) // '/luu-tru/2022/'; archiveUrl(2022, '05') // '/luu-tru/2022/05/' */
export const archiveUrl = (year?: number | string, month?: string) =>
  year === undefined ? '/luu-tru/' : month === undefined ? `/luu-tru/${year}/` : `/luu-tru/${year}/${month}/`;
/** @example searchUrl('đà lạt') // '/tim-kiem/?q=%C4%91%C3%A0+l%E1%BA%A1t' */
export const searchUrl = (query?: string) =>
  query ? `/tim-kiem/?${new URLSearchParams({ q: query }).toString()}` : '/tim-kiem/';
/** Folder of `dist/` holding the search bundles (see `src/integrations/search-index.ts`). */
export const SEARCH_DIR = 'pagefind';
/** One search bundle (see `src/lib/search-shards.ts`). @example searchShardUrl('2022-05') // '/pagefind/2022-05/' */
export const searchShardUrl = (shard: string) => `/${SEARCH_DIR}/${shard}/`;
/** Folder of `dist/` holding the lead pictures (see `src/lib/pictures.ts`). */
export const PICTURE_DIR = 'anh';
/** @example pictureUrl('da-lat-3f9a0c1d2e4b5a69-800.avif') // '/anh/da-lat-3f9a0c1d2e4b5a69-800.avif' */
export const pictureUrl = (file: string) => `/${PICTURE_DIR}/${file}`;
/** The share picture of pages without one of their own, drawn from the logo (`src/pages/anh-chia-se.png.ts`). */
export const SHARE_PICTURE_URL = '/anh-chia-se.png';
/** @example videoUrl() // '/video/' */
export const videoUrl = () => '/video/';
/** @example pageUrl('/chuyen-muc/thoi-su/', 3) // '/chuyen-muc/thoi-su/trang/3/' */
export const pageUrl = (listUrl: string, page: number) => `${listUrl}trang/${page}/`;

/**
 * Absolute URL on the site's origin.
 *
 * @example
 * absoluteUrl('/bai-viet/a/', 'https://lamdongtv.example'); // 'https://lamdongtv.example/bai-viet/a/'
 */
export function absoluteUrl(path: string, site: string): string {
  return new URL(path, site).href;
}
