/**
 * Markdown to safe HTML for article bodies: GFM, raw HTML parsed, body images held to the
 * rule of `body-images.ts`, then sanitised (ids and names prefixed, in-page links following
 * them), embeds narrowed to an allow-list, body images lazy. Processors are built once and
 * reused; a body without raw HTML or GFM syntax skips those parsers.
 */
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { t } from '../i18n/vi.ts';
import { unified } from 'unified';
import rehypeBodyImages from '../plugins/rehype-body-images.ts';
import rehypeEmbedAllowlist from '../plugins/rehype-embed-allowlist.ts';
import rehypeInPageLinks from '../plugins/rehype-in-page-links.ts';
import rehypeLazyImages from '../plugins/rehype-lazy-images.ts';
import { sanitizeSchema } from '../plugins/sanitize-schema.ts';
import type { ParsedArticle } from './article.ts';
import { BODY_IMAGE_EXPECTED } from './body-images.ts';
import type { ContentIssue } from './content-issues.ts';

/** Which parsers a body needs: raw HTML re-parsed, GitHub Flavored Markdown. */
export interface MarkdownSyntax {
  rawHtml: boolean;
  gfm: boolean;
}

function createProcessor({ rawHtml, gfm }: MarkdownSyntax) {
  return (
    unified()
      .use(remarkParse)
      .use({ plugins: gfm ? [remarkGfm] : [] })
      // Footnote ids are left bare here: the sanitiser prefixes every id once, its own included.
      .use(remarkRehype, {
        allowDangerousHtml: rawHtml,
        clobberPrefix: '',
        footnoteLabel: t('article.footnotes'),
        footnoteBackLabel: (reference: number, again: number) =>
          t('article.footnoteBack', { n: `${reference + 1}${again > 1 ? `-${again}` : ''}` }),
      })
      .use({ plugins: rawHtml ? [rehypeRaw] : [] })
      .use(rehypeBodyImages)
      .use(rehypeSanitize, sanitizeSchema)
      .use(rehypeInPageLinks)
      .use(rehypeEmbedAllowlist)
      .use(rehypeLazyImages)
      .use(rehypeStringify)
      .freeze()
  );
}

const processors = new Map<string, ReturnType<typeof createProcessor>>();

/**
 * The body processor for the given syntax, built once. Every body may go through the full one
 * (`{ rawHtml: true, gfm: true }`); the others are shortcuts `markdownSyntax` picks for bodies
 * that hold none of the syntax they leave out.
 *
 * @example
 * String(markdownProcessor({ rawHtml: true, gfm: true }).processSync('~~cũ~~')); // '<p><del>cũ</del></p>'
 */
export function markdownProcessor(syntax: MarkdownSyntax) {
  const key = `${syntax.rawHtml}/${syntax.gfm}`;
  let processor = processors.get(key);
  if (!processor) processors.set(key, (processor = createProcessor(syntax)));
  return processor;
}

// Re-parsing the tree through parse5 (rehype-raw) is costly, so only bodies that contain a tag
// pay for it.
const MAY_HOLD_HTML = /<[a-zA-Z!/?]/;
// GFM's autolink literals and tables try to match at every word and every line, which makes
// parsing plain Vietnamese prose about three times slower. Every GFM construct needs one of
// these: a pipe or a colon beside a dash (table; `a\n:--` is one), a tilde (strikethrough),
// `[^` (footnote), `[ ]`/`[x]` (task), `@`, `www.` or `http(s)://`, escaped or not (autolink);
// `&` because a character reference can spell any of them.
const MAY_HOLD_GFM = /[|~@&]|:-|-:|\[[\s^xX]|www\\?\.|https?\\?:\\?\/\\?\//i;

/**
 * The parsers a body needs: the full set when it holds anything that may be raw HTML or a GFM
 * construct, less otherwise. Sanitising runs either way.
 *
 * @example
 * markdownSyntax('**Đà Lạt** mùa hoa'); // { rawHtml: false, gfm: false }
 * markdownSyntax('Xem www.lamdong.gov.vn'); // { rawHtml: false, gfm: true }
 */
export function markdownSyntax(markdown: string): MarkdownSyntax {
  return { rawHtml: MAY_HOLD_HTML.test(markdown), gfm: MAY_HOLD_GFM.test(markdown) };
}

/**
 * Renders an article body to HTML that is safe to inline in a page.
 *
 * @example
 * renderMarkdown('Xin chào <script>alert(1)</script>**Đà Lạt**');
 * // '<p>Xin chào <strong>Đà Lạt</strong></p>'
 */
export function renderMarkdown(markdown: string): string {
  return render(markdown).html;
}

function render(markdown: string) {
  const file = markdownProcessor(markdownSyntax(markdown)).processSync(markdown);
  return { html: String(file), refused: file.data.refusedImages ?? [] };
}

/** An article body as HTML, and the content errors found while rendering it. */
export interface RenderedBody {
  html: string;
  /** Body images that break the rule of `body-images.ts`, at their line in the file (left out of `html`). */
  issues: ContentIssue[];
}

/**
 * Renders an article's body, reporting each image that breaks the body-image rule as a
 * content error at its line in the file, as `npm run check` does.
 *
 * @example
 * renderArticleBody({ file: 'content/articles/a.md', body: '![Hoa](images/hoa.jpg)', bodyLine: 8 }).issues;
 * // [{ file: 'content/articles/a.md', line: 8, value: 'images/hoa.jpg', message: 'ảnh trong thân bài là một tệp của trang: …', … }]
 */
export function renderArticleBody(article: Pick<ParsedArticle, 'file' | 'body' | 'bodyLine'>): RenderedBody {
  const { html, refused } = render(article.body);
  return {
    html,
    issues: refused.map((image) => ({
      file: article.file,
      line: article.bodyLine + image.line - 1,
      value: image.url,
      message: image.message,
      expected: BODY_IMAGE_EXPECTED,
      severity: 'error',
    })),
  };
}
