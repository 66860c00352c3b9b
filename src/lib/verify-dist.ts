/**
 * Checks a built site before it is deployed: every internal link, image, script, stylesheet
 * and anchor resolves to a file in `dist/` (as a static CDN would serve it), every page has a
 * title, a canonical URL, a language and a Content-Security-Policy that lets no inline or
 * evaluated script run, and no page is over the size budget. Pure: the script reads the files,
 * `page-facts.ts` says what each refers to, and this module judges.
 */
import type { PageFacts, Reference } from './page-facts.ts';

/** One problem in one file of `dist/`, in Vietnamese. */
export interface DistProblem {
  /** Path relative to `dist/`. */
  file: string;
  line?: number | undefined;
  message: string;
}

/** Everything the verifier reads from `dist/`, by path relative to it (`/` separators). */
export interface DistSnapshot {
  /** Every file in `dist/`. */
  files: ReadonlySet<string>;
  pages: ReadonlyMap<string, PageFacts>;
  /** Byte size of each HTML page. */
  sizes: ReadonlyMap<string, number>;
  /** References found in stylesheets, sitemaps and feeds, by file. */
  other: ReadonlyMap<string, Reference[]>;
  /** Paths `_redirects` answers for. */
  redirects: ReadonlySet<string>;
}

export interface VerifyOptions {
  /** The site's public origin: absolute URLs on it are internal. */
  siteUrl?: string | undefined;
  /** Largest HTML page allowed, in bytes. */
  maxHtmlBytes: number;
}

export interface VerifyResult {
  problems: DistProblem[];
  pages: number;
  references: number;
}

const SKIPPED = /^(?:mailto|tel|sms|javascript|data|blob|about):/i;

function parseUrl(written: string, base: URL): URL | undefined {
  try {
    return new URL(written, base);
  } catch {
    return undefined;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The file a CDN serves for a path: `/a/` → `a/index.html`, `/a` → `a`, `a/index.html` or
 * `a.html`; paths `_redirects` answers for count as served.
 *
 * @example
 * servedFile('/bai-viet/a/', new Set(['bai-viet/a/index.html']), new Set()); // 'bai-viet/a/index.html'
 */
export function servedFile(
  pathname: string,
  files: ReadonlySet<string>,
  redirects: ReadonlySet<string>,
): string | undefined {
  const decoded = safeDecode(pathname);
  if (redirects.has(pathname) || redirects.has(decoded) || redirects.has(decoded.replace(/\/$/, '')))
    return '_redirects';
  const path = decoded.replace(/^\/+/, '');
  const candidates =
    path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`, `${path}.html`];
  return candidates.find((candidate) => files.has(candidate));
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/**
 * What is wrong with a page's Content-Security-Policy, if anything: every page, redirect
 * pages included, must carry one, and it must not let inline or evaluated script run.
 *
 * @example
 * cspProblem(undefined); // 'thiếu Content-Security-Policy (<meta http-equiv="content-security-policy">)'
 * cspProblem("default-src 'none'"); // undefined
 */
export function cspProblem(written: string | undefined): string | undefined {
  const csp = written?.trim();
  if (!csp) return 'thiếu Content-Security-Policy (<meta http-equiv="content-security-policy">)';
  const directives = new Map(
    csp
      .split(';')
      .map((directive) => directive.trim().toLowerCase().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources] as const),
  );
  const scripts = directives.get('script-src') ?? directives.get('default-src');
  if (!scripts) return `Content-Security-Policy không giới hạn script (không có script-src hay default-src): "${csp}"`;
  const unsafe = scripts.find((source) => source === "'unsafe-inline'" || source === "'unsafe-eval'");
  return unsafe ? `Content-Security-Policy cho chạy script ${unsafe}: "${csp}"` : undefined;
}

/**
 * Every problem of a built site.
 *
 * @example
 * verifyDist(snapshot, { siteUrl: 'https://lamdongtv.example', maxHtmlBytes: 200 * 1024 }).problems;
 * // [{ file: 'bai-viet/a/index.html', line: 12, message: 'liên kết hỏng (<a href>): "/bai-viet/b/" không có trong dist/' }]
 */
export function verifyDist(snapshot: DistSnapshot, options: VerifyOptions): VerifyResult {
  const problems: DistProblem[] = [];
  const origin = new URL(options.siteUrl ?? 'https://dist.invalid');
  let references = 0;

  for (const required of ['index.html', '404.html']) {
    if (!snapshot.files.has(required)) problems.push({ file: required, message: 'thiếu tệp này trong dist/' });
  }

  // Most links (the menu, the lists) are written the same on every page: an address that does
  // not depend on the page it is on is resolved, and its file found, once.
  const resolvedOnce = new Map<string, URL | undefined>();
  const resolve = (written: string, file: string): URL | undefined => {
    if (!/^(?:\/(?!\/)|https?:\/\/)/i.test(written)) return parseUrl(written, new URL(`/${file}`, origin));
    if (!resolvedOnce.has(written)) resolvedOnce.set(written, parseUrl(written, origin));
    return resolvedOnce.get(written);
  };
  const servedOnce = new Map<string, string | undefined>();
  const serve = (pathname: string) => {
    if (!servedOnce.has(pathname)) servedOnce.set(pathname, servedFile(pathname, snapshot.files, snapshot.redirects));
    return servedOnce.get(pathname);
  };

  const check = (file: string, reference: Reference, ownIds: ReadonlySet<string> | undefined) => {
    const written = reference.url.trim();
    if (!written || SKIPPED.test(written)) return;
    references++;
    const url = resolve(written, file);
    if (!url) {
      problems.push({ file, line: reference.line, message: `địa chỉ không đọc được (${reference.via}): "${written}"` });
      return;
    }
    if (url.host !== origin.host || !/^https?:$/.test(url.protocol)) return;
    const fragment = safeDecode(url.hash.slice(1));
    const samePage = written.startsWith('#');
    const target = samePage ? file : serve(url.pathname);
    if (!target) {
      problems.push({
        file,
        line: reference.line,
        message: `liên kết hỏng (${reference.via}): "${written}" không có trong dist/`,
      });
      return;
    }
    if (!fragment || fragment === 'top' || !target.endsWith('.html')) return;
    const ids = samePage ? ownIds : snapshot.pages.get(target)?.ids;
    if (ids && !ids.has(fragment)) {
      problems.push({
        file,
        line: reference.line,
        message: `neo hỏng (${reference.via}): "${written}": trang ${target} không có id "${fragment}"`,
      });
    }
  };

  for (const [file, page] of snapshot.pages) {
    if (!page.redirect) {
      if (!page.title) problems.push({ file, message: 'thiếu <title> hoặc <title> rỗng' });
      if (!page.canonical) problems.push({ file, message: 'thiếu <link rel="canonical">' });
      if (!page.lang) problems.push({ file, message: 'thiếu thuộc tính lang ở thẻ <html>' });
    }
    const csp = cspProblem(page.csp);
    if (csp) problems.push({ file, message: csp });
    const size = snapshot.sizes.get(file) ?? 0;
    if (size > options.maxHtmlBytes) {
      problems.push({ file, message: `trang nặng ${kb(size)}, vượt ngân sách ${kb(options.maxHtmlBytes)}` });
    }
    for (const [id, count] of page.duplicateIds) {
      problems.push({ file, message: `id "${id}" xuất hiện ${count} lần: neo tới id này không rõ ràng` });
    }
    for (const reference of page.references) check(file, reference, page.ids);
  }
  for (const [file, list] of snapshot.other) for (const reference of list) check(file, reference, undefined);

  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { problems, pages: snapshot.pages.size, references };
}

/**
 * The verifier's report: one `file:line: problem` per line, then a summary.
 *
 * @example
 * formatDistReport({ problems: [], pages: 40, references: 900 }, 'dist');
 * // 'Đã kiểm tra 40 trang và 900 liên kết trong dist/: không có vấn đề.'
 */
export function formatDistReport(result: VerifyResult, dir: string): string {
  if (!result.problems.length) {
    return `Đã kiểm tra ${result.pages} trang và ${result.references} liên kết trong ${dir}/: không có vấn đề.`;
  }
  const lines = result.problems.map(
    (problem) => `${dir}/${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`,
  );
  const files = new Set(result.problems.map((problem) => problem.file)).size;
  // A broken link in the header or footer repeats on every page: name it once more, with its count.
  const repeated = new Map<string, number>();
  for (const problem of result.problems) {
    const target = /^liên kết hỏng \([^)]*\): ("[^"]*")/.exec(problem.message)?.[1];
    if (target) repeated.set(target, (repeated.get(target) ?? 0) + 1);
  }
  const common = [...repeated].filter(([, count]) => count > 1).sort((a, b) => b[1] - a[1]);
  return [
    ...lines,
    ...(common.length
      ? ['', `Đích hỏng lặp lại: ${common.map(([target, count]) => `${target} (${count} chỗ)`).join(', ')}.`]
      : []),
    '',
    `${result.problems.length} vấn đề trong ${files} tệp (đã kiểm tra ${result.pages} trang và ${result.references} liên kết). Không được triển khai ${dir}/ khi còn vấn đề.`,
  ].join('\n');
}
