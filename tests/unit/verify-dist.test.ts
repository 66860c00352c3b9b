import { describe, expect, it } from 'vitest';
import { analyseHtml, type PageFacts } from '../../src/lib/page-facts.ts';
import { cspProblem, formatDistReport, servedFile, verifyDist, type DistSnapshot } from '../../src/lib/verify-dist.ts';

const page = (head: string, body = '', lang = 'vi') =>
  `<!DOCTYPE html>\n<html lang="${lang}">\n<head>${head}</head>\n<body>\n${body}\n</body>\n</html>`;
const CSP = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'">`;
const HEAD = `<title>Trang</title><link rel="canonical" href="https://lamdongtv.example/a/">${CSP}`;

function snapshot(pages: Record<string, string>, extra: string[] = [], redirects: string[] = []): DistSnapshot {
  const facts = new Map<string, PageFacts>(Object.entries(pages).map(([file, html]) => [file, analyseHtml(html)]));
  return {
    files: new Set([...Object.keys(pages), ...extra]),
    pages: facts,
    sizes: new Map(Object.entries(pages).map(([file, html]) => [file, Buffer.byteLength(html)])),
    other: new Map(),
    redirects: new Set(redirects),
  };
}
const OPTIONS = { siteUrl: 'https://lamdongtv.example', maxHtmlBytes: 200 * 1024 };
const BASE = { 'index.html': page(HEAD, '<a href="/a/">a</a>'), '404.html': page(HEAD) };

describe('cspProblem', () => {
  it('accepts a policy that limits scripts without inline or evaluated code, by script-src or default-src', () => {
    expect(cspProblem("default-src 'none'; base-uri 'none'; form-action 'none'")).toBeUndefined();
    expect(cspProblem("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='")).toBeUndefined();
  });

  it('names what is missing or unsafe', () => {
    expect([
      cspProblem(undefined),
      cspProblem('  '),
      cspProblem("img-src 'self'; frame-ancestors 'none'"),
      cspProblem("default-src 'self'; script-src 'self' 'UNSAFE-EVAL'"),
      cspProblem("script-src 'self'; default-src 'unsafe-inline'"),
    ]).toMatchInlineSnapshot(`
      [
        "thiếu Content-Security-Policy (<meta http-equiv="content-security-policy">)",
        "thiếu Content-Security-Policy (<meta http-equiv="content-security-policy">)",
        "Content-Security-Policy không giới hạn script (không có script-src hay default-src): "img-src 'self'; frame-ancestors 'none'"",
        "Content-Security-Policy cho chạy script 'unsafe-eval': "default-src 'self'; script-src 'self' 'UNSAFE-EVAL'"",
        undefined,
      ]
    `);
  });
});

describe('servedFile', () => {
  const files = new Set(['index.html', 'a/index.html', 'b.html', 'rss.xml', 'tin/đà-lạt/index.html']);
  it('serves directories by index.html, extensionless paths like a CDN, and redirects', () => {
    expect(servedFile('/', files, new Set())).toBe('index.html');
    expect(servedFile('/a/', files, new Set())).toBe('a/index.html');
    expect(servedFile('/a', files, new Set())).toBe('a/index.html');
    expect(servedFile('/b', files, new Set())).toBe('b.html');
    expect(servedFile('/rss.xml', files, new Set())).toBe('rss.xml');
    expect(servedFile('/tin/%C4%91%C3%A0-l%E1%BA%A1t/', files, new Set())).toBe('tin/đà-lạt/index.html');
    expect(servedFile('/cu/x', files, new Set(['/cu/x']))).toBe('_redirects');
    expect(servedFile('/khong-co/', files, new Set())).toBeUndefined();
  });
});

describe('verifyDist', () => {
  it('accepts a site whose links, anchors and pages are all in order', () => {
    const result = verifyDist(
      snapshot(
        {
          ...BASE,
          'a/index.html': page(
            HEAD,
            '<h2 id="x">x</h2><a href="/#top">đầu</a><a href="https://lamdongtv.example/a/#x">x</a><a href="https://khac.example/y/">khác</a><a href="/tin/cu">cũ</a><a href="mailto:a@b.vn">thư</a>',
          ),
        },
        [],
        ['/tin/cu'],
      ),
      OPTIONS,
    );
    expect(result.problems).toEqual([]);
    expect(formatDistReport(result, 'dist')).toBe('Đã kiểm tra 3 trang và 8 liên kết trong dist/: không có vấn đề.');
  });

  it('reports broken links, anchors, missing title, canonical, lang, duplicate ids and oversized pages', () => {
    const result = verifyDist(
      snapshot(
        {
          'index.html': page(
            HEAD,
            '<a href="/khong-co/">a</a>\n<a href="/a/#khong-co">b</a>\n<img src="/_astro/mat.jpg" alt="">',
          ),
          'a/index.html': page(`<title> </title>${CSP}`, '<p id="d">1</p><p id="d">2</p><a href="#thieu">c</a>', ''),
          'lon/index.html': page(HEAD, 'x'.repeat(300 * 1024)),
        },
        ['_astro/co.jpg'],
      ),
      OPTIONS,
    );
    expect(formatDistReport(result, 'dist')).toMatchInlineSnapshot(`
      "dist/404.html: thiếu tệp này trong dist/
      dist/a/index.html: thiếu <title> hoặc <title> rỗng
      dist/a/index.html: thiếu <link rel="canonical">
      dist/a/index.html: thiếu thuộc tính lang ở thẻ <html>
      dist/a/index.html: id "d" xuất hiện 2 lần: neo tới id này không rõ ràng
      dist/a/index.html:5: neo hỏng (<a href>): "#thieu": trang a/index.html không có id "thieu"
      dist/index.html:5: liên kết hỏng (<a href>): "/khong-co/" không có trong dist/
      dist/index.html:6: neo hỏng (<a href>): "/a/#khong-co": trang a/index.html không có id "khong-co"
      dist/index.html:7: liên kết hỏng (<img src>): "/_astro/mat.jpg" không có trong dist/
      dist/lon/index.html: trang nặng 300 KB, vượt ngân sách 200 KB

      10 vấn đề trong 4 tệp (đã kiểm tra 3 trang và 6 liên kết). Không được triển khai dist/ khi còn vấn đề."
    `);
  });

  it('does not require title and canonical of redirect pages, nor that a noindex page be served at its canonical URL', () => {
    const result = verifyDist(
      snapshot({
        ...BASE,
        'a/index.html': page(HEAD),
        '404.html': page(
          `<title>Không tìm thấy</title><meta name="robots" content="noindex"><link rel="canonical" href="https://lamdongtv.example/404/">${CSP}`,
        ),
        'tin/a/index.html': `<!doctype html><html lang="vi"><head>${CSP}<meta http-equiv="refresh" content="0; url=/a/"></head></html>`,
      }),
      OPTIONS,
    );
    expect(result.problems).toEqual([]);
  });

  it('refuses a page, redirect pages included, without a policy or whose policy lets inline script run', () => {
    const result = verifyDist(
      snapshot({
        ...BASE,
        'a/index.html': page(
          `${HEAD.replace(CSP, '')}<meta http-equiv="Content-Security-Policy" content="default-src 'self' 'unsafe-inline'">`,
        ),
        'tin/a/index.html':
          '<!doctype html><html lang="vi"><head><meta http-equiv="refresh" content="0; url=/a/"></head></html>',
      }),
      OPTIONS,
    );
    expect(formatDistReport(result, 'dist')).toMatchInlineSnapshot(`
      "dist/a/index.html: Content-Security-Policy cho chạy script 'unsafe-inline': "default-src 'self' 'unsafe-inline'"
      dist/tin/a/index.html: thiếu Content-Security-Policy (<meta http-equiv="content-security-policy">)

      2 vấn đề trong 2 tệp (đã kiểm tra 4 trang và 5 liên kết). Không được triển khai dist/ khi còn vấn đề."
    `);
  });

  it('names a broken target repeated on many pages once more in the summary', () => {
    const nav = '<form action="/tim-kiem/"></form>';
    const result = verifyDist(
      snapshot({ 'index.html': page(HEAD, nav), '404.html': page(HEAD, nav), 'a/index.html': page(HEAD) }),
      OPTIONS,
    );
    expect(formatDistReport(result, 'dist').split('\n').slice(-3)).toEqual([
      'Đích hỏng lặp lại: "/tim-kiem/" (2 chỗ).',
      '',
      '2 vấn đề trong 2 tệp (đã kiểm tra 3 trang và 5 liên kết). Không được triển khai dist/ khi còn vấn đề.',
    ]);
  });
});
