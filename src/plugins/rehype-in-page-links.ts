/**
 * Points in-page links at the ids the sanitiser prefixed. An author writes `[Phần 2](#phan-2)`
 * against `<h2 id="phan-2">`, which reaches the page as `id="user-content-phan-2"`; the link is
 * rewritten to match. A link whose target is not in the body (an id of the page around it, or
 * a typo) is left as written.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { ID_PREFIX } from './sanitize-schema.ts';

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Every name a fragment can reach in the tree: ids, and the names of `<a>` (old-style anchors). */
function targets(tree: Root): Set<string> {
  const found = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    const { id, name } = node.properties;
    if (typeof id === 'string' && id) found.add(id);
    if (node.tagName === 'a' && typeof name === 'string' && name) found.add(name);
  });
  return found;
}

/**
 * @example
 * // <a href="#phan-2">…</a> … <h2 id="user-content-phan-2"> → <a href="#user-content-phan-2">…</a>
 * unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize, sanitizeSchema).use(rehypeInPageLinks)
 */
export default function rehypeInPageLinks(options: { prefix?: string } = {}) {
  const prefix = options.prefix ?? ID_PREFIX;
  return (tree: Root) => {
    let ids: Set<string> | undefined;
    visit(tree, 'element', (node: Element) => {
      const href = node.properties['href'];
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#') || href.length < 2) return;
      ids ??= targets(tree);
      const fragment = href.slice(1);
      if (ids.has(prefix + safeDecode(fragment))) node.properties['href'] = `#${prefix}${fragment}`;
    });
  };
}
