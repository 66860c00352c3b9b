/**
 * Content checks beyond the schema, for `npm run check`: links in an article's body to
 * articles or categories that do not exist (or are not published yet), images in the body
 * that break the rule of `body-images.ts` (as the build reports them), an empty body, and mixed tone-mark placement ("hòa" and "hoà"
 * in one article). Pure: the caller says which files exist and what time it is.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parseArticle, type ArticleParseResult, type ParsedArticle } from './article.ts';
import { BODY_IMAGE_EXPECTED, bodyImageProblem } from './body-images.ts';
import type { ContentIssue } from './content-issues.ts';
import type { Category } from './schema.ts';
import { nearest } from './text.ts';

/** What an article will be once built, as far as links to it are concerned. */
export interface LinkTarget {
  file: string;
  draft: boolean;
  date: Date;
}

export interface LintContext {
  /** The site's public URL (`content/site.yaml`), so absolute links to it count as internal. */
  siteUrl: string;
  /** Every article slug, including those of files with errors (they still claim their URL). */
  articles: ReadonlyMap<string, LinkTarget | undefined>;
  /** Slug of every article file, by site-relative path, for relative `.md` links. */
  slugOfFile: ReadonlyMap<string, string>;
  categories: readonly Category[];
  /** The build time: links to articles dated later are not live yet. */
  now: Date;
}

export interface FoundUrl {
  url: string;
  kind: 'link' | 'image';
  /** 1-based line in the body. */
  line: number;
}

const parser = unified().use(remarkParse).use(remarkGfm);
const HTML_URL = /<(a|img|source)\b[^>]*?\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
// Bodies without any of these hold no link or image worth parsing Markdown for.
const MAY_LINK = /\]\(|\]:|\]\[|<[a-z]|https?:\/\//i;

// Whatever follows `](`, `]:`, `href=`, `src=` or `<`: every place a URL can be written.
const URL_CANDIDATES = /(?:\]\(\s*<?|\]:\s*<?|\b(?:href|src)\s*=\s*["']?|<)([^\s)"'>]+)/gi;
// An image written without an address, which no candidate above catches: always parsed for.
const EMPTY_IMAGE = /!\[[^\]]*\]\(\s*\)|<img\b[^>]*\ssrc\s*=\s*(?:""|'')/i;

/** An HTML comment blanked out, newlines kept: markup inside it is never rendered. */
const blankComments = (html: string) =>
  html.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' '));

/**
 * Every link and image URL written in a Markdown body, with its line: Markdown links,
 * images (by reference too, at the image's line), reference definitions, autolinks and
 * `<a href>`/`<img src>` in raw HTML outside comments. When
 * `worthParsing` is given, a body none of whose candidate URLs it accepts is not parsed
 * (Markdown parsing is the costly part, and most links point to other sites).
 *
 * @example
 * bodyUrls('Xem [bài trước](/bai-viet/a/).\n\n![ảnh](images/b.jpg)');
 * // [{ url: '/bai-viet/a/', kind: 'link', line: 1 }, { url: 'images/b.jpg', kind: 'image', line: 3 }]
 */
export function bodyUrls(body: string, worthParsing?: (url: string) => boolean): FoundUrl[] {
  if (!MAY_LINK.test(body)) return [];
  if (
    worthParsing &&
    !EMPTY_IMAGE.test(body) &&
    ![...body.matchAll(URL_CANDIDATES)].some((match) => worthParsing(match[1]!))
  )
    return [];
  const found: FoundUrl[] = [];
  const tree = parser.parse(body) as Root;
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  });
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'link' || node.type === 'definition') found.push({ url: node.url, kind: 'link', line });
    else if (node.type === 'image') found.push({ url: node.url, kind: 'image', line });
    else if (node.type === 'imageReference') {
      const url = definitions.get(node.identifier);
      if (url !== undefined) found.push({ url, kind: 'image', line });
    } else if (node.type === 'html') {
      const html = blankComments(node.value);
      for (const match of html.matchAll(HTML_URL)) {
        const offset = html.slice(0, match.index).split('\n').length - 1;
        const url = match[3] ?? match[4] ?? match[5] ?? '';
        found.push({ url, kind: match[1]!.toLowerCase() === 'a' ? 'link' : 'image', line: line + offset });
      }
    }
  });
  return found;
}

/**
 * Whether a URL written in a body may point into the site: relative, root-relative, or
 * absolute on the site's own host. Others need no checking, unless {@link worthChecking}
 * finds them a body image could break the rule with.
 *
 * @example
 * pointsIntoSite('https://lamdongtv.example/bai-viet/a/', 'lamdongtv.example'); // true
 * pointsIntoSite('https://vnexpress.net/a', 'lamdongtv.example');                // false
 */
export function pointsIntoSite(url: string, siteHost: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return !url.startsWith('#') && !url.startsWith('//');
  if (scheme !== 'http' && scheme !== 'https') return false;
  return /^https?:\/\/([^/?#]+)/i.exec(url)?.[1]?.toLowerCase() === siteHost.toLowerCase();
}

/**
 * For {@link bodyUrls}: whether a URL found in this body needs the Markdown parsed. It may
 * point into the site, or break the body-image rule in a body that holds an image (bodies of
 * an old `http://` site's links and no image are not parsed for them).
 *
 * @example
 * worthChecking('Xem [a](http://baolamdong.vn/a)', 'lamdongtv.example')('http://baolamdong.vn/a'); // false
 * worthChecking('![a](http://baolamdong.vn/a.jpg)', 'lamdongtv.example')('http://baolamdong.vn/a.jpg'); // true
 */
export function worthChecking(body: string, siteHost: string): (url: string) => boolean {
  const mayHoldImages = /!\[|<img\b/i.test(body);
  return (url) => pointsIntoSite(url, siteHost) || (mayHoldImages && bodyImageProblem(url) !== undefined);
}

const SKIPPED_SCHEMES = /^(mailto|tel|sms|javascript|data|blob):/i;

function posixJoin(dir: string, relative: string): string {
  const parts = dir.split('/').filter(Boolean);
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Problems with the links and images in one article's body; `urls` are its
 * {@link bodyUrls} when already extracted (by a worker thread).
 *
 * @example
 * lintBodyLinks(article, context);
 * // [{ file: 'content/articles/a.md', line: 12, value: '/bai-viet/khong-co/', message: 'liên kết tới bài viết không có …', … }]
 */
export function lintBodyLinks(
  article: ParsedArticle,
  context: LintContext,
  urls: readonly FoundUrl[] = bodyUrls(article.body, worthChecking(article.body, new URL(context.siteUrl).host)),
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const site = new URL(context.siteUrl);
  const page = new URL(`/bai-viet/${article.data.slug}/`, site);
  const articleDir = article.file.split('/').slice(0, -1).join('/');
  const issue = (found: FoundUrl, severity: ContentIssue['severity'], message: string, expected?: string) =>
    issues.push({
      file: article.file,
      line: article.bodyLine + found.line - 1,
      value: found.url,
      message,
      expected,
      severity,
    });

  for (const found of urls) {
    const written = found.url.trim();
    if (found.kind === 'image') {
      const problem = bodyImageProblem(written);
      // The build refuses the same image with the same words (`renderArticleBody`).
      if (problem) issue(found, 'error', problem.message, BODY_IMAGE_EXPECTED);
      continue;
    }
    if (!written || written.startsWith('#') || SKIPPED_SCHEMES.test(written)) continue;
    let resolved: URL;
    try {
      resolved = new URL(written, page);
    } catch {
      issue(
        found,
        'error',
        'địa chỉ không đọc được',
        'một đường dẫn (/bai-viet/ten-bai/) hoặc địa chỉ đầy đủ (https://…)',
      );
      continue;
    }
    const internal = resolved.host === site.host && /^https?:$/.test(resolved.protocol);
    if (!internal) continue;
    const isRelative = !/^[a-z][a-z0-9+.-]*:|^\//i.test(written);
    const pathOnly = safeDecode(written.split(/[?#]/)[0]!);

    if (isRelative && /\.md$/i.test(pathOnly)) {
      const target = posixJoin(articleDir, pathOnly);
      const slug = context.slugOfFile.get(target);
      issue(
        found,
        'error',
        slug
          ? `liên kết tới tệp .md không dùng được trên trang; địa chỉ của bài là /bai-viet/${slug}/`
          : `liên kết tới bài viết không có (không có tệp ${target})`,
        'đường dẫn của bài trên trang: /bai-viet/<tên-tệp-không-có-.md>/',
      );
      continue;
    }

    const segments = resolved.pathname.split('/').filter(Boolean).map(safeDecode);
    if (segments[0] === 'bai-viet' && segments[1]) {
      const slug = segments[1];
      if (!context.articles.has(slug)) {
        // A typo keeps the length: comparing with every slug of a large archive would be slow.
        const similar = [...context.articles.keys()].filter((other) => Math.abs(other.length - slug.length) <= 3);
        const closest = nearest(slug, similar, 3);
        issue(
          found,
          'error',
          `liên kết tới bài viết không có (/bai-viet/${slug}/)${closest ? `; gần nhất là /bai-viet/${closest}/` : ''}`,
          'đường dẫn /bai-viet/<tên-tệp>/ của một bài có thật',
        );
        continue;
      }
      const target = context.articles.get(slug);
      if (target?.draft) {
        issue(
          found,
          'warning',
          `bài được liên kết (${target.file}) đang là bản nháp: liên kết sẽ hỏng cho tới khi bài được đăng`,
        );
      } else if (target && target.date.getTime() > context.now.getTime()) {
        issue(found, 'warning', `bài được liên kết (${target.file}) hẹn giờ đăng sau: liên kết sẽ hỏng cho tới lúc đó`);
      }
    } else if (segments[0] === 'chuyen-muc' && segments[1]) {
      if (!context.categories.some((category) => category.slug === segments[1])) {
        const closest = nearest(
          segments[1],
          context.categories.map((category) => category.slug),
        );
        issue(
          found,
          'error',
          `liên kết tới chuyên mục không có (/chuyen-muc/${segments[1]}/)${closest ? `; gần nhất là /chuyen-muc/${closest}/` : ''}`,
          'đường dẫn /chuyen-muc/<đường-dẫn-chuyên-mục>/ có trong content/categories.yaml',
        );
      }
    }
  }
  return issues;
}

// Tone marks (huyền, sắc, ngã, hỏi, nặng) and the vowel marks that make another vowel.
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const VOWEL_MARKS = new Set(['\u0302', '\u0306', '\u031b']);

/** Where a word ending in oa/oe/uy puts its tone mark, if the two styles differ for it. */
export type ToneStyle = 'cũ' | 'mới';

/**
 * Tells the old ("hòa", "khỏe", "thủy") from the new ("hoà", "khoẻ", "thuỷ") placement of
 * the tone mark in an open syllable ending in oa, oe or uy. Other words have one placement.
 *
 * @example
 * toneStyle('Hòa'); // 'cũ'
 * toneStyle('hoà'); // 'mới'
 * toneStyle('hoàn'); // undefined (closed syllable: one placement only)
 * toneStyle('quý'); // undefined (qu is a consonant)
 */
export function toneStyle(word: string): ToneStyle | undefined {
  const letters: { base: string; marks: string[] }[] = [];
  for (const char of word.normalize('NFD').toLowerCase()) {
    if (/\p{M}/u.test(char)) letters.at(-1)?.marks.push(char);
    else letters.push({ base: char, marks: [] });
  }
  const [before, first, second] = [letters.at(-3), letters.at(-2), letters.at(-1)];
  if (!first || !second) return undefined;
  const pair = first.base + second.base;
  if (pair !== 'oa' && pair !== 'oe' && pair !== 'uy') return undefined;
  if (pair === 'uy' && before?.base === 'q') return undefined;
  if ([...first.marks, ...second.marks].some((mark) => VOWEL_MARKS.has(mark))) return undefined;
  const onFirst = first.marks.some((mark) => TONE_MARKS.has(mark));
  const onSecond = second.marks.some((mark) => TONE_MARKS.has(mark));
  if (onFirst === onSecond) return undefined;
  return onFirst ? 'cũ' : 'mới';
}

/**
 * Warns when one article mixes both tone placements, pointing at the first word of the
 * less used style. Reads the whole file, title and lead included.
 *
 * @example
 * lintTonePlacement('content/articles/a.md', '---\ntiêu đề: Hòa bình\n---\nHoà nhập');
 * // [{ line: 4, value: 'Hoà', message: 'dùng lẫn hai kiểu đặt dấu thanh: …', severity: 'warning' }]
 */
export function lintTonePlacement(file: string, source: string): ContentIssue[] {
  const seen: Record<ToneStyle, { word: string; line: number; count: number } | undefined> = {
    cũ: undefined,
    mới: undefined,
  };
  source
    .normalize('NFC')
    .split('\n')
    .forEach((text, index) => {
      for (const [word] of text.matchAll(/\p{L}[\p{L}\p{M}]*/gu)) {
        const style = toneStyle(word);
        if (!style) continue;
        const entry = seen[style];
        if (entry) entry.count++;
        else seen[style] = { word, line: index + 1, count: 1 };
      }
    });
  const old = seen['cũ'];
  const modern = seen['mới'];
  if (!old || !modern) return [];
  const minority = modern.count < old.count || (modern.count === old.count && modern.line > old.line) ? modern : old;
  return [
    {
      file,
      line: minority.line,
      value: minority.word,
      message: `dùng lẫn hai kiểu đặt dấu thanh: kiểu cũ "${old.word}" (${old.count} chỗ, từ dòng ${old.line}) và kiểu mới "${modern.word}" (${modern.count} chỗ, từ dòng ${modern.line})`,
      expected: 'một kiểu trong cả bài: kiểu cũ (hòa, khỏe, thủy) hoặc kiểu mới (hoà, khoẻ, thuỷ)',
      severity: 'warning',
    },
  ];
}

/**
 * Warns about a published article whose body is empty (HTML comments do not count).
 *
 * @example
 * lintEmptyBody(article); // [{ message: 'bài chưa có nội dung', severity: 'warning', … }]
 */
export function lintEmptyBody(article: ParsedArticle): ContentIssue[] {
  if (article.data.draft || article.body.replace(/<!--[\s\S]*?-->/g, '').trim()) return [];
  return [
    {
      file: article.file,
      line: article.bodyLine,
      message: 'bài chưa có nội dung',
      expected: 'nội dung bài viết bên dưới dòng --- thứ hai, hoặc "nháp: true" nếu bài chưa xong',
      severity: 'warning',
    },
  ];
}

/**
 * Every content-lint issue of one parsed article.
 *
 * @example
 * lintArticle(article, source, context); // [...lintBodyLinks, ...lintTonePlacement, ...lintEmptyBody]
 */
export function lintArticle(article: ParsedArticle, source: string, context: LintContext): ContentIssue[] {
  return [...lintBodyLinks(article, context), ...lintTonePlacement(article.file, source), ...lintEmptyBody(article)];
}

/** What one file yields before the checks that need every article: see {@link prepareArticle}. */
export interface PreparedArticle {
  result: ArticleParseResult;
  /** Links and images of the body (empty when the article has errors or no internal URL). */
  urls: FoundUrl[];
  /** Tone-placement warnings of the file. */
  tone: ContentIssue[];
}

/**
 * The per-file part of `npm run check`: parse and validate, extract the body's URLs, check
 * tone placement. Independent of other files, so it can run on any thread.
 *
 * @example
 * prepareArticle('content/articles/a.md', source, categories, 'lamdongtv.example');
 * // { result: { ok: true, article }, urls: [...], tone: [] }
 */
export function prepareArticle(
  file: string,
  source: string,
  categories: readonly Category[],
  siteHost: string,
): PreparedArticle {
  const result = parseArticle(file, source, categories);
  return {
    result,
    urls: result.ok ? bodyUrls(result.article.body, worthChecking(result.article.body, siteHost)) : [],
    tone: lintTonePlacement(file, source),
  };
}
