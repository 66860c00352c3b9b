/**
 * Reads a `_headers` file (the format Cloudflare Pages and Netlify share) and works out the
 * headers a path is served with, so tests and the audit serve `dist/` as the CDN would.
 * Matching rules add up; a header named by several matching rules is sent once, with the
 * values joined by a comma (as both hosts do), and `! Name` removes a header set by an
 * earlier rule (Cloudflare).
 */

export interface HeaderRule {
  /** URL path pattern: `*` matches anything (slashes included), `:name` one segment. */
  pattern: string;
  headers: [name: string, value: string][];
  /** Headers an earlier matching rule set that this rule removes (`! Name`). */
  detach: string[];
  /** 1-based line of the pattern, for messages. */
  line: number;
}

export interface HeadersFileProblem {
  line: number;
  message: string;
}

/**
 * Parses a `_headers` file.
 *
 * @example
 * parseHeadersFile('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n').rules;
 * // [{ pattern: '/_astro/*', headers: [['Cache-Control', 'public, max-age=31536000, immutable']], detach: [], line: 1 }]
 */
export function parseHeadersFile(text: string): { rules: HeaderRule[]; problems: HeadersFileProblem[] } {
  const rules: HeaderRule[] = [];
  const problems: HeadersFileProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim() || raw.trim().startsWith('#')) return;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), headers: [], detach: [], line });
      return;
    }
    const rule = rules.at(-1);
    const entry = raw.trim();
    if (!rule) {
      problems.push({ line, message: 'dòng tiêu đề thụt vào nhưng chưa có đường dẫn nào phía trên' });
      return;
    }
    if (entry.startsWith('!')) {
      rule.detach.push(entry.slice(1).trim());
      return;
    }
    const colon = entry.indexOf(':');
    if (colon <= 0) {
      problems.push({ line, message: `không phải dạng "Tên: giá trị": ${entry}` });
      return;
    }
    rule.headers.push([entry.slice(0, colon).trim(), entry.slice(colon + 1).trim()]);
  });
  return { rules, problems };
}

function patternRegExp(pattern: string): RegExp {
  // Absolute URL patterns match on their path; the host is the deployment's.
  const path = pattern.replace(/^https?:\/\/[^/]+/i, '') || '/';
  const source = path
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => {
      if (part === '*') return '.*';
      if (/^:[A-Za-z]\w*$/.test(part)) return '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * Whether a rule's pattern matches a request path.
 *
 * @example
 * ruleMatches('/_astro/*', '/_astro/a.B1c2.css'); // true
 */
export function ruleMatches(pattern: string, pathname: string): boolean {
  return patternRegExp(pattern).test(pathname);
}

/**
 * The headers the CDN adds to a response for `pathname`, by lower-case name.
 *
 * @example
 * headersFor(rules, '/bai-viet/a/'); // { 'content-security-policy': "frame-ancestors 'none'; …", 'cache-control': '…' }
 */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules) {
    if (!ruleMatches(rule.pattern, pathname)) continue;
    for (const name of rule.detach) delete result[name.toLowerCase()];
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      result[key] = result[key] === undefined ? value : `${result[key]}, ${value}`;
    }
  }
  return result;
}

/**
 * The rules that set a given header for a path: more than one means the CDN will join
 * their values, which for `Cache-Control` is a contradiction.
 *
 * @example
 * rulesSetting(rules, '/_astro/a.css', 'Cache-Control').map((rule) => rule.pattern); // ['/_astro/*']
 */
export function rulesSetting(rules: readonly HeaderRule[], pathname: string, header: string): HeaderRule[] {
  const wanted = header.toLowerCase();
  return rules.filter(
    (rule) => ruleMatches(rule.pattern, pathname) && rule.headers.some(([name]) => name.toLowerCase() === wanted),
  );
}
