import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasProblem, claimKey, siteClaimOwner } from '../../src/lib/url-claims.ts';

describe('aliasProblem', () => {
  it('accepts the old site URLs newsrooms have', () => {
    expect(aliasProblem('/tin-tuc/cum-thi-dua-123.html')).toBeUndefined();
    expect(aliasProblem('/tin-tuc/a.html?id=2&p=1')).toBeUndefined();
    expect(aliasProblem('/tin-t%E1%BB%A9c/%C4%91%C3%A0-l%E1%BA%A1t')).toBeUndefined();
  });

  it('refuses what _redirects reads as a pattern, and what no browser sends', () => {
    expect(aliasProblem('/*')).toMatchInlineSnapshot(`"có dấu "*", mà _redirects hiểu là "mọi đường dẫn""`);
    expect(aliasProblem('/tin/%2A')).toMatchInlineSnapshot(`"có dấu "*", mà _redirects hiểu là "mọi đường dẫn""`);
    expect(aliasProblem('/:slug/:id')).toMatchInlineSnapshot(
      `"có đoạn bắt đầu bằng ":", mà _redirects hiểu là một biến"`,
    );
    expect(aliasProblem('/a b.html')).toMatchInlineSnapshot(`"có khoảng trắng hoặc ký tự điều khiển"`);
    expect(aliasProblem('/a%20b.html')).toMatchInlineSnapshot(`"có khoảng trắng hoặc ký tự điều khiển"`);
    expect(aliasProblem('/a#b')).toMatchInlineSnapshot(`"có dấu "#": phần sau "#" không bao giờ tới máy chủ"`);
    expect(aliasProblem('/../../../tmp/x')).toMatchInlineSnapshot(
      `"có đoạn "." hoặc "..": trình duyệt không bao giờ gửi đường dẫn như vậy"`,
    );
    expect(aliasProblem('/%2e%2e/x')).toBe(aliasProblem('/../x'));
    expect(aliasProblem('/./404.html')).toBe(aliasProblem('/../x'));
    expect(aliasProblem('/a%5C..%5Cb')).toMatchInlineSnapshot(`"có dấu "\\""`);
    expect(aliasProblem('/%E0%A4%A')).toMatchInlineSnapshot(`"có mã "%" không đọc được"`);
    expect(aliasProblem(`/${'a'.repeat(201)}.html`)).toMatchInlineSnapshot(`"có một đoạn dài 206 byte, tối đa 200"`);
    expect(aliasProblem('tin-tuc/a.html')).toMatchInlineSnapshot(`"không bắt đầu bằng /"`);
  });
});

describe('claimKey', () => {
  it('gives every spelling of one page the same key', () => {
    expect(['/', '/index.html', '/%69ndex.html', '//', '/INDEX.HTM'].map(claimKey)).toEqual(['', '', '', '', '']);
    expect(['/bai-viet/a/', '//bai-viet/a', '/%62ai-viet/a/index.html', '/./Bai-Viet/a/'].map(claimKey)).toEqual([
      'bai-viet/a',
      'bai-viet/a',
      'bai-viet/a',
      'bai-viet/a',
    ]);
    expect(claimKey('/tin-tuc/a.html?id=2')).toBe('tin-tuc/a.html');
  });

  it('keeps pages apart that a host serves apart', () => {
    expect(claimKey('/tin-tuc/a.html')).not.toBe(claimKey('/tin-tuc/a'));
    expect(claimKey('/luu-tru/2020/')).not.toBe(claimKey('/luu-tru/'));
  });
});

describe('siteClaimOwner', () => {
  const publicFiles = new Set(['favicon.svg', '_headers']);
  it("names the site's own page, file or folder a key would take over", () => {
    expect(siteClaimOwner('', publicFiles)).toBe('trang chủ (/)');
    expect(siteClaimOwner('404', publicFiles)).toBe('trang 404 (/404)');
    expect(siteClaimOwner('rss.xml', publicFiles)).toBe('bản tin RSS (/rss.xml)');
    expect(siteClaimOwner('rss.xml/x', publicFiles)).toBe('bản tin RSS (/rss.xml)');
    expect(siteClaimOwner('sitemap-3.xml', publicFiles)).toBe('sơ đồ trang (/sitemap-3.xml)');
    expect(siteClaimOwner('luu-tru', publicFiles)).toBe('các trang lưu trữ (/luu-tru/)');
    expect(siteClaimOwner('pagefind/x.js', publicFiles)).toBe('chỉ mục tìm kiếm (/pagefind/)');
    expect(siteClaimOwner('favicon.svg', publicFiles)).toBe('tệp /favicon.svg trong public/');
  });

  it('knows every top-level page and folder in src/pages', () => {
    const pages = readdirSync(path.resolve(import.meta.dirname, '../../src/pages'), { withFileTypes: true });
    for (const entry of pages) {
      const route = entry.isDirectory()
        ? entry.name
        : entry.name
            .replace(/\.(astro|ts)$/, '')
            .replace(/^404$/, '404.html')
            .replace(/^index$/, '');
      expect(siteClaimOwner(claimKey(`/${route}`), new Set()), entry.name).toBeDefined();
    }
  });

  it('leaves old URLs of the old site alone', () => {
    expect(siteClaimOwner('tin-tuc/a.html', publicFiles)).toBeUndefined();
    expect(siteClaimOwner('rss', publicFiles)).toBeUndefined();
    expect(siteClaimOwner('bai-viet-cu/a', publicFiles)).toBeUndefined();
  });
});
