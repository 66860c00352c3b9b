/**
 * What raw HTML in Markdown may keep: GitHub's safe defaults (no scripts, no event
 * handlers, no `javascript:` URLs, no styles) plus the figure markup newsrooms paste and
 * iframes, which `rehype-embed-allowlist` then narrows to known video hosts.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // No `user-content-` prefixes: heading ids stay readable in links.
  clobberPrefix: '',
  // Drop these elements with their content: CSS pasted from Word must not become page text.
  strip: ['script', 'style'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'iframe', 'mark', 'small', 'abbr', 'u'],
  attributes: {
    ...defaultSchema.attributes,
    iframe: ['src', 'title', 'width', 'height', 'allowFullScreen', 'allow'],
    abbr: ['title'],
    img: [...(defaultSchema.attributes?.['img'] ?? []), 'loading', 'decoding'],
  },
  protocols: { ...defaultSchema.protocols, src: ['http', 'https'] },
};
