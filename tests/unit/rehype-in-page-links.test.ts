import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeInPageLinks from '../../src/plugins/rehype-in-page-links.ts';

// rehype-parse is not installed; Markdown with raw HTML through rehype-raw gives the same tree.
// The ids are written already prefixed, as the sanitiser leaves them.
const processor = unified()
  .use(remarkParse)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeInPageLinks)
  .use(rehypeStringify)
  .freeze();

const run = (input: string) => String(processor.processSync(input));

describe('rehypeInPageLinks', () => {
  it('points a link at the prefixed id of its target, before or after the link', () => {
    expect(
      run(
        '[Xem phần 2](#phan-2)\n\n<h2 id="user-content-phan-2">Phần 2</h2>\n\n[Về đầu](#dau-bai)\n\n<p id="user-content-dau-bai"></p>',
      ),
    ).toBe(
      '<p><a href="#user-content-phan-2">Xem phần 2</a></p>\n<h2 id="user-content-phan-2">Phần 2</h2>\n<p><a href="#user-content-dau-bai">Về đầu</a></p>\n<p id="user-content-dau-bai"></p>',
    );
  });

  it('reaches old-style anchors by name, and Vietnamese ids written percent-encoded', () => {
    expect(
      run(
        '<a name="user-content-muc-1"></a>[1](#muc-1) [2](#ph%E1%BA%A7n-2)\n\n<h2 id="user-content-phần-2">Phần 2</h2>',
      ),
    ).toBe(
      '<p><a name="user-content-muc-1"></a><a href="#user-content-muc-1">1</a> <a href="#user-content-ph%E1%BA%A7n-2">2</a></p>\n<h2 id="user-content-phần-2">Phần 2</h2>',
    );
  });

  it('leaves links whose target is not in the body, already prefixed, or elsewhere, as written', () => {
    expect(
      run(
        '[a](#binh-luan) [b](#user-content-x) [c](/bai-viet/a/#phan-2) [d](#) <span name="user-content-y"></span>[e](#y)\n\n<p id="user-content-x"></p>',
      ),
    ).toBe(
      '<p><a href="#binh-luan">a</a> <a href="#user-content-x">b</a> <a href="/bai-viet/a/#phan-2">c</a> <a href="#">d</a> <span name="user-content-y"></span><a href="#y">e</a></p>\n<p id="user-content-x"></p>',
    );
  });
});
