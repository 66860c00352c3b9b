import { describe, expect, it } from 'vitest';
import { parseArticle, type ParsedArticle } from '../../src/lib/article.ts';
import {
  bodyUrls,
  lintArticle,
  lintBodyLinks,
  lintEmptyBody,
  lintTonePlacement,
  pointsIntoSite,
  prepareArticle,
  toneStyle,
  worthChecking,
  type LintContext,
} from '../../src/lib/content-lint.ts';
import type { ContentIssue } from '../../src/lib/content-issues.ts';
import { renderArticleBody } from '../../src/lib/markdown.ts';
import type { Category } from '../../src/lib/schema.ts';

const CATEGORIES: Category[] = [
  { name: 'Thời sự', slug: 'thoi-su', description: '', order: 1 },
  { name: 'Du lịch', slug: 'du-lich', description: '', order: 2 },
];

function article(file: string, body: string, extra = ''): { parsed: ParsedArticle; source: string } {
  const source = `---\ntiêu đề: Bài\nngày: 01/05/2024 08:00\ntác giả: Lô Thanh\nchuyên mục: Thời sự\n${extra}---\n\n${body}`;
  const result = parseArticle(file, source, CATEGORIES);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { parsed: result.article, source };
}

const CONTEXT: LintContext = {
  siteUrl: 'https://lamdongtv.example',
  articles: new Map([
    ['da-lat', { file: 'content/articles/2024/da-lat.md', draft: false, date: new Date('2024-05-01T00:00:00Z') }],
    ['nhap', { file: 'content/articles/nhap.md', draft: true, date: new Date('2024-05-01T00:00:00Z') }],
    ['sau-nay', { file: 'content/articles/sau-nay.md', draft: false, date: new Date('2099-01-01T00:00:00Z') }],
    ['bai-loi', undefined],
  ]),
  slugOfFile: new Map([
    ['content/articles/2024/da-lat.md', 'da-lat'],
    ['content/articles/nhap.md', 'nhap'],
  ]),
  categories: CATEGORIES,
  now: new Date('2024-06-01T05:00:00Z'),
};

const messages = (issues: { line?: number | undefined; severity: string; message: string }[]) =>
  issues.map((issue) => `${issue.line}: ${issue.severity}: ${issue.message}`);

describe('bodyUrls', () => {
  it('finds Markdown links, images, references, autolinks and raw HTML, with their lines', () => {
    const body = [
      'Xem [bài](/bai-viet/a/) và <https://lamdongtv.example/bai-viet/b/>.',
      '',
      '![ảnh](images/c.jpg "chú thích")',
      '',
      '<p>Đọc <a href="/bai-viet/d/">bài d</a>',
      'và <img src=\'/e.jpg\' alt="e"></p>',
      '',
      '[tham chiếu]: /bai-viet/f/',
      '',
      '`[không phải liên kết](/bai-viet/g/)`',
    ].join('\n');
    expect(bodyUrls(body)).toEqual([
      { url: '/bai-viet/a/', kind: 'link', line: 1 },
      { url: 'https://lamdongtv.example/bai-viet/b/', kind: 'link', line: 1 },
      { url: 'images/c.jpg', kind: 'image', line: 3 },
      { url: '/bai-viet/d/', kind: 'link', line: 5 },
      { url: '/e.jpg', kind: 'image', line: 6 },
      { url: '/bai-viet/f/', kind: 'link', line: 8 },
    ]);
  });

  it('does not parse bodies without links', () => {
    expect(bodyUrls('Chỉ có chữ.\n\nVà chữ.')).toEqual([]);
  });
});

describe('pointsIntoSite', () => {
  it('keeps relative, root-relative and same-host URLs, and leaves other sites and schemes out', () => {
    const host = 'lamdongtv.example';
    expect(
      ['/bai-viet/a/', '../a.md', 'images/b.jpg', 'https://LAMDONGTV.example/x'].map((url) =>
        pointsIntoSite(url, host),
      ),
    ).toEqual([true, true, true, true]);
    expect(
      ['https://vnexpress.net/a', 'mailto:a@b.vn', '#muc', '//cdn.example/a.js'].map((url) =>
        pointsIntoSite(url, host),
      ),
    ).toEqual([false, false, false, false]);
  });

  it('lets bodyUrls skip parsing bodies that only link to other sites', () => {
    expect(bodyUrls('[a](https://vnexpress.net/a) <https://b.vn>', (url) => pointsIntoSite(url, 'x.vn'))).toEqual([]);
    expect(
      bodyUrls('[a](https://vnexpress.net/a) [b](/bai-viet/b/)', (url) => pointsIntoSite(url, 'x.vn')),
    ).toHaveLength(2);
  });
});

describe('worthChecking', () => {
  it('parses a body for links into the site, and for images that break the rule when it holds an image', () => {
    const host = 'lamdongtv.example';
    expect(worthChecking('[a](/bai-viet/a/)', host)('/bai-viet/a/')).toBe(true);
    expect(worthChecking('[a](http://baolamdong.vn/a)', host)('http://baolamdong.vn/a')).toBe(false);
    expect(worthChecking('![a](http://baolamdong.vn/a.jpg)', host)('http://baolamdong.vn/a.jpg')).toBe(true);
    expect(worthChecking('<IMG src="data:image/gif;base64,R0">', host)('data:image/gif;base64,R0')).toBe(true);
    expect(worthChecking('![a](https://anh.example/a.jpg)', host)('https://anh.example/a.jpg')).toBe(false);
  });

  it('lets bodyUrls find an image written without an address, in a body with nothing else to check', () => {
    for (const body of ['Ảnh: ![a]()', 'Ảnh: <img src="" alt="a">']) {
      expect(bodyUrls(body, worthChecking(body, 'lamdongtv.example')), body).toEqual([
        { url: '', kind: 'image', line: 1 },
      ]);
    }
  });
});

describe('lintBodyLinks', () => {
  it('accepts links to published articles and categories, on the site or as paths, and ignores other sites', () => {
    const { parsed } = article(
      'content/articles/a.md',
      '[1](/bai-viet/da-lat/) [2](https://lamdongtv.example/bai-viet/da-lat/#doan) [3](../da-lat/) ' +
        '[4](/chuyen-muc/du-lich/) [5](https://lamdongtv.vn/bai-viet/khong-co/) [6](mailto:a@b.vn) [7](#muc) ' +
        '[8](/bai-viet/bai-loi/) [9](/tim-kiem/?q=da+lat) ![10](https://anh.example/a.jpg)',
    );
    expect(lintBodyLinks(parsed, CONTEXT)).toEqual([]);
  });

  it('reports links to articles and categories that do not exist, at the line of the link', () => {
    const { parsed } = article(
      'content/articles/a.md',
      'Đầu bài.\n\n[x](/bai-viet/da-lat-2/) và [y](/chuyen-muc/the-thao/)',
    );
    expect(messages(lintBodyLinks(parsed, CONTEXT))).toMatchInlineSnapshot(`
      [
        "10: error: liên kết tới bài viết không có (/bai-viet/da-lat-2/); gần nhất là /bai-viet/da-lat/",
        "10: error: liên kết tới chuyên mục không có (/chuyen-muc/the-thao/)",
      ]
    `);
  });

  it('resolves relative .md links from the article file, and says they do not work on the site', () => {
    const { parsed } = article(
      'content/articles/2024/b.md',
      '[có](da-lat.md) [không](../khong-co.md) [nháp](../nhap.md#x)',
    );
    expect(messages(lintBodyLinks(parsed, CONTEXT))).toMatchInlineSnapshot(`
      [
        "8: error: liên kết tới tệp .md không dùng được trên trang; địa chỉ của bài là /bai-viet/da-lat/",
        "8: error: liên kết tới bài viết không có (không có tệp content/articles/khong-co.md)",
        "8: error: liên kết tới tệp .md không dùng được trên trang; địa chỉ của bài là /bai-viet/nhap/",
      ]
    `);
  });

  it('warns about links to drafts and to articles scheduled later', () => {
    const { parsed } = article('content/articles/a.md', '[a](/bai-viet/nhap/)\n[b](/bai-viet/sau-nay/)');
    expect(messages(lintBodyLinks(parsed, CONTEXT))).toMatchInlineSnapshot(`
      [
        "8: warning: bài được liên kết (content/articles/nhap.md) đang là bản nháp: liên kết sẽ hỏng cho tới khi bài được đăng",
        "9: warning: bài được liên kết (content/articles/sau-nay.md) hẹn giờ đăng sau: liên kết sẽ hỏng cho tới lúc đó",
      ]
    `);
  });

  it('refuses local images in the body, existing or not, in the words the build uses', () => {
    const { parsed } = article('content/articles/a.md', '![a](images/khong-co.jpg)\n\n![b](images/co-that.jpg)');
    expect(messages(lintBodyLinks(parsed, CONTEXT))).toMatchInlineSnapshot(`
      [
        "8: error: ảnh trong thân bài là một tệp của trang: khi dựng trang chỉ ảnh ở trường "ảnh" được đăng, nên ảnh này sẽ không hiện",
        "10: error: ảnh trong thân bài là một tệp của trang: khi dựng trang chỉ ảnh ở trường "ảnh" được đăng, nên ảnh này sẽ không hiện",
      ]
    `);
  });

  it('refuses body images the page could not show, wherever the link itself points', () => {
    const { parsed } = article(
      'content/articles/a.md',
      '![a](http://baolamdong.vn/a.jpg) ![b](https://lamdongtv.example/anh/b.jpg)\n\n<img src="data:image/png;base64,AA" alt="c">\n\n![d][d]\n\n[d]: //cdn.example/d.jpg',
    );
    expect(messages(lintBodyLinks(parsed, CONTEXT))).toMatchInlineSnapshot(`
      [
        "8: error: địa chỉ ảnh http:// bị trình duyệt chặn trên trang https",
        "10: error: ảnh nhúng dạng data: không được đăng",
        "12: error: địa chỉ ảnh thiếu "https:" ở đầu",
      ]
    `);
  });

  it('finds the same body images wrong, at the same lines, as the build does when it renders the body', () => {
    const body = [
      'Đầu bài ![a](images/co-that.jpg) và ![b](https://anh.example/b.jpg).',
      '',
      '<p>Ảnh cũ:',
      '<img src="http://baolamdong.vn/c.jpg" alt="c"><img alt="không có src">',
      '<!-- <img src="images/trong-ghi-chu.jpg"> -->',
      '<img src="javascript:alert(1)"></p>',
      '',
      '![e][e] ![f]() [liên kết](http://baolamdong.vn/bai/)',
      '',
      '<picture><source srcset="http://anh.example/g.avif"><img src="C:\\anh\\g.jpg" alt="g"></picture>',
      '',
      '[e]: data:image/gif;base64,R0lG',
    ].join('\n');
    const { parsed, source } = article('content/articles/a.md', body);
    const prepared = prepareArticle('content/articles/a.md', source, CATEGORIES, 'lamdongtv.example');
    const checked = lintBodyLinks(parsed, CONTEXT, prepared.urls);
    const built = renderArticleBody(parsed).issues;
    const where = (issues: ContentIssue[]) => issues.map((issue) => `${issue.line} ${String(issue.value)}`).sort();
    expect(where(checked)).toEqual(where(built));
    expect(where(built)).toMatchInlineSnapshot(`
      [
        "11 http://baolamdong.vn/c.jpg",
        "13 javascript:alert(1)",
        "15 ",
        "15 data:image/gif;base64,R0lG",
        "17 C:\\anh\\g.jpg",
        "8 images/co-that.jpg",
      ]
    `);
  });
});

describe('toneStyle', () => {
  it('tells the old placement from the new in open oa, oe and uy syllables', () => {
    expect(['hòa', 'Hóa', 'khỏe', 'thủy', 'Thụy', 'xõa'].map(toneStyle)).toEqual(['cũ', 'cũ', 'cũ', 'cũ', 'cũ', 'cũ']);
    expect(['hoà', 'HOÁ', 'khoẻ', 'thuỷ', 'thuỵ', 'xoã'].map(toneStyle)).toEqual([
      'mới',
      'mới',
      'mới',
      'mới',
      'mới',
      'mới',
    ]);
  });

  it('ignores words with one placement only', () => {
    for (const word of ['hoa', 'hoàn', 'toán', 'quý', 'quỳ', 'khuya', 'thuở', 'hòe'.slice(0, 2), 'Đà', 'người']) {
      expect(toneStyle(word), word).toBeUndefined();
    }
  });

  it('reads decomposed (NFD) text the same', () => {
    expect(toneStyle('hòa'.normalize('NFD'))).toBe('cũ');
    expect(toneStyle('hoà'.normalize('NFD'))).toBe('mới');
  });
});

describe('lintTonePlacement', () => {
  it('warns once, at the first word of the less used style', () => {
    const source = '---\ntiêu đề: Hòa bình\n---\n\nHòa nhập, khỏe mạnh.\n\nKhánh Hoà.';
    expect(lintTonePlacement('content/articles/a.md', source)).toMatchInlineSnapshot(`
      [
        {
          "expected": "một kiểu trong cả bài: kiểu cũ (hòa, khỏe, thủy) hoặc kiểu mới (hoà, khoẻ, thuỷ)",
          "file": "content/articles/a.md",
          "line": 7,
          "message": "dùng lẫn hai kiểu đặt dấu thanh: kiểu cũ "Hòa" (3 chỗ, từ dòng 2) và kiểu mới "Hoà" (1 chỗ, từ dòng 7)",
          "severity": "warning",
          "value": "Hoà",
        },
      ]
    `);
  });

  it('accepts an article that keeps to one style', () => {
    expect(lintTonePlacement('a.md', 'Hòa bình, thủy lợi, khỏe.')).toEqual([]);
    expect(lintTonePlacement('a.md', 'Hoà bình, thuỷ lợi, khoẻ.')).toEqual([]);
  });
});

describe('lintEmptyBody', () => {
  it('warns about a published article with nothing but comments in the body', () => {
    expect(messages(lintEmptyBody(article('content/articles/a.md', '<!-- viết ở đây -->\n').parsed))).toEqual([
      '8: warning: bài chưa có nội dung',
    ]);
    expect(lintEmptyBody(article('content/articles/a.md', '', 'nháp: true\n').parsed)).toEqual([]);
    expect(lintEmptyBody(article('content/articles/a.md', 'Có nội dung.').parsed)).toEqual([]);
  });
});

describe('prepareArticle', () => {
  it('parses a file, extracts its internal URLs and checks its tone placement, on its own', () => {
    const { source } = article('content/articles/a.md', '[x](/bai-viet/da-lat/) [y](https://vnexpress.net/) hòa hoà');
    const prepared = prepareArticle('content/articles/a.md', source, CATEGORIES, 'lamdongtv.example');
    expect(prepared.result.ok).toBe(true);
    expect(prepared.urls.map((found) => found.url)).toEqual(['/bai-viet/da-lat/', 'https://vnexpress.net/']);
    expect(prepared.tone.map((issue) => issue.severity)).toEqual(['warning']);
    expect(prepareArticle('content/articles/b.md', '---\ntiêu đề: x\n---\n', CATEGORIES, 'x').result.ok).toBe(false);
  });
});

describe('lintArticle', () => {
  it('gathers every lint of one article', () => {
    const { parsed, source } = article('content/articles/a.md', '[x](/bai-viet/khong-co/) hòa và hoà');
    expect(lintArticle(parsed, source, CONTEXT).map((issue) => issue.severity)).toEqual(['error', 'warning']);
  });
});
