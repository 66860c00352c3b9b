import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSitemap } from '../../src/integrations/sitemap.ts';
import { sitemapUrls } from '../../src/lib/sitemap.ts';

describe('sitemapUrls', () => {
  it('makes absolute URLs of the pages, without the error pages or duplicates, in natural order', () => {
    expect(
      sitemapUrls(
        ['chuyen-muc/thoi-su/trang/10/', '', '404/', '/bai-viet/da-lat/', 'chuyen-muc/thoi-su/trang/2/', '500', ''],
        'https://lamdongtv.example',
      ),
    ).toEqual([
      'https://lamdongtv.example/',
      'https://lamdongtv.example/bai-viet/da-lat/',
      'https://lamdongtv.example/chuyen-muc/thoi-su/trang/2/',
      'https://lamdongtv.example/chuyen-muc/thoi-su/trang/10/',
    ]);
  });

  it('keeps a site served under a folder in its folder', () => {
    expect(sitemapUrls(['bai-viet/da-lat/'], 'https://ltv.github.io/luu-tru')).toEqual([
      'https://ltv.github.io/luu-tru/bai-viet/da-lat/',
    ]);
  });
});

describe('writeSitemap', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sitemap-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes an index and the sitemap files it lists, a file per so many URLs', async () => {
    const urls = ['https://x.vn/', 'https://x.vn/a/', 'https://x.vn/b/?q=1&r=2'];
    await writeSitemap(dir, urls, 'https://x.vn/', 2);
    expect((await readdir(dir)).sort()).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-index.xml']);
    expect(await readFile(path.join(dir, 'sitemap-index.xml'), 'utf8')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
        '<sitemap><loc>https://x.vn/sitemap-0.xml</loc></sitemap><sitemap><loc>https://x.vn/sitemap-1.xml</loc></sitemap>' +
        '</sitemapindex>',
    );
    expect(await readFile(path.join(dir, 'sitemap-0.xml'), 'utf8')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
        '<url><loc>https://x.vn/</loc></url><url><loc>https://x.vn/a/</loc></url></urlset>',
    );
    expect(await readFile(path.join(dir, 'sitemap-1.xml'), 'utf8')).toContain(
      '<url><loc>https://x.vn/b/?q=1&amp;r=2</loc></url>',
    );
  });
});
