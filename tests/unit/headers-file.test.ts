import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile, ruleMatches, rulesSetting } from '../../src/lib/headers-file.ts';

const FILE = `# chú thích
/*
  X-Content-Type-Options: nosniff
  X-Robots-Tag: noindex

/_astro/*
  Cache-Control: public, max-age=31536000, immutable
  X-Robots-Tag: nosnippet

/bai-viet/:slug/
  ! X-Robots-Tag
  Cache-Control: public, max-age=300

https://lamdongtv.example/rss.xml
  Content-Type: application/rss+xml
`;

describe('parseHeadersFile', () => {
  it('reads path blocks, headers, detached headers and comments', () => {
    const { rules, problems } = parseHeadersFile(FILE);
    expect(problems).toEqual([]);
    expect(rules.map((rule) => [rule.line, rule.pattern, rule.headers.length, rule.detach])).toEqual([
      [2, '/*', 2, []],
      [6, '/_astro/*', 2, []],
      [10, '/bai-viet/:slug/', 1, ['X-Robots-Tag']],
      [14, 'https://lamdongtv.example/rss.xml', 1, []],
    ]);
  });

  it('reports lines it cannot read', () => {
    expect(parseHeadersFile('  X-A: b\n/a\n  khong-co-hai-cham\n').problems).toEqual([
      { line: 1, message: 'dòng tiêu đề thụt vào nhưng chưa có đường dẫn nào phía trên' },
      { line: 3, message: 'không phải dạng "Tên: giá trị": khong-co-hai-cham' },
    ]);
  });
});

describe('ruleMatches', () => {
  it('matches splats across slashes and placeholders within one segment', () => {
    expect(ruleMatches('/*', '/')).toBe(true);
    expect(ruleMatches('/_astro/*', '/_astro/fonts/a.woff2')).toBe(true);
    expect(ruleMatches('/_astro/*', '/bai-viet/_astro/a.css')).toBe(false);
    expect(ruleMatches('/bai-viet/:slug/', '/bai-viet/da-lat/')).toBe(true);
    expect(ruleMatches('/bai-viet/:slug/', '/bai-viet/da-lat/trang/2/')).toBe(false);
    expect(ruleMatches('/sitemap-*', '/sitemap-index.xml')).toBe(true);
    expect(ruleMatches('/pagefind/:shard/wasm.*', '/pagefind/2022/wasmXunknown')).toBe(false);
    expect(ruleMatches('/pagefind/:shard/index/*', '/pagefind/2011-2014/index/a.pf_index')).toBe(true);
    expect(ruleMatches('https://lamdongtv.example/rss.xml', '/rss.xml')).toBe(true);
  });
});

describe('headersFor', () => {
  const { rules } = parseHeadersFile(FILE);

  it('adds up matching rules and joins a repeated header with a comma, as the CDNs do', () => {
    expect(headersFor(rules, '/_astro/a.css')).toEqual({
      'x-content-type-options': 'nosniff',
      'x-robots-tag': 'noindex, nosnippet',
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });

  it('removes detached headers', () => {
    expect(headersFor(rules, '/bai-viet/da-lat/')).toEqual({
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=300',
    });
  });
});

describe('rulesSetting', () => {
  it('names every rule that sets a header for a path', () => {
    const { rules } = parseHeadersFile(FILE);
    expect(rulesSetting(rules, '/_astro/a.css', 'x-robots-tag').map((rule) => rule.pattern)).toEqual([
      '/*',
      '/_astro/*',
    ]);
  });
});
