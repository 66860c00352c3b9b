/**
 * What raw HTML in Markdown may keep: GitHub's safe defaults (no scripts, no event
 * handlers, no `javascript:` URLs, no styles) plus the figure markup newsrooms paste and
 * iframes, which `rehype-embed-allowlist` then narrows to known video hosts.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

/**
 * Put before every `id`, `name` and ARIA id reference written in a body, so markup such as
 * `<img name="querySelectorAll">` cannot shadow a property of `document` or `window` that the
 * page's own scripts use. `rehype-in-page-links` points `#…` links at the prefixed ids.
 */
export const ID_PREFIX = 'user-content-';

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobber: ['ariaDescribedBy', 'ariaLabelledBy', 'id', 'name'],
  clobberPrefix: ID_PREFIX,
  // Drop these elements with their content: CSS pasted from Word must not become page text.
  strip: ['script', 'style'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'iframe', 'mark', 'small', 'abbr', 'u'],
  attributes: {
    ...defaultSchema.attributes,
    iframe: ['src', 'title', 'width', 'height', 'allowFullScreen', 'allow'],
    abbr: ['title'],
    img: [...(defaultSchema.attributes?.['img'] ?? []), 'loading', 'decoding'],
    // A <picture>'s candidates would load pictures the body-image rule never judged: its <img> is the image.
    source: [],
  },
  protocols: { ...defaultSchema.protocols, src: ['http', 'https'] },
};
