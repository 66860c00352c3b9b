/**
 * Markdown to safe HTML for article bodies: GFM, raw HTML parsed, body images held to the
 * rule of `body-images.ts`, then sanitised (ids and names prefixed, in-page links following
 * them), embeds narrowed to an allow-list, body images lazy. One processor, built once and
 * reused.
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

function createProcessor(parseRawHtml: boolean) {
  return (
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      // Footnote ids are left bare here: the sanitiser prefixes every id once, its own included.
      .use(remarkRehype, {
        allowDangerousHtml: parseRawHtml,
        clobberPrefix: '',
        footnoteLabel: t('article.footnotes'),
        footnoteBackLabel: (reference: number, again: number) =>
          t('article.footnoteBack', { n: `${reference + 1}${again > 1 ? `-${again}` : ''}` }),
      })
      .use({ plugins: parseRawHtml ? [rehypeRaw] : [] })
      .use(rehypeBodyImages)
      .use(rehypeSanitize, sanitizeSchema)
      .use(rehypeInPageLinks)
      .use(rehypeEmbedAllowlist)
      .use(rehypeLazyImages)
      .use(rehypeStringify)
      .freeze()
  );
}

// Most articles hold no raw HTML; re-parsing the tree through parse5 (rehype-raw) is the
// costliest step, so only bodies that contain a tag pay for it. Sanitising runs either way.
const withRawHtml = createProcessor(true);
const withoutRawHtml = createProcessor(false);
const MAY_HOLD_HTML = /<[a-zA-Z!/?]/;

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
  const processor = MAY_HOLD_HTML.test(markdown) ? withRawHtml : withoutRawHtml;
  const file = processor.processSync(markdown);
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
