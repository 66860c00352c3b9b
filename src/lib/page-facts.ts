/**
 * What a built file refers to, as the verifier reads it: the links, images, scripts, stylesheets,
 * anchors and head facts of an HTML page, the URLs of a stylesheet or an XML file, the sources of
 * a `_redirects` file. Pure: the caller reads the files and hands their text over.
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
