import { describe, expect, it } from 'vitest';
import { breadcrumbJsonLd, jsonForScript, newsArticleJsonLd } from '../../src/lib/structured-data.ts';

const SITE = { name: 'Đài PT-TH Lâm Đồng', url: 'https://lamdongtv.example' };

describe('jsonForScript', () => {
  it('escapes "<" so a value cannot close the script element', () => {
    const json = jsonForScript({ headline: '</script><script>alert(1)</script>' });
    expect(json).toBe('{"headline":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}');
    expect(json).not.toContain('</script');
  });

  it('escapes the line and paragraph separators', () => {
    expect(jsonForScript({ a: 'x\u2028y\u2029z' })).toBe('{"a":"x\\u2028y\\u2029z"}');
  });

  it('still parses back to the same value', () => {
    const value = { headline: 'Tôm <b> & cá </script>', n: [1, '\u2028'] };
    expect(JSON.parse(jsonForScript(value))).toEqual(value);
  });
});

describe('newsArticleJsonLd', () => {
  const article = {
    title: 'Cụm thi đua số 1 ký kết giao ước thi đua năm 2022',
    url: '/bai-viet/cum-thi-dua-so-1/',
    date: new Date('2022-05-10T23:49:00Z'),
    authors: [{ name: 'Lô Thanh', url: '/tac-gia/lo-thanh/' }],
    section: 'Tin tức',
    keywords: ['thi đua', 'Đà Lạt'],
  };

  it('describes the article with absolute URLs and Vietnam-time dates', () => {
    expect(
      newsArticleJsonLd(
        { ...article, updated: new Date('2022-05-11T00:15:00Z'), summary: 'Sapo', imageUrl: '/_astro/a.webp' },
        SITE,
      ),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Cụm thi đua số 1 ký kết giao ước thi đua năm 2022',
      description: 'Sapo',
      mainEntityOfPage: 'https://lamdongtv.example/bai-viet/cum-thi-dua-so-1/',
      url: 'https://lamdongtv.example/bai-viet/cum-thi-dua-so-1/',
      datePublished: '2022-05-11T06:49:00+07:00',
      dateModified: '2022-05-11T07:15:00+07:00',
      author: [{ '@type': 'Person', name: 'Lô Thanh', url: 'https://lamdongtv.example/tac-gia/lo-thanh/' }],
      articleSection: 'Tin tức',
      keywords: 'thi đua, Đà Lạt',
      image: ['https://lamdongtv.example/_astro/a.webp'],
      inLanguage: 'vi',
      publisher: { '@type': 'NewsMediaOrganization', name: 'Đài PT-TH Lâm Đồng', url: 'https://lamdongtv.example' },
    });
  });

  it('uses the publication date as modification date and omits what the article lacks', () => {
    const ld = JSON.parse(jsonForScript(newsArticleJsonLd({ ...article, keywords: [] }, SITE))) as Record<
      string,
      unknown
    >;
    expect(ld['datePublished']).toBe('2022-05-11T06:49:00+07:00');
    expect(ld['dateModified']).toBe('2022-05-11T06:49:00+07:00');
    expect(Object.keys(ld)).not.toContain('description');
    expect(Object.keys(ld)).not.toContain('keywords');
    expect(Object.keys(ld)).not.toContain('image');
  });

  it('ends every date with +07:00', () => {
    const ld = newsArticleJsonLd({ ...article, date: new Date('2022-12-31T17:30:00Z') }, SITE);
    expect(ld.datePublished).toBe('2023-01-01T00:30:00+07:00');
    expect(ld.dateModified).toMatch(/\+07:00$/);
  });
});

describe('breadcrumbJsonLd', () => {
  it('numbers the trail from 1 with absolute URLs', () => {
    expect(
      breadcrumbJsonLd(
        [
          { name: 'Trang chủ', url: '/' },
          { name: 'Thời sự', url: '/chuyen-muc/thoi-su/' },
          { name: 'Cụm thi đua', url: '/bai-viet/cum-thi-dua/' },
        ],
        SITE,
      ),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Trang chủ', item: 'https://lamdongtv.example/' },
        { '@type': 'ListItem', position: 2, name: 'Thời sự', item: 'https://lamdongtv.example/chuyen-muc/thoi-su/' },
        {
          '@type': 'ListItem',
          position: 3,
          name: 'Cụm thi đua',
          item: 'https://lamdongtv.example/bai-viet/cum-thi-dua/',
        },
      ],
    });
  });
});
