import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/lib/content-issues.ts';
import { markdownProcessor, markdownSyntax, renderArticleBody, renderMarkdown } from '../../src/lib/markdown.ts';

const YOUTUBE_EMBED =
  '<div class="embed"><iframe src="https://www.youtube-nocookie.com/embed/x" title="Video" loading="lazy" allow="encrypted-media; picture-in-picture; fullscreen" allowfullscreen></iframe></div>';

describe('renderMarkdown', () => {
  it('renders Markdown with Vietnamese text', () => {
    expect(renderMarkdown('Chiều ngày 6/5, tại **TP Đà Lạt**, *Cụm thi đua số 1*…')).toBe(
      '<p>Chiều ngày 6/5, tại <strong>TP Đà Lạt</strong>, <em>Cụm thi đua số 1</em>…</p>',
    );
  });

  it('shows a bare "<" as text', () => {
    expect(renderMarkdown('Giá 3 < 4 và 5 > 2')).toBe('<p>Giá 3 &#x3C; 4 và 5 > 2</p>');
  });

  it('keeps no <article> element, so a page’s indexed <article> ends where the search fingerprint says', () => {
    expect(renderMarkdown('<article>Trong</article>\n\nSau </article> đó')).toBe('Trong\n<p>Sau  đó</p>');
  });

  it('drops HTML comments', () => {
    expect(renderMarkdown('Trước <!-- ghi chú của biên tập --> sau')).toBe('<p>Trước  sau</p>');
  });

  it('removes a script and its code', () => {
    expect(renderMarkdown('Xin chào <script>alert(1)</script>**Đà Lạt**')).toBe(
      '<p>Xin chào <strong>Đà Lạt</strong></p>',
    );
  });

  it('removes onerror and onclick handlers', () => {
    expect(renderMarkdown('<img src="https://anh.example/a.jpg" onerror="alert(1)">')).toBe(
      '<img src="https://anh.example/a.jpg" loading="lazy" decoding="async">',
    );
    expect(renderMarkdown('<p onclick="x()">Bấm</p>')).toBe('<p>Bấm</p>');
  });

  it('removes javascript: links, written in Markdown or HTML', () => {
    expect(renderMarkdown('[Bấm](javascript:alert(1))')).toBe('<p><a>Bấm</a></p>');
    expect(renderMarkdown('<a href="JavaScript:alert(1)">Bấm</a>')).toBe('<p><a>Bấm</a></p>');
  });

  it('keeps a YouTube embed, moved to youtube-nocookie.com', () => {
    expect(renderMarkdown('<iframe src="https://www.youtube.com/embed/x"></iframe>')).toBe(YOUTUBE_EMBED);
  });

  it('turns an iframe from any other host into a link', () => {
    expect(renderMarkdown('<iframe src="https://evil.example/x" onload="alert(1)"></iframe>')).toBe(
      '<a href="https://evil.example/x" rel="nofollow noopener">https://evil.example/x</a>',
    );
  });

  it('drops an iframe with a javascript: source', () => {
    expect(renderMarkdown('Trước\n\n<iframe src="javascript:alert(1)"></iframe>\n\nSau')).toBe(
      '<p>Trước</p>\n\n<p>Sau</p>',
    );
  });

  it('prefixes ids and names written in the body, and keeps in-page links reaching them', () => {
    expect(
      renderMarkdown(
        '[Xem phần 2](#phan-2)\n\n<h2 id="phan-2">Phần 2</h2>\n\n<img name="querySelectorAll" src="https://anh.example/a.jpg" alt="">',
      ),
    ).toBe(
      '<p><a href="#user-content-phan-2">Xem phần 2</a></p>\n<h2 id="user-content-phan-2">Phần 2</h2>\n<img name="user-content-querySelectorAll" src="https://anh.example/a.jpg" alt="" loading="lazy" decoding="async">',
    );
  });

  it('keeps footnote links and their ids together, prefixed once', () => {
    expect(renderMarkdown('Số liệu[^1].\n\n[^1]: Cục Thống kê.')).toBe(
      '<p>Số liệu<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="user-content-footnote-label">1</a></sup>.</p>\n<section data-footnotes class="footnotes"><h2 class="sr-only" id="user-content-footnote-label">Chú thích</h2>\n<ol>\n<li id="user-content-fn-1">\n<p>Cục Thống kê. <a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Quay lại chỗ trích dẫn 1" class="data-footnote-backref">↩</a></p>\n</li>\n</ol>\n</section>',
    );
  });

  it('renders a GFM table', () => {
    expect(renderMarkdown('| Huyện | Số khách |\n|---|---:|\n| Đà Lạt | 1.200 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th>Huyện</th>\n<th align="right">Số khách</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Đà Lạt</td>\n<td align="right">1.200</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it('renders GFM strikethrough and autolinks', () => {
    expect(renderMarkdown('~~tin cũ~~ xem https://lamdongtv.vn')).toBe(
      '<p><del>tin cũ</del> xem <a href="https://lamdongtv.vn">https://lamdongtv.vn</a></p>',
    );
  });

  it('makes body images lazy', () => {
    expect(renderMarkdown('![Thảm hoa ở Đà Lạt](https://anh.example/festival-hoa.jpg)')).toBe(
      '<p><img src="https://anh.example/festival-hoa.jpg" alt="Thảm hoa ở Đà Lạt" loading="lazy" decoding="async"></p>',
    );
  });

  it('keeps a pasted figure with its caption', () => {
    expect(
      renderMarkdown(
        '<figure><img src="https://anh.example/a.jpg" alt="Hội nghị"><figcaption>Quang cảnh hội nghị</figcaption></figure>',
      ),
    ).toBe(
      '<figure><img src="https://anh.example/a.jpg" alt="Hội nghị" loading="lazy" decoding="async"><figcaption>Quang cảnh hội nghị</figcaption></figure>',
    );
  });
});

describe('renderArticleBody', () => {
  it('leaves out each body image that breaks the rule and reports it at its line in the file', () => {
    const body = [
      'Đầu bài.',
      '',
      '![Hoa](images/hoa.jpg) ![Chợ](https://anh.example/cho.jpg)',
      '',
      '<p>Ảnh cũ:',
      '<img src="http://baolamdong.vn/a.jpg" alt="a"> <img src="data:image/png;base64,AAAA" alt="b"></p>',
      '',
      '<picture><source srcset="http://anh.example/x.avif"><img src="//cdn.example/x.jpg" alt="x"></picture>',
    ].join('\n');
    const { html, issues } = renderArticleBody({ file: 'content/articles/a.md', body, bodyLine: 8 });
    expect(html).toBe(
      '<p>Đầu bài.</p>\n<p> <img src="https://anh.example/cho.jpg" alt="Chợ" loading="lazy" decoding="async"></p>\n<p>Ảnh cũ:\n </p>\n<p><picture><source></picture></p>',
    );
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "content/articles/a.md:10: lỗi, giá trị "images/hoa.jpg": ảnh trong thân bài là một tệp của trang: khi dựng trang chỉ ảnh ở trường "ảnh" được đăng, nên ảnh này sẽ không hiện. Cần: đặt ảnh ở trường "ảnh" đầu bài, hoặc dùng địa chỉ ảnh đầy đủ (https://…).",
        "content/articles/a.md:13: lỗi, giá trị "http://baolamdong.vn/a.jpg": địa chỉ ảnh http:// bị trình duyệt chặn trên trang https. Cần: đặt ảnh ở trường "ảnh" đầu bài, hoặc dùng địa chỉ ảnh đầy đủ (https://…).",
        "content/articles/a.md:13: lỗi, giá trị "data:image/png;base64,AAAA": ảnh nhúng dạng data: không được đăng. Cần: đặt ảnh ở trường "ảnh" đầu bài, hoặc dùng địa chỉ ảnh đầy đủ (https://…).",
        "content/articles/a.md:15: lỗi, giá trị "//cdn.example/x.jpg": địa chỉ ảnh thiếu "https:" ở đầu. Cần: đặt ảnh ở trường "ảnh" đầu bài, hoặc dùng địa chỉ ảnh đầy đủ (https://…).",
      ]
    `);
  });

  it('reports nothing for a body without images, or with https:// images only', () => {
    expect(renderArticleBody({ file: 'a.md', body: 'Chữ **đậm**.', bodyLine: 5 })).toEqual({
      html: '<p>Chữ <strong>đậm</strong>.</p>',
      issues: [],
    });
    expect(
      renderArticleBody({ file: 'a.md', body: '<img src="https://anh.example/a.jpg" alt="">', bodyLine: 5 }).issues,
    ).toEqual([]);
  });
});

describe('markdownSyntax', () => {
  it('asks for no extra parser on plain prose', () => {
    expect(markdownSyntax('**Đà Lạt** mùa hoa, ngày 6/5 - 3 * 4 = 12.')).toEqual({ rawHtml: false, gfm: false });
  });

  it('asks for GFM on anything a GFM construct needs', () => {
    const gfm = [
      'a | b',
      '~~cũ~~',
      'x[^1]',
      '- [ ] việc',
      '- [x] xong',
      'a@b.vn',
      'WWW.lamdong.gov.vn',
      'HTTPS://a.vn',
      'a&#64;b.vn',
    ];
    expect(gfm.filter((body) => !markdownSyntax(body).gfm)).toEqual([]);
  });

  it('asks for raw HTML on a tag, a comment or a declaration', () => {
    expect(['<b>x</b>', '<!-- c -->', '</p>', '<?x?>'].map((body) => markdownSyntax(body).rawHtml)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  // The shortcut is only sound if it never changes the HTML: random bodies built from Markdown's
  // punctuation, GFM's triggers and character references must render as the full processor does.
  // The GFM shortcut is only sound if it never changes the HTML: random bodies of words, Markdown's
  // punctuation, escapes and, more rarely, GFM's triggers and character references render as
  // they do with GFM.
  it('gives the HTML GFM gives, on random bodies', () => {
    const common =
      'Đà Lạt đã của ab www http https mailto xmpp x X w h 1. 2) 3 . .. : / // - -- * _ # > ` ( ) ! \\ = + [ ] ^ :- -: :-- " \' , { } a.b \\. \\: \\/';
    const rare = '| ~ ~~ @ & &#64; &commat; &period; &colon; &#x7C; &amp; <b> </b> <!-- --> [^1] [^1]: [ ] [x]';
    const breaks = [
      ' ',
      ' ',
      '   ',
      '\t',
      '\n',
      '\n',
      '\n\n',
      '\n  ',
      '\n> ',
      '\n- ',
      '\n1. ',
      '\n    ',
      '\n```\n',
      '\n===\n',
    ];
    const pieces = [...common.split(' '), ...breaks];
    const triggers = rare.split(' ');
    let seed = 1;
    // mulberry32: a small seeded generator, so every run checks the same bodies.
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), seed | 1);
      x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
      return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
    };
    const pick = (from: readonly string[]) => from[Math.floor(random() * from.length)]!;
    let withoutGfm = 0;
    const differing: string[] = [];
    for (let n = 0; n < 2000; n++) {
      const length = 2 + Math.floor(random() * 30);
      const body = Array.from({ length }, () => pick(random() < 0.03 ? triggers : pieces)).join('');
      const syntax = markdownSyntax(body);
      if (!syntax.gfm) withoutGfm++;
      const withGfm = markdownProcessor({ rawHtml: syntax.rawHtml, gfm: true });
      if (renderMarkdown(body) !== String(withGfm.processSync(body))) differing.push(body);
    }
    expect(differing).toEqual([]);
    expect(withoutGfm).toBeGreaterThan(500);
  });

  it('gives the HTML GFM gives on look-alikes of GFM syntax', () => {
    const full = markdownProcessor({ rawHtml: false, gfm: true });
    const bodies = [
      'abc\n:--',
      'a\n---',
      'www\\.vn',
      'http\\:\\/\\/a.vn',
      'a : b\n:-: | x',
      'wwwx.vn',
      'http:/a.vn',
      '[ghi chú]',
      '- [o] a',
    ];
    expect(bodies.filter((body) => renderMarkdown(body) !== String(full.processSync(body)))).toEqual([]);
  });
});
