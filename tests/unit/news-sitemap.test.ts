import { Readable } from 'node:stream';
import { parseSitemap } from 'sitemap';
import { describe, expect, it } from 'vitest';
import { wellFormed } from '../well-formed-xml.ts';
import { newsSitemap } from '../../src/lib/news-sitemap.ts';

const SITE = { name: 'LTV & Lâm Đồng', url: 'https://lamdongtv.example' };
const NOW = new Date('2024-06-03T00:00:00Z');
const HOUR = 60 * 60 * 1000;

const at = (hoursBeforeNow: number, slug: string, title = `Bài ${slug}`) => ({
  title,
  url: `/bai-viet/${slug}/`,
  date: new Date(NOW.getTime() - hoursBeforeNow * HOUR),
});

const locs = (xml: string) => [...xml.matchAll(/<loc>(.*?)<\/loc>/g)].map((match) => match[1]);

describe('newsSitemap', () => {
  it('stays well-formed XML whatever the titles hold', async () => {
    const titles = ['A & B <c> ]]> "q" \'a\'', 'Đà Lạt\u2028mới\tthủy lợi 😀', '<![CDATA[x]]>', '&amp; &#0; &lt;'];
    const xml = await newsSitemap(
      titles.map((title, index) => at(index, `bai-${index}`, title)),
      { name: 'LTV <&> "Lâm Đồng"', url: 'https://lamdongtv.example' },
      NOW,
    );
    expect(wellFormed(xml)).toBe(true);
  });

  it('lists only articles from the two days before the build', async () => {
    const xml = await newsSitemap(
      [
        at(0, 'vua-dang'),
        at(47, 'hom-qua'),
        at(48, 'dung-hai-ngay'),
        at(49, 'qua-hai-ngay'),
        at(24 * 30, 'thang-truoc'),
      ],
      SITE,
      NOW,
    );
    expect(locs(xml)).toEqual([
      'https://lamdongtv.example/bai-viet/vua-dang/',
      'https://lamdongtv.example/bai-viet/hom-qua/',
      'https://lamdongtv.example/bai-viet/dung-hai-ngay/',
    ]);
  });

  it('leaves out articles dated after the build', async () => {
    expect(locs(await newsSitemap([at(-1, 'hen-gio'), at(1, 'da-dang')], SITE, NOW))).toEqual([
      'https://lamdongtv.example/bai-viet/da-dang/',
    ]);
  });

  it('writes a complete news entry with the Vietnam-time date and escaped text', async () => {
    const xml = await newsSitemap([at(1, 'tom-ca', 'Tôm & cá <ngon> "rẻ"')], SITE, NOW);
    expect(xml).toMatchInlineSnapshot(
      `"<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://lamdongtv.example/bai-viet/tom-ca/</loc><news:news><news:publication><news:name>LTV &amp; Lâm Đồng</news:name><news:language>vi</news:language></news:publication><news:publication_date>2024-06-03T06:00:00+07:00</news:publication_date><news:title>Tôm &amp; cá &lt;ngon&gt; "rẻ"</news:title></news:news></url></urlset>"`,
    );
    // The same entry, read back, as the sitemap this project wrote by hand before.
    const before =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' +
      '<url><loc>https://lamdongtv.example/bai-viet/tom-ca/</loc><news:news><news:publication>' +
      '<news:name>LTV &amp; Lâm Đồng</news:name><news:language>vi</news:language></news:publication>' +
      '<news:publication_date>2024-06-03T06:00:00+07:00</news:publication_date>' +
      '<news:title>Tôm &amp; cá &lt;ngon&gt; &quot;rẻ&quot;</news:title></news:news></url>\n' +
      '</urlset>\n';
    expect(await parseSitemap(Readable.from([xml]))).toEqual(await parseSitemap(Readable.from([before])));
  });

  it('keeps Vietnamese titles as written, in NFC', async () => {
    const title = 'Hòa bình, khỏe mạnh & thủy lợi ở Đắk Lắk';
    const [entry] = await parseSitemap(Readable.from([await newsSitemap([at(1, 'nfc', title)], SITE, NOW)]));
    expect(entry?.news?.title).toBe(title);
    expect(entry?.news?.title.normalize('NFC')).toBe(entry?.news?.title);
  });

  it('is a valid empty urlset when nothing is recent', async () => {
    const xml = await newsSitemap([at(100, 'cu')], SITE, NOW);
    expect(locs(xml)).toEqual([]);
    expect(xml).toMatch(/^<\?xml [^>]+><urlset [^>]+><\/urlset>$/);
    expect(wellFormed(xml)).toBe(true);
  });
});
