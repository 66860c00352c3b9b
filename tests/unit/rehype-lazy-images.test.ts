import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeLazyImages from '../../src/plugins/rehype-lazy-images.ts';

// rehype-parse is not installed; Markdown with raw HTML through rehype-raw gives the same tree.
const processor = unified()
  .use(remarkParse)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeLazyImages)
  .use(rehypeStringify)
  .freeze();

const run = (input: string) => String(processor.processSync(input));

describe('rehypeLazyImages', () => {
  it('makes a body image lazy and async-decoded', () => {
    expect(run('<img src="images/da-lat.jpg" alt="Đà Lạt">')).toBe(
      '<img src="images/da-lat.jpg" alt="Đà Lạt" loading="lazy" decoding="async">',
    );
  });

  it('does the same for Markdown images, wherever they sit', () => {
    expect(run('Ảnh: ![Đà Lạt](images/da-lat.jpg) và ![Bảo Lộc](images/bao-loc.jpg)')).toBe(
      '<p>Ảnh: <img src="images/da-lat.jpg" alt="Đà Lạt" loading="lazy" decoding="async"> và <img src="images/bao-loc.jpg" alt="Bảo Lộc" loading="lazy" decoding="async"></p>',
    );
  });

  it('keeps loading and decoding the author already set', () => {
    expect(run('<img src="a.jpg" alt="" loading="eager" decoding="sync">')).toBe(
      '<img src="a.jpg" alt="" loading="eager" decoding="sync">',
    );
  });

  it('leaves other elements alone', () => {
    expect(run('<figure><video src="a.mp4"></video><figcaption>Chú thích</figcaption></figure>')).toBe(
      '<figure><video src="a.mp4"></video><figcaption>Chú thích</figcaption></figure>',
    );
  });
});
