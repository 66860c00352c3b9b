import { describe, expect, it } from 'vitest';
import { analyseHtml, cssReferences, redirectSources, xmlReferences } from '../../src/lib/page-facts.ts';

const page = (head: string, body = '', lang = 'vi') =>
  `<!DOCTYPE html>\n<html lang="${lang}">\n<head>${head}</head>\n<body>\n${body}\n</body>\n</html>`;
const CSP = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'">`;
const HEAD = `<title>Trang</title><link rel="canonical" href="https://lamdongtv.example/a/">${CSP}`;

describe('analyseHtml', () => {
  it('reads title, canonical, lang, ids and every URL with its line', () => {
    const facts = analyseHtml(
      page(
        `${HEAD}<link rel="stylesheet" href="/_astro/a.css"><meta property="og:image" content="https://lamdongtv.example/_astro/b.jpg">`,
        '<h2 id="muc">Mục</h2>\n<a href="#muc">đến mục</a>\n<picture><source srcset="/a.avif 400w, /b.avif 800w"><img src="/a.jpg" alt=""></picture>\n<form action="/tim-kiem/"></form><script type="module" src="/_astro/c.js"></script>',
      ),
    );
    expect(facts).toMatchObject({
      title: 'Trang',
      canonical: 'https://lamdongtv.example/a/',
      lang: 'vi',
      redirect: false,
      csp: "default-src 'self'; script-src 'self'",
    });
    expect([...facts.ids]).toEqual(['muc']);
    expect(facts.references.map((r) => `${r.line} ${r.via} ${r.url}`)).toMatchInlineSnapshot(`
      [
        "3 <link rel="stylesheet"> /_astro/a.css",
        "3 <meta property="og:image"> https://lamdongtv.example/_astro/b.jpg",
        "6 <a href> #muc",
        "7 <source srcset> /a.avif",
        "7 <source srcset> /b.avif",
        "7 <img src> /a.jpg",
        "8 <form action> /tim-kiem/",
        "8 <script src> /_astro/c.js",
        "3 <link rel="canonical"> https://lamdongtv.example/a/",
      ]
    `);
  });

  it('recognises redirect pages and pages kept out of search engines', () => {
    const redirect = analyseHtml(
      '<!doctype html><html lang="vi"><head><title>Tin</title><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=https://lamdongtv.example/bai-viet/a/"></head></html>',
    );
    expect(redirect).toMatchObject({ redirect: true, noindex: true });
    expect(redirect.references.map((r) => r.url)).toEqual(['https://lamdongtv.example/bai-viet/a/']);
  });
});

describe('cssReferences, xmlReferences and redirectSources', () => {
  it('finds url() in stylesheets, with or without quotes', () => {
    expect(
      cssReferences("a{}\n@font-face{src:url(./a.woff2) format('woff2'),url('b.woff')}").map(
        (r) => `${r.line} ${r.url}`,
      ),
    ).toEqual(['2 ./a.woff2', '2 b.woff']);
  });

  it('finds page URLs in sitemaps and feeds, unescaped', () => {
    const xml =
      '<rss><channel><atom:link href="https://x.vn/rss.xml" rel="self"/>\n<link>https://x.vn/</link>\n<url><loc>https://x.vn/a/?b=1&amp;c=2</loc></url>';
    expect(xmlReferences(xml).map((r) => `${r.line} ${r.via} ${r.url}`)).toEqual([
      '1 <atom:link> https://x.vn/rss.xml',
      '2 <link> https://x.vn/',
      '3 <loc> https://x.vn/a/?b=1&c=2',
    ]);
  });

  it('reads the source paths of _redirects', () => {
    expect(redirectSources('# cũ\n/tin/a /bai-viet/a/ 301\n\n/du-lich/b.html /bai-viet/b/ 301\n')).toEqual([
      '/tin/a',
      '/du-lich/b.html',
    ]);
  });
});
