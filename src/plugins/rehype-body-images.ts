/**
 * Holds the images of an article's body to the one rule of `src/lib/body-images.ts`, on the
 * tree as written (before sanitising, which would drop a `javascript:` or `data:` source
 * without a word). An image that breaks the rule is removed, so a page never asks for a
 * picture its policy blocks or the site does not serve, and is listed on the file's data
 * (`refusedImages`), with its line in the body, for the build to report.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { bodyImageProblem } from '../lib/body-images.ts';

/** One image the rule refuses: its address as written, its 1-based line in the body, why. */
export interface RefusedImage {
  url: string;
  line: number;
  message: string;
}

declare module 'vfile' {
  interface DataMap {
    refusedImages: RefusedImage[];
  }
}

/**
 * @example
 * // ![Hoa](images/hoa.jpg) → nothing, and file.data.refusedImages =
 * // [{ url: 'images/hoa.jpg', line: 1, message: 'ảnh trong thân bài là một tệp của trang: …' }]
 * // <img src="https://baolamdong.vn/hoa.jpg" alt="Hoa"> → unchanged
 */
export default function rehypeBodyImages() {
  return (tree: Root, file: VFile) => {
    const refused: RefusedImage[] = [];
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const src = node.properties['src'];
      if (src === undefined || src === null) return;
      const url = String(src);
      const problem = bodyImageProblem(url);
      if (!problem) return;
      refused.push({ url, line: node.position?.start.line ?? 1, message: problem.message });
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
    file.data.refusedImages = refused;
  };
}
