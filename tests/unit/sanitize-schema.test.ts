import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { sanitizeSchema } from '../../src/plugins/sanitize-schema.ts';

// rehype-parse is not installed; Markdown with raw HTML through rehype-raw gives the same tree.
const processor = unified()
  .use(remarkParse)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeStringify)
  .freeze();

const run = (input: string) => String(processor.processSync(input));

describe('sanitizeSchema', () => {
  it('removes scripts with their code', () => {
    expect(run('<script>\nvar a = 1;\n</script>\n\nĐoạn văn.')).toBe('\n<p>Đoạn văn.</p>');
    expect(run('<div>Tin <script>alert(1)</script>nóng</div>')).toBe('<div>Tin nóng</div>');
  });

  it('removes style blocks with their CSS, so pasted Word markup does not show as text', () => {
    expect(run('<style>\n.MsoNormal { font-family: "Times New Roman"; }\n</style>\n\nĐoạn văn.')).toBe(
      '\n<p>Đoạn văn.</p>',
    );
    expect(run('<div>Tin <style>p{color:red}</style>nóng</div>')).toBe('<div>Tin nóng</div>');
  });

  it('removes event handlers and style attributes', () => {
    expect(run('<p onclick="x()" style="color:red">Bấm</p>')).toBe('<p>Bấm</p>');
    expect(run('<img src="a.jpg" alt="a" onerror="alert(1)">')).toBe('<img src="a.jpg" alt="a">');
  });

  it('removes javascript: links and image sources', () => {
    expect(run('<a href="javascript:alert(1)">x</a> <img src="javascript:alert(1)" alt="y">')).toBe(
      '<p><a>x</a> <img alt="y"></p>',
    );
  });

  it('keeps the figure markup newsrooms paste', () => {
    const figure =
      '<figure><img src="images/a.jpg" alt="Hội nghị" loading="lazy" decoding="async"><figcaption>Quang cảnh <small>(ảnh: Lô Thanh)</small></figcaption></figure>';
    expect(run(figure)).toBe(figure);
  });

  it('keeps mark, u and abbr with its title', () => {
    expect(run('<p><mark>Nóng</mark> <u>gạch</u> <abbr title="Ủy ban nhân dân">UBND</abbr></p>')).toBe(
      '<p><mark>Nóng</mark> <u>gạch</u> <abbr title="Ủy ban nhân dân">UBND</abbr></p>',
    );
  });

  it('keeps an iframe with its safe attributes, for the embed allow-list to judge', () => {
    expect(
      run(
        '<iframe src="https://www.youtube.com/embed/x" title="Video" width="560" height="315" allowfullscreen onload="x()" style="border:0"></iframe>',
      ),
    ).toBe(
      '<iframe src="https://www.youtube.com/embed/x" title="Video" width="560" height="315" allowfullscreen></iframe>',
    );
  });

  it('drops an iframe source that is not http(s)', () => {
    expect(run('<iframe src="javascript:alert(1)"></iframe>')).toBe('<iframe></iframe>');
    expect(run('<iframe src="data:text/html,x"></iframe>')).toBe('<iframe></iframe>');
  });

  it('prefixes ids, names and ARIA id references, so body markup cannot shadow what page scripts read', () => {
    expect(run('<h2 id="ket-qua">Kết quả</h2>')).toBe('<h2 id="user-content-ket-qua">Kết quả</h2>');
    expect(run('<img name="querySelectorAll" id="getElementById" src="https://anh.example/a.jpg" alt="a">')).toBe(
      '<img name="user-content-querySelectorAll" id="user-content-getElementById" src="https://anh.example/a.jpg" alt="a">',
    );
    expect(run('<p><a id="navigator" name="clipboard" aria-describedby="location cookie">x</a></p>')).toBe(
      '<p><a id="user-content-navigator" name="user-content-clipboard" aria-describedby="user-content-location user-content-cookie">x</a></p>',
    );
  });

  it('drops forms, and leaves a field only as a disabled checkbox with a prefixed name', () => {
    expect(run('<form id="querySelectorAll" name="forms"><input name="body" value="x">Gửi</form>')).toBe(
      '<input name="user-content-body" value="x" disabled type="checkbox">Gửi',
    );
  });
});
