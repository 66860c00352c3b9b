/**
 * Checks a built site before it is deployed: every internal link, image, script, stylesheet
 * and anchor resolves to a file in `dist/` (as a static CDN would serve it), every page has a
 * title, a canonical URL, a language and a Content-Security-Policy that lets no inline or
 * evaluated script run, and no page is over the size budget. Pure: the
 * script reads the files and hands their text over; this module parses and judges.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** One URL a file refers to, with where and how it is written. */
export interface Reference {
  url: string;
  line: number;
  /** How the reference is written, for the message: `<a href>`, `url()`, `<loc>`… */
  via: string;
}

/** What the verifier needs to know about one HTML page. */
export interface PageFacts {
  title: string | undefined;
  canonical: string | undefined;
  lang: string | undefined;
  /** A redirect page for an old URL (`<meta http-equiv="refresh">`). */
  redirect: boolean;
  /** `<meta name="robots" content="noindex">`: its canonical need not be served (404 page). */
  noindex: boolean;
  /** The policy of `<meta http-equiv="content-security-policy">`, if the page has one. */
  csp: string | undefined;
  ids: Set<string>;
  duplicateIds: Map<string, number>;
  references: Reference[];
}

/** One problem in one file of `dist/`, in Vietnamese. */
export interface DistProblem {
  /** Path relative to `dist/`. */
  file: string;
  line?: number | undefined;
  message: string;
}

const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const lineOf = (node: Node) => node.sourceCodeLocation?.startLine ?? 1;

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** The URLs in a `srcset`: each candidate is a URL, then an optional descriptor. */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,\s+/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  script: ['src'],
  input: ['src'],
  form: ['action'],
};
const CHECKED_META = new Set(['og:image', 'og:image:url', 'og:url', 'og:video', 'twitter:image']);
const UNCHECKED_LINK_RELS = new Set(['preconnect', 'dns-prefetch']);

/**
 * Reads the facts of one HTML page with a real HTML parser.
 *
 * @example
 * analyseHtml('<html lang="vi"><title>Tin</title><a href="/a/#b">a</a></html>').references;
 * // [{ url: '/a/#b', line: 1, via: '<a href>' }]
 */
export function analyseHtml(html: string): PageFacts {
  const facts: PageFacts = {
    title: undefined,
    canonical: undefined,
    lang: undefined,
    redirect: false,
    noindex: false,
    csp: undefined,
    ids: new Set(),
    duplicateIds: new Map(),
    references: [],
  };
  const canonicals: Reference[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node) {
      const element = node;
      const tag = element.tagName;
      const line = lineOf(element);
      const id = attr(element, 'id');
      if (id) {
        if (facts.ids.has(id)) facts.duplicateIds.set(id, (facts.duplicateIds.get(id) ?? 1) + 1);
        facts.ids.add(id);
      }
      // Old-style anchors (`<a name>`) are targets too.
      const name = tag === 'a' ? attr(element, 'name') : undefined;
      if (name) facts.ids.add(name);
      if (tag === 'html') facts.lang = attr(element, 'lang')?.trim() || undefined;
      if (tag === 'title' && facts.title === undefined) facts.title = textOf(element).trim();
      for (const name of URL_ATTRIBUTES[tag] ?? []) {
        const value = attr(element, name);
        if (value === undefined) continue;
        const urls = name === 'srcset' ? srcsetUrls(value) : [value];
        for (const url of urls) facts.references.push({ url, line, via: `<${tag} ${name}>` });
      }
      if (tag === 'link') {
        const rels = (attr(element, 'rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        const href = attr(element, 'href');
        if (rels.includes('canonical')) facts.canonical = href?.trim() || undefined;
        if (href && !rels.some((rel) => UNCHECKED_LINK_RELS.has(rel))) {
          const reference = { url: href, line, via: `<link rel="${rels.join(' ')}">` };
          (rels.includes('canonical') ? canonicals : facts.references).push(reference);
        }
      }
      if (tag === 'meta') {
        const property = (attr(element, 'property') ?? attr(element, 'name') ?? '').toLowerCase();
        const content = attr(element, 'content') ?? '';
        if (CHECKED_META.has(property) && content) {
          // og:url names the page itself, like the canonical link.
          (property === 'og:url' ? canonicals : facts.references).push({
            url: content,
            line,
            via: `<meta property="${property}">`,
          });
        }
        if (property === 'robots' && /noindex/i.test(content)) facts.noindex = true;
        const httpEquiv = (attr(element, 'http-equiv') ?? '').toLowerCase();
        if (httpEquiv === 'content-security-policy' && facts.csp === undefined) facts.csp = content.trim();
        if (httpEquiv === 'refresh') {
          facts.redirect = true;
          const target = /url\s*=\s*['"]?([^'"]+)/i.exec(content)?.[1];
          if (target) facts.references.push({ url: target.trim(), line, via: '<meta http-equiv="refresh">' });
        }
      }
    }
    if ('childNodes' in node) node.childNodes.forEach(walk);
    if ('content' in node && node.nodeName === 'template') walk(node.content);
  };
  walk(parse(html, { sourceCodeLocationInfo: true }));
  // A page kept out of search engines (the 404 page) may name a canonical URL it is not
  // served at; every other page's own URL must exist.
  if (!facts.noindex) facts.references.push(...canonicals);
  return facts;
}

/**
 * The `url()` references of a stylesheet.
 *
 * @example
 * cssReferences('@font-face { src: url("./a.woff2") format("woff2") }'); // [{ url: './a.woff2', line: 1, via: 'url()' }]
 */
export function cssReferences(css: string): Reference[] {
  const references: Reference[] = [];
  for (const match of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g)) {
    const url = match[1] ?? match[2] ?? match[3] ?? '';
    const line = css.slice(0, match.index).split('\n').length;
    references.push({ url, line, via: 'url()' });
  }
  return references;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name]!);

/**
 * The page URLs of a sitemap or feed: `<loc>`, `<link>` and `<atom:link href>`.
 *
 * @example
 * xmlReferences('<url><loc>https://x.vn/a/</loc></url>'); // [{ url: 'https://x.vn/a/', line: 1, via: '<loc>' }]
 */
export function xmlReferences(xml: string): Reference[] {
  const references: Reference[] = [];
  const pattern = /<(loc|link)>\s*([^<]+?)\s*<\/\1>|<atom:link\b[^>]*\bhref="([^"]+)"/g;
  for (const match of xml.matchAll(pattern)) {
    const line = xml.slice(0, match.index).split('\n').length;
    references.push({
      url: unescapeXml(match[2] ?? match[3] ?? ''),
      line,
      via: match[1] ? `<${match[1]}>` : '<atom:link>',
    });
  }
  return references;
}

/**
 * The source paths of a `_redirects` file (Netlify and Cloudflare Pages format).
 *
 * @example
 * redirectSources('/tin/a /bai-viet/a/ 301\n# ghi chú\n'); // ['/tin/a']
 */
export function redirectSources(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(/\s+/)[0]!);
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

  const check = (file: string, reference: Reference, ownIds: ReadonlySet<string> | undefined) => {
    const written = reference.url.trim();
    if (!written || SKIPPED.test(written)) return;
    references++;
    let url: URL;
    try {
      url = new URL(written, new URL(`/${file}`, origin));
    } catch {
      problems.push({ file, line: reference.line, message: `địa chỉ không đọc được (${reference.via}): "${written}"` });
      return;
    }
    if (url.host !== origin.host || !/^https?:$/.test(url.protocol)) return;
    const fragment = safeDecode(url.hash.slice(1));
    const samePage = written.startsWith('#');
    const target = samePage ? file : servedFile(url.pathname, snapshot.files, snapshot.redirects);
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
