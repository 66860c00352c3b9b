/**
 * Old URLs (front matter `aliases`) as a `_redirects` file for CDNs that read one
 * (Netlify, Cloudflare Pages) and as HTML pages for those that do not.
 */
import { escapeXml } from './xml.ts';

/** `decodeURI` that leaves a malformed escape (a bare `%`) as written instead of throwing. */
function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

export interface Redirect {
  from: string;
  to: string;
}

/**
 * @example
 * redirectsFile([{ from: '/tin-tuc/a.html', to: '/bai-viet/a/' }]); // '/tin-tuc/a.html /bai-viet/a/ 301\n'
 */
export function redirectsFile(redirects: readonly Redirect[]): string {
  return redirects.map(({ from, to }) => `${encodeURI(safeDecode(from))} ${to} 301\n`).join('');
}

/**
 * Where a redirect page is written in `dist/`: a path ending in a file name keeps it,
 * anything else gets `index.html`.
 *
 * @example
 * redirectFilePath('/tin-tuc/a.html'); // 'tin-tuc/a.html'
 * redirectFilePath('/tin-tuc/a');      // 'tin-tuc/a/index.html'
 */
export function redirectFilePath(from: string): string {
  const path = safeDecode(from.split('?')[0]!).replace(/^\/+/, '');
  return /\.html?$/i.test(path) ? path : `${path.replace(/\/?$/, '/')}index.html`;
}

/**
 * The Content-Security-Policy of a redirect page: it loads nothing, runs nothing and posts
 * nothing; the refresh and the link are navigations, which the policy does not govern.
 */
export const REDIRECT_PAGE_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * A minimal page that sends readers and crawlers to the new URL without any script, under
 * {@link REDIRECT_PAGE_CSP}.
 *
 * @example
 * redirectPage('https://x.vn/bai-viet/a/', 'Cụm thi đua', 'Bài viết đã chuyển sang địa chỉ mới:');
 * // '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" …'
 */
export function redirectPage(target: string, title: string, message: string): string {
  const href = escapeXml(target);
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${REDIRECT_PAGE_CSP}"><title>${escapeXml(title)}</title><link rel="canonical" href="${href}"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=${href}"></head><body><p>${escapeXml(message)} <a href="${href}">${escapeXml(title)}</a></p></body></html>\n`;
}

/** Written by `src/pages/redirects.json.ts`, consumed and removed by `src/integrations/archive-postbuild.ts`. */
export const REDIRECTS_MANIFEST = 'redirects.json';

export interface RedirectManifest {
  message: string;
  redirects: (Redirect & { title: string; absolute: string })[];
}
