/**
 * Images written in an article's body sit below the lead image, out of the first screen:
 * load them lazily and decode off the main thread.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * @example
 * // <img src="a.jpg" alt="…"> → <img src="a.jpg" alt="…" loading="lazy" decoding="async">
 */
export default function rehypeLazyImages() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return;
      node.properties['loading'] ??= 'lazy';
      node.properties['decoding'] ??= 'async';
    });
  };
}
