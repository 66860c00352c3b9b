/**
 * Markdown to safe HTML for article bodies: GFM, raw HTML parsed then sanitised (ids and
 * names prefixed, in-page links following them), embeds narrowed to an allow-list, body
 * images lazy. One processor, built once and reused.
 */
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import rehypeEmbedAllowlist from '../plugins/rehype-embed-allowlist.ts';
import rehypeInPageLinks from '../plugins/rehype-in-page-links.ts';
import rehypeLazyImages from '../plugins/rehype-lazy-images.ts';
import { sanitizeSchema } from '../plugins/sanitize-schema.ts';

function createProcessor(parseRawHtml: boolean) {
  return (
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      // Footnote ids are left bare here: the sanitiser prefixes every id once, its own included.
      .use(remarkRehype, { allowDangerousHtml: parseRawHtml, clobberPrefix: '' })
      .use({ plugins: parseRawHtml ? [rehypeRaw] : [] })
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
  const processor = MAY_HOLD_HTML.test(markdown) ? withRawHtml : withoutRawHtml;
  return String(processor.processSync(markdown));
}
