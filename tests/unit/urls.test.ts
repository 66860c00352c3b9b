import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  archiveUrl,
  articleUrl,
  authorUrl,
  categoryFeedUrl,
  categoryUrl,
  pageUrl,
  searchUrl,
  tagUrl,
} from '../../src/lib/urls.ts';

describe('articleUrl', () => {
  it('puts the article under /bai-viet/ with a trailing slash', () => {
    expect(articleUrl('cum-thi-dua-so-1')).toBe('/bai-viet/cum-thi-dua-so-1/');
  });
});

describe('categoryUrl', () => {
  it('puts the category under /chuyen-muc/', () => {
    expect(categoryUrl('thoi-su')).toBe('/chuyen-muc/thoi-su/');
  });
});

describe('categoryFeedUrl', () => {
  it('puts the feed inside the category', () => {
    expect(categoryFeedUrl('thoi-su')).toBe('/chuyen-muc/thoi-su/rss.xml');
  });
});

describe('authorUrl', () => {
  it('puts the author under /tac-gia/', () => {
    expect(authorUrl('lo-thanh')).toBe('/tac-gia/lo-thanh/');
  });
});

describe('tagUrl', () => {
  it('puts the tag under /the/', () => {
    expect(tagUrl('da-lat')).toBe('/the/da-lat/');
  });
});

describe('archiveUrl', () => {
  it('gives the archive root, a year and a month', () => {
    expect(archiveUrl()).toBe('/luu-tru/');
    expect(archiveUrl(2022)).toBe('/luu-tru/2022/');
    expect(archiveUrl('2022', '05')).toBe('/luu-tru/2022/05/');
  });
});

describe('searchUrl', () => {
  it('encodes a Vietnamese query', () => {
    expect(searchUrl('đà lạt')).toBe('/tim-kiem/?q=%C4%91%C3%A0+l%E1%BA%A1t');
  });

  it('encodes characters that would break the query string', () => {
    expect(searchUrl('a&b=c#d')).toBe('/tim-kiem/?q=a%26b%3Dc%23d');
  });

  it('gives the bare search page without a query', () => {
    expect(searchUrl()).toBe('/tim-kiem/');
    expect(searchUrl('')).toBe('/tim-kiem/');
  });
});

describe('pageUrl', () => {
  it('appends the page number to a list URL', () => {
    expect(pageUrl('/chuyen-muc/thoi-su/', 3)).toBe('/chuyen-muc/thoi-su/trang/3/');
    expect(pageUrl('/', 2)).toBe('/trang/2/');
  });
});

describe('absoluteUrl', () => {
  it('resolves a path on the site origin', () => {
    expect(absoluteUrl('/bai-viet/a/', 'https://lamdongtv.example')).toBe('https://lamdongtv.example/bai-viet/a/');
    expect(absoluteUrl('/bai-viet/a/', 'https://lamdongtv.example/')).toBe('https://lamdongtv.example/bai-viet/a/');
  });
});
