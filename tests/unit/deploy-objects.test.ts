import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { objectHeaders, objectKey, objectKind, redirectTargets, urlPathOf } from '../../src/lib/deploy/objects.ts';
import { parseHeadersFile } from '../../src/lib/headers-file.ts';
import { redirectFilePath } from '../../src/lib/redirects.ts';

const { rules } = parseHeadersFile(readFileSync(path.resolve(import.meta.dirname, '../../public/_headers'), 'utf8'));

describe('objectKind', () => {
  it('tells what pages need from pages, and the home page from the rest', () => {
    const redirects = new Set(['tin/a/index.html']);
    expect(
      [
        '_astro/BaseLayout.B-jRbPrk.css',
        'anh/ho-xuan-huong-b6d8198d45a24f24-400.avif',
        'pagefind/2024-06/fragment/vi_daecfdc.pf_fragment',
        'pagefind/2023-01_2024-05/index/vi_1324190.pf_index',
        'pagefind/2024-06/filter/vi_258c882.pf_filter',
        'pagefind/2024-06/phrases/vi_a74385dd9c/1bf.bin',
        'pagefind/2024-06/pagefind-entry.json',
        'pagefind/2024-06/keys/dd.txt',
        'pagefind/2024-06/wasm.unknown.pagefind',
        'bai-viet/da-lat/index.html',
        'tin/a/index.html',
        'chuyen-muc/thoi-su/rss.xml',
        'sitemap-index.xml',
        'robots.txt',
        'index.html',
      ].map((file) => objectKind(file, redirects)),
    ).toEqual([
      'asset',
      'picture',
      'search-data',
      'search-data',
      'search-data',
      'search-data',
      'search-entry',
      'search-entry',
      'search-entry',
      'page',
      'redirect',
      'feed',
      'sitemap',
      'other',
      'home',
    ]);
  });
});

describe('urlPathOf', () => {
  it('serves index.html at its folder', () => {
    expect(urlPathOf('index.html')).toBe('/');
    expect(urlPathOf('bai-viet/da-lat/index.html')).toBe('/bai-viet/da-lat/');
    expect(urlPathOf('404.html')).toBe('/404.html');
  });
});

describe('objectHeaders', () => {
  it('takes Cache-Control from public/_headers and gives text UTF-8', () => {
    const none = new Map<string, string>();
    expect(objectHeaders('_astro/a.B1.css', rules, none)).toEqual({
      contentType: 'text/css; charset=utf-8',
      cacheControl: 'public, max-age=31536000, immutable',
      redirectLocation: undefined,
    });
    expect(objectHeaders('bai-viet/lễ-hội/index.html', rules, none)).toEqual({
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'public, max-age=300, must-revalidate',
      redirectLocation: undefined,
    });
    expect(objectHeaders('anh/a-1-800.webp', rules, none).contentType).toBe('image/webp');
    expect(objectHeaders('pagefind/2024-06/fragment/vi_1.pf_fragment', rules, none).contentType).toBe(
      'application/octet-stream',
    );
  });

  it('lets a _headers rule name the Content-Type, and sends an old URL on', () => {
    const custom = parseHeadersFile('/*.pagefind\n  Content-Type: application/wasm\n').rules;
    expect(objectHeaders('pagefind/a/wasm.unknown.pagefind', custom, new Map()).contentType).toBe('application/wasm');
    const redirect = objectHeaders('tin/a/index.html', rules, new Map([['tin/a/index.html', '/bai-viet/a/']]));
    expect(redirect).toEqual({
      contentType: 'text/html; charset=utf-8',
      cacheControl: undefined,
      redirectLocation: '/bai-viet/a/',
    });
  });
});

describe('redirectTargets', () => {
  it("reads _redirects into each redirect page's file and target", () => {
    const text = '# cũ\n/du-lich/a.html /bai-viet/a/ 301\n/tin/l%E1%BB%85-h%E1%BB%99i /bai-viet/le-hoi/ 301\n\n';
    expect(redirectTargets(text, redirectFilePath)).toEqual(
      new Map([
        ['du-lich/a.html', '/bai-viet/a/'],
        ['tin/lễ-hội/index.html', '/bai-viet/le-hoi/'],
      ]),
    );
  });
});

describe('objectKey', () => {
  it('puts files under the prefix, or at the root', () => {
    expect(objectKey('luu-tru', 'rss.xml')).toBe('luu-tru/rss.xml');
    expect(objectKey('', 'rss.xml')).toBe('rss.xml');
  });
});
