import { describe, expect, it } from 'vitest';
import { redirectFilePath, redirectPage, redirectsFile } from '../../src/lib/redirects.ts';

describe('redirectsFile', () => {
  it('writes one permanent redirect per line', () => {
    expect(
      redirectsFile([
        { from: '/tin-tuc/cum-thi-dua-a12345.html', to: '/bai-viet/cum-thi-dua/' },
        { from: '/tin-tuc/viet-da', to: '/bai-viet/viet-da/' },
      ]),
    ).toBe('/tin-tuc/cum-thi-dua-a12345.html /bai-viet/cum-thi-dua/ 301\n/tin-tuc/viet-da /bai-viet/viet-da/ 301\n');
  });

  it('percent-encodes spaces and Vietnamese so each line keeps three fields', () => {
    expect(redirectsFile([{ from: '/tin tức/đà lạt.html', to: '/bai-viet/da-lat/' }])).toBe(
      '/tin%20t%E1%BB%A9c/%C4%91%C3%A0%20l%E1%BA%A1t.html /bai-viet/da-lat/ 301\n',
    );
  });

  it('does not encode an already encoded path twice', () => {
    expect(redirectsFile([{ from: '/tin%20tuc/a.html', to: '/bai-viet/a/' }])).toBe(
      '/tin%20tuc/a.html /bai-viet/a/ 301\n',
    );
  });

  it('does not crash on an old URL with a bare "%"', () => {
    // The schema accepts this alias; decodeURI throws "URI malformed" on it and fails the build.
    expect(() => redirectsFile([{ from: '/tin-tuc/giam-50%-hoc-phi.html', to: '/bai-viet/a/' }])).not.toThrow();
  });

  it('is empty without redirects', () => {
    expect(redirectsFile([])).toBe('');
  });
});

describe('redirectFilePath', () => {
  it('keeps a path that ends in an HTML file name', () => {
    expect(redirectFilePath('/tin-tuc/a.html')).toBe('tin-tuc/a.html');
    expect(redirectFilePath('/tin-tuc/b.HTM')).toBe('tin-tuc/b.HTM');
  });

  it('writes index.html into a folder for any other path', () => {
    expect(redirectFilePath('/tin-tuc/a')).toBe('tin-tuc/a/index.html');
    expect(redirectFilePath('/tin-tuc/a/')).toBe('tin-tuc/a/index.html');
  });

  it('does not crash on an old URL with a bare "%"', () => {
    expect(() => redirectFilePath('/tin-tuc/giam-50%-hoc-phi.html')).not.toThrow();
  });

  it('drops the query and decodes the path into a file name', () => {
    expect(redirectFilePath('/tin-tuc/a.html?id=5')).toBe('tin-tuc/a.html');
    expect(redirectFilePath('/tin%20t%E1%BB%A9c/a.html')).toBe('tin tức/a.html');
  });
});

describe('redirectPage', () => {
  it('sends readers and crawlers to the new URL without script, under a policy that allows nothing else', () => {
    expect(
      redirectPage('https://lamdongtv.example/bai-viet/a/', 'Cụm thi đua', 'Bài viết đã chuyển sang địa chỉ mới:'),
    ).toBe(
      '<!doctype html><html lang="vi"><head><meta charset="utf-8">' +
        `<meta http-equiv="content-security-policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">` +
        '<title>Cụm thi đua</title>' +
        '<link rel="canonical" href="https://lamdongtv.example/bai-viet/a/"><meta name="robots" content="noindex">' +
        '<meta http-equiv="refresh" content="0; url=https://lamdongtv.example/bai-viet/a/"></head>' +
        '<body><p>Bài viết đã chuyển sang địa chỉ mới: <a href="https://lamdongtv.example/bai-viet/a/">Cụm thi đua</a></p></body></html>\n',
    );
  });

  it('escapes the title, message and target', () => {
    const html = redirectPage('https://x.vn/a/?q="><script>', 'Tôm & cá <script>alert(1)</script>', 'Xem "bài" <mới>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<title>Tôm &amp; cá &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toContain('href="https://x.vn/a/?q=&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('<p>Xem &quot;bài&quot; &lt;mới&gt; <a ');
  });
});
