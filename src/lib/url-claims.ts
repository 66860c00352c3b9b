/**
 * The URLs content claims (an article's slug, its old URLs), compared the way a browser, a CDN
 * and the file system of `dist/` will resolve them: percent-decoded, repeated slashes collapsed,
 * `index.html` and a trailing slash dropped, case folded. An old URL is written to `dist/` and
 * to `_redirects` as a literal path, so anything a host would read as a pattern is refused.
 */
import { PICTURE_DIR, SEARCH_DIR } from './urls.ts';

/** Longest slug an article, tag or author may have: a folder name in `dist/` and on every host. */
export const MAX_SLUG_LENGTH = 100;

/** Longest old URL, in bytes of its path's longest segment (file names stop at 255 bytes). */
const MAX_SEGMENT_BYTES = 200;
const MAX_ALIAS_LENGTH = 1000;

/** Top-level folders the site generates itself, with what a journalist calls them. */
export const SITE_FOLDERS: Readonly<Record<string, string>> = {
  'bai-viet': 'các trang bài viết',
  'chuyen-muc': 'các trang chuyên mục',
  'tac-gia': 'các trang tác giả',
  the: 'các trang từ khóa',
  'luu-tru': 'các trang lưu trữ',
  'tim-kiem': 'trang tìm kiếm',
  video: 'các trang video',
  _astro: 'tệp giao diện của trang',
  [PICTURE_DIR]: 'ảnh của trang',
  [SEARCH_DIR]: 'chỉ mục tìm kiếm',
};

/** Top-level files the site generates itself (besides `public/`'s), keyed as {@link claimKey} makes them. */
const SITE_FILES: Readonly<Record<string, string>> = {
  '': 'trang chủ',
  '404.html': 'trang 404',
  '404': 'trang 404',
  'rss.xml': 'bản tin RSS',
  'robots.txt': 'tệp robots.txt',
  'sitemap-news.xml': 'sơ đồ trang cho Google News',
  'sitemap-index.xml': 'sơ đồ trang',
  _redirects: 'tệp chuyển hướng _redirects',
  _headers: 'tệp tiêu đề _headers',
  'apple-touch-icon.png': 'biểu tượng của trang',
  'anh-chia-se.png': 'ảnh chia sẻ của trang',
  'site.webmanifest': 'tệp mô tả ứng dụng web',
  'redirects.json': 'tệp tạm của bản dựng',
  'pictures.json': 'tệp tạm của bản dựng',
};

/**
 * Why an old URL's path cannot be published as a literal redirect, or `undefined` when it can.
 *
 * @example
 * aliasProblem('/tin-tuc/a-123.html'); // undefined
 * aliasProblem('/*'); // 'có dấu "*", mà _redirects hiểu là "mọi đường dẫn"'
 */
export function aliasProblem(alias: string): string | undefined {
  if (!alias.startsWith('/')) return 'không bắt đầu bằng /';
  if (alias.length > MAX_ALIAS_LENGTH) return `dài ${alias.length} ký tự, tối đa ${MAX_ALIAS_LENGTH}`;
  const decoded = decodePath(alias.split('?')[0]!);
  if (decoded === undefined) return 'có mã "%" không đọc được';
  const whole = `${decoded}${alias.includes('?') ? alias.slice(alias.indexOf('?')) : ''}`;
  if (/[\s\p{Cc}]/u.test(whole)) return 'có khoảng trắng hoặc ký tự điều khiển';
  if (whole.includes('*')) return 'có dấu "*", mà _redirects hiểu là "mọi đường dẫn"';
  if (whole.includes('#')) return 'có dấu "#": phần sau "#" không bao giờ tới máy chủ';
  if (decoded.includes('\\')) return 'có dấu "\\"';
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    return 'có đoạn "." hoặc "..": trình duyệt không bao giờ gửi đường dẫn như vậy';
  }
  if (segments.some((segment) => segment.startsWith(':'))) {
    return 'có đoạn bắt đầu bằng ":", mà _redirects hiểu là một biến';
  }
  const longest = Math.max(...segments.map((segment) => new TextEncoder().encode(segment).length));
  if (longest > MAX_SEGMENT_BYTES) return `có một đoạn dài ${longest} byte, tối đa ${MAX_SEGMENT_BYTES}`;
  return undefined;
}

function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/**
 * The one form of a path that every spelling a host resolves to the same page shares.
 *
 * @example
 * claimKey('/%69ndex.html'); // ''
 * claimKey('//Bai-Viet/a/'); // 'bai-viet/a'
 * claimKey('/luu-tru');      // 'luu-tru'
 */
export function claimKey(path: string): string {
  const decoded = decodePath(path.split('?')[0]!) ?? path;
  return decoded
    .toLowerCase()
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/')
    .replace(/(^|\/)index\.html?$/, '');
}

/**
 * What of the site's own an old URL would take over, or `undefined` when nothing: the page or
 * file at that key, a file the key would need as a folder, or a folder the site generates.
 * `publicFiles` are the keys of the files in `public/`.
 *
 * @example
 * siteClaimOwner('rss.xml', []);      // 'bản tin RSS (/rss.xml)'
 * siteClaimOwner('luu-tru/2020', []); // 'các trang lưu trữ (/luu-tru/)'
 * siteClaimOwner('tin-tuc/a.html', []); // undefined
 */
export function siteClaimOwner(key: string, publicFiles: ReadonlySet<string>): string | undefined {
  const segments = key === '' ? [''] : key.split('/');
  const folder = SITE_FOLDERS[segments[0]!];
  if (folder) return `${folder} (/${segments[0]}/)`;
  for (let end = 1; end <= segments.length; end++) {
    const prefix = segments.slice(0, end).join('/');
    const file = SITE_FILES[prefix] ?? (/^sitemap-\d+\.xml$/.test(prefix) ? 'sơ đồ trang' : undefined);
    if (file) return `${file} (/${prefix})`;
    if (publicFiles.has(prefix)) return `tệp /${prefix} trong public/`;
  }
  return undefined;
}
