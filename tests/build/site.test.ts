import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { wellFormed } from '../well-formed-xml.ts';
import { codeDigest } from '../../src/cache/code-digest.ts';
import { builtFixture, fixturePath, scriptContents, type FixtureBuild } from './build-fixture.ts';

let site: FixtureBuild;
beforeAll(() => {
  site = builtFixture('basic');
});

const ARTICLE = 'bai-viet/da-lat-don-khach/index.html';

function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
    (match) => JSON.parse(match[1]!) as Record<string, unknown>,
  );
}

function htmlPages(build: FixtureBuild): string[] {
  return build.files().filter((file) => file.endsWith('.html'));
}

describe('article page', () => {
  it('carries the old site dateline in Vietnam time', () => {
    expect(site.read(ARTICLE)).toMatch(
      /<time datetime="2024-06-01T06:30:00\+07:00"[^>]*>Thứ bảy, 01\/06\/2024 - 06:30<\/time>/,
    );
  });

  it('shows breadcrumb, title, lead, body, byline, source and update line', () => {
    const html = site.read(ARTICLE);
    expect(html).toMatch(/<nav class="breadcrumbs"[^>]*>.*Trang chủ.*Du lịch.*Đà Lạt đón 1,2 triệu lượt khách/s);
    expect(html).toMatch(/<h1 class="article__title"[^>]*>Đà Lạt đón 1,2 triệu lượt khách<\/h1>/);
    expect(html).toContain('<p class="article__lead">Lượng khách đến Đà Lạt tăng mạnh dịp đầu hè.</p>');
    expect(html).toContain('<strong>Đà Lạt</strong>');
    expect(html).toMatch(/class="article__byline"[^>]*>.*Minh Đức<\/a> - <a[^>]*>Hoàng Yến<\/a>/s);
    expect(html).toContain('Nguồn: Lamdongtv.vn');
    expect(html).toContain('Cập nhật: Thứ bảy, 01/06/2024 - 07:15');
    // the lead sits before the body, the byline after it
    expect(html.indexOf('article__lead')).toBeLessThan(html.indexOf('article__body'));
    expect(html.indexOf('article__body')).toBeLessThan(html.indexOf('article__byline'));
  });

  it('shows the picture in AVIF, WebP and JPEG at four widths, named by its content and encoder, every file published', async () => {
    const html = site.read(ARTICLE);
    const digest = createHash('sha256')
      .update(codeDigest(['src/data/picture-files.ts']))
      .update('\0')
      .update(readFileSync(path.join(fixturePath('basic'), 'content/images/ho-xuan-huong.jpg')))
      .digest('hex')
      .slice(0, 16);
    const srcset = (format: string) =>
      [400, 800, 1200, 1600].map((width) => `/anh/ho-xuan-huong-${digest}-${width}.${format} ${width}w`).join(', ');
    const sizes = 'sizes="(max-width: 46rem) 100vw, 46rem"';
    expect(html).toContain(
      `<picture><source srcset="${srcset('avif')}" type="image/avif" ${sizes}><source srcset="${srcset('webp')}" type="image/webp" ${sizes}>` +
        `<img src="/anh/ho-xuan-huong-${digest}-1600.jpg" srcset="${srcset('jpg')}" alt="Hồ Xuân Hương buổi sáng" ${sizes} ` +
        'loading="eager" fetchpriority="high" decoding="async" width="1600" height="900"></picture>',
    );
    const published = site.files().filter((file) => file.startsWith('anh/'));
    expect(published).toHaveLength(12);
    for (const file of published) {
      const [, width, format] = /-(\d+)\.(\w+)$/.exec(file)!;
      const metadata = await sharp(path.join(site.dist, file)).metadata();
      expect([metadata.format, metadata.width], file).toEqual([
        format === 'jpg' ? 'jpeg' : format === 'avif' ? 'heif' : format,
        Number(width),
      ]);
    }
    expect(html).toContain('Hồ Xuân Hương, Đà Lạt');
    expect(html).toContain('Ảnh: Ngọc Hà');
  });

  it('offers share links without any third-party script', () => {
    const html = site.read(ARTICLE);
    expect(html).toContain(
      'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fthu-nghiem.example%2Fbai-viet%2Fda-lat-don-khach%2F',
    );
    expect(html).toContain('https://zalo.me/share?url=');
    expect(html).toContain('data-copy-link="https://thu-nghiem.example/bai-viet/da-lat-don-khach/"');
    for (const page of htmlPages(site)) {
      expect(site.read(page), page).not.toMatch(/<script[^>]+src="(https?:)?\/\//);
    }
  });

  it('links previous and next articles in the category and related articles', () => {
    const html = site.read('bai-viet/thoi-su-so-3/index.html');
    expect(html).toMatch(/rel="prev">← Bài trước: Thời sự số 2/);
    expect(html).toMatch(/rel="next">Bài sau: Thời sự số 4/);
    expect(html).toMatch(/Tin liên quan.*Thời sự số/s);
  });

  it('has a sidebar with the same category around the article, and a link to the latest news for readers without script', () => {
    const html = site.read('bai-viet/thoi-su-so-3/index.html');
    const aside = /<aside class="sidebar" aria-label="Tin khác"[^>]*>(.*?)<\/aside>/s.exec(html)![1]!;
    const [sameCategory, latest] = aside.split('Tin mới nhất');
    expect(sameCategory).toContain('Cùng chuyên mục Thời sự');
    // Every other Thời sự article is already linked as previous, next or related: the one left.
    expect([...sameCategory!.matchAll(/<li><a href="([^"]+)"/g)].map((match) => match[1])).toEqual([
      '/bai-viet/noi-dung-nguy-hiem/',
    ]);
    expect(html.split('href="/bai-viet/noi-dung-nguy-hiem/"')).toHaveLength(2);
    expect(latest).toContain('data-latest-news="/bai-viet/moi-nhat.json"');
    expect(latest).toContain('<a href="/">Xem tin mới nhất ở trang chủ</a>');
  });

  it('writes the latest news for every sidebar once, newest first, without drafts or future articles', () => {
    const latest = JSON.parse(site.read('bai-viet/moi-nhat.json')) as { title: string; url: string; date: string }[];
    expect(latest).toHaveLength(6);
    expect(latest[0]).toMatchObject({
      title: 'Đà Lạt đón 1,2 triệu lượt khách',
      url: '/bai-viet/da-lat-don-khach/',
      date: '01/06/2024',
    });
    expect(latest.map((entry) => entry.url)).not.toContain('/bai-viet/ban-nhap/');
    expect(latest.map((entry) => entry.url)).not.toContain('/bai-viet/bai-hen-gio/');
  });

  it('emits NewsArticle and BreadcrumbList JSON-LD with +07:00 dates', () => {
    const [breadcrumbs, article] = jsonLd(site.read(ARTICLE));
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Đà Lạt đón 1,2 triệu lượt khách',
      datePublished: '2024-06-01T06:30:00+07:00',
      dateModified: '2024-06-01T07:15:00+07:00',
      author: [{ name: 'Minh Đức' }, { name: 'Hoàng Yến' }],
    });
    expect(breadcrumbs).toMatchObject({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { position: 1, name: 'Trang chủ', item: 'https://thu-nghiem.example/' },
        { position: 2, name: 'Du lịch', item: 'https://thu-nghiem.example/chuyen-muc/du-lich/' },
        { position: 3, item: 'https://thu-nghiem.example/bai-viet/da-lat-don-khach/' },
      ],
    });
  });

  it('carries Open Graph article tags and a canonical URL', () => {
    const html = site.read(ARTICLE);
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta property="article:published_time" content="2024-06-01T06:30:00+07:00">');
    expect(html).toContain('<link rel="canonical" href="https://thu-nghiem.example/bai-viet/da-lat-don-khach/">');
    expect(html).toMatch(
      /<meta property="og:image" content="https:\/\/thu-nghiem\.example\/anh\/ho-xuan-huong-[0-9a-f]{16}-1200\.jpg">/,
    );
  });
});

describe('untrusted content', () => {
  const page = 'bai-viet/noi-dung-nguy-hiem/index.html';

  it('removes scripts, event handlers and javascript: links from Markdown', () => {
    const html = site.read(page);
    expect(html).not.toContain("alert('than-bai')");
    expect(html).not.toContain('onerror');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a>Bấm vào đây</a>');
  });

  it('escapes HTML in front matter', () => {
    const html = site.read(page);
    expect(scriptContents(html).filter((script) => script.includes('alert'))).toEqual([
      // only inside JSON-LD, where `<` is escaped and nothing runs
      expect.stringContaining('Tin \\u003cscript>alert'),
      expect.stringContaining('Tin \\u003cscript>alert'),
    ]);
    expect(html).toMatch(
      /<h1 class="article__title"[^>]*>Tin &lt;script&gt;alert\(&#39;tieu-de&#39;\)&lt;\/script&gt; nóng<\/h1>/,
    );
  });

  it('keeps allow-listed video embeds and turns other iframes into links', () => {
    const html = site.read(page);
    expect(html).toContain(
      '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Phóng sự Đà Lạt" loading="lazy"',
    );
    expect(html).not.toContain('<iframe src="https://evil.example');
    expect(html).toContain('<a href="https://evil.example/frame" rel="nofollow noopener">');
  });

  it('sends a strict Content-Security-Policy on every page', () => {
    for (const file of htmlPages(site).filter((file) => !site.read(file).includes('http-equiv="refresh"'))) {
      const csp = /http-equiv="content-security-policy" content="([^"]+)"/.exec(site.read(file))?.[1];
      expect(csp, file).toContain("default-src 'self'");
      expect(csp, file).toMatch(/script-src 'self'/);
      expect(csp, file).not.toContain('unsafe-inline');
    }
  });
});

describe('publishing rules', () => {
  it('leaves drafts and future-dated articles out of every page, feed and sitemap', () => {
    expect(site.exists('bai-viet/ban-nhap/index.html')).toBe(false);
    expect(site.exists('bai-viet/bai-hen-gio/index.html')).toBe(false);
    for (const file of site.files().filter((f) => /\.(html|xml|txt)$/.test(f))) {
      const text = site.read(file);
      expect(text, file).not.toContain('bí mật');
      expect(text, file).not.toContain('ban-nhap');
      expect(text, file).not.toContain('bai-hen-gio');
    }
  });

  it('writes every feed and sitemap as well-formed XML', () => {
    const xmlFiles = site.files().filter((f) => f.endsWith('.xml'));
    expect(xmlFiles).toEqual(expect.arrayContaining(['rss.xml', 'sitemap-index.xml', 'sitemap-news.xml']));
    for (const file of xmlFiles) expect(wellFormed(site.read(file)), file).toBe(true);
  });

  it('marks every page as Vietnamese with a title and canonical URL', () => {
    for (const file of htmlPages(site).filter((f) => !site.read(f).includes('http-equiv="refresh"'))) {
      const html = site.read(file);
      expect(html, file).toContain('<html lang="vi">');
      expect(html, file).toMatch(/<title>[^<]+<\/title>/);
      expect(html, file).toMatch(/<link rel="canonical" href="https:\/\/thu-nghiem\.example\//);
    }
  });

  it('has a Vietnamese 404 page that offers the latest news to read next', () => {
    expect(site.read('404.html')).toContain('Không tìm thấy trang');
    const latest = /<section class="latest-news" aria-labelledby="latest-heading">(.*?)<\/section>/s.exec(
      site.read('404.html'),
    )![1]!;
    expect(latest.match(/<li class="article-card article-card--thumb">/g)).toHaveLength(5);
    expect(latest).toContain('href="/bai-viet/da-lat-don-khach/"');
  });
});

describe('search page', () => {
  it('holds the latest news, for the stylesheet to show when a search finds nothing', () => {
    const latest = /<section class="latest-news search-page__latest"[^>]*>(.*?)<\/section>/s.exec(
      site.read('tim-kiem/index.html'),
    )![1]!;
    expect(latest).toContain('Tin mới nhất');
    expect(latest.match(/<li class="article-card article-card--thumb">/g)).toHaveLength(5);
  });
});

describe('lists', () => {
  it('paginates with stable numbered pages counted from the oldest, and shows no article twice on the way', () => {
    // Every story's title, the lead story's and the list's, in page order.
    const titles = (file: string) =>
      [
        ...site
          .read(file)
          .matchAll(
            /<h2[^>]*><a href="\/bai-viet\/[^"]+">(?:<span class="visually-hidden">Video: <\/span>)?([^<]+)<\/a>/g,
          ),
      ].map((m) => m[1]);
    // Seven articles, five a page: page 1 is full; the front page shows it with the two newer ones.
    expect(titles('chuyen-muc/thoi-su/index.html')).toEqual([
      'Tin &lt;script&gt;alert(&#39;tieu-de&#39;)&lt;/script&gt; nóng',
      'Thời sự số 6',
      'Thời sự số 5',
      'Thời sự số 4',
      'Thời sự số 3',
      'Thời sự số 2',
      'Thời sự số 1',
    ]);
    expect(titles('chuyen-muc/thoi-su/trang/1/index.html')).toEqual([
      'Thời sự số 5',
      'Thời sự số 4',
      'Thời sự số 3',
      'Thời sự số 2',
      'Thời sự số 1',
    ]);
    expect(site.exists('chuyen-muc/thoi-su/trang/2/index.html')).toBe(false);
    // The front page opens with its newest story large, the others with thumbnails.
    const front = site.read('chuyen-muc/thoi-su/index.html');
    expect(front).toMatch(
      /<article class="story story--lead"><div class="thumb-box"><span class="thumb thumb--placeholder thumb--tone-\d">/,
    );
    expect(front.match(/<li class="article-card article-card--thumb">/g)).toHaveLength(6);
    expect(site.read('chuyen-muc/thoi-su/index.html')).not.toContain('rel="next"');
    expect(site.read('chuyen-muc/thoi-su/trang/1/index.html')).toContain('href="/chuyen-muc/thoi-su/" rel="prev"');
  });

  it('builds author, tag and archive pages with folded URLs', () => {
    expect(site.read('tac-gia/minh-duc/index.html')).toContain('Bài viết của Minh Đức');
    expect(site.read('tac-gia/lo-thanh/index.html')).toContain('Phóng viên thời sự.');
    expect(site.read('the/da-lat/index.html')).toContain('Từ khóa: Đà Lạt');
    expect(site.read('luu-tru/2024/06/index.html')).toContain('Đà Lạt đón 1,2 triệu lượt khách');
    expect(site.read('luu-tru/2023/index.html')).toContain('Thời sự số 6');
    expect(site.read('luu-tru/2023/trang/1/index.html')).toContain('Thời sự số 1');
    expect(site.read('luu-tru/index.html')).toContain('href="/luu-tru/2024/05/"');
  });

  it('shows the latest articles and a block per category on the home page', () => {
    const html = site.read('index.html');
    expect(html).toContain('Tin mới nhất');
    expect(html).toMatch(/id="block-thoi-su"[^>]*><a href="\/chuyen-muc\/thoi-su\/">Thời sự<\/a>/);
    expect(html).toMatch(/id="block-du-lich"/);
  });
});

describe('the home page', () => {
  it('opens with the newest story large, its picture loaded at once, then four more and the latest news pictured', () => {
    const home = site.read('index.html');
    const lead = /<article class="story story--lead">(.*?)<\/article>/s.exec(home)![1]!;
    expect(lead).toContain('<a href="/bai-viet/da-lat-don-khach/">Đà Lạt đón 1,2 triệu lượt khách</a>');
    expect(lead).toMatch(/<picture class="thumb"><source srcset="\/anh\/ho-xuan-huong-[0-9a-f]{16}-400\.avif 400w/);
    expect(lead).toMatch(/loading="eager" fetchpriority="high" decoding="async" width="1600" height="900"/);
    expect(home.match(/<article class="story story--secondary">/g)?.length).toBeGreaterThanOrEqual(4);
    const latest = /<section aria-labelledby="latest-heading">(.*?)<\/section>/s.exec(home)![1]!;
    expect(latest).toContain('<li class="article-card article-card--thumb">');
    // Below the fold, pictures wait until they near the screen.
    expect(latest).not.toContain('loading="eager"');
  });
});

describe('video', () => {
  const page = () => site.read('bai-viet/thoi-su-so-4/index.html');

  it("opens the article with a poster that holds the player's address, and no player yet", () => {
    expect(page()).toContain('data-video-embed="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1"');
    expect(page()).toContain('href="https://www.youtube.com/watch?v=M7lc1UVf-VE"');
    expect(page()).not.toContain('<iframe');
    const article = jsonLd(page()).find((data) => data['@type'] === 'NewsArticle')!;
    expect(article['video']).toMatchObject({
      '@type': 'VideoObject',
      name: 'Thời sự số 4',
      embedUrl: 'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1',
      thumbnailUrl: ['https://thu-nghiem.example/anh-chia-se.png'],
    });
  });

  it('lists video articles at /video/ with a feed, marks them with a play badge, and links them from the menu', () => {
    expect(site.read('video/index.html')).toContain('href="/bai-viet/thoi-su-so-4/"');
    expect(site.read('video/index.html')).not.toContain('href="/bai-viet/thoi-su-so-3/"');
    expect(site.read('video/rss.xml')).toContain('<link>https://thu-nghiem.example/bai-viet/thoi-su-so-4/</link>');
    const category = site.read('chuyen-muc/thoi-su/index.html');
    expect(category).toMatch(/<span class="play-badge" aria-hidden="true"><\/span>/);
    expect(category).toContain('<span class="visually-hidden">Video: </span>Thời sự số 4');
    expect(site.read('index.html')).toContain('<a href="/video/">Video</a>');
  });
});

describe("the station's mark", () => {
  it('draws the home-screen icon and the default share picture from the logo, and names them on every page', async () => {
    const icon = await sharp(path.join(site.dist, 'apple-touch-icon.png')).metadata();
    expect([icon.format, icon.width, icon.height]).toEqual(['png', 180, 180]);
    const share = await sharp(path.join(site.dist, 'anh-chia-se.png')).metadata();
    expect([share.format, share.width, share.height]).toEqual(['png', 1200, 630]);
    const manifest = JSON.parse(site.read('site.webmanifest')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'Báo Thử Nghiệm Lâm Đồng', short_name: 'Thử Nghiệm', lang: 'vi' });
    expect(site.exists('logo.svg')).toBe(true);
    const home = site.read('index.html');
    expect(home).toContain('<link rel="apple-touch-icon" href="/apple-touch-icon.png">');
    expect(home).toContain('<link rel="manifest" href="/site.webmanifest">');
    expect(home).toContain('<img class="site-name__logo" src="/logo.svg" alt="" width="36" height="36">');
  });

  it('gives a page without a picture of its own the share picture, so previews are never blank', () => {
    for (const file of ['index.html', 'chuyen-muc/thoi-su/index.html', 'bai-viet/thoi-su-so-1/index.html']) {
      expect(site.read(file), file).toContain(
        '<meta property="og:image" content="https://thu-nghiem.example/anh-chia-se.png">',
      );
    }
  });
});

describe('discovery files', () => {
  it('publishes RSS for the site and each category', () => {
    const feed = site.read('rss.xml');
    expect(feed).toContain('<language>vi</language>');
    expect(feed).toContain('<link>https://thu-nghiem.example/bai-viet/da-lat-don-khach/</link>');
    const category = site.read('chuyen-muc/du-lich/rss.xml');
    expect(category).toContain('<title>Báo Thử Nghiệm Lâm Đồng: Du lịch</title>');
    expect(category).toContain('da-lat-don-khach');
    expect(category).not.toContain('thoi-su-so-1');
  });

  it('writes a sitemap index and a Google News sitemap of the last two days', () => {
    expect(site.read('sitemap-index.xml')).toContain('https://thu-nghiem.example/sitemap-0.xml');
    const sitemap = site.read('sitemap-0.xml');
    expect(sitemap).toContain('https://thu-nghiem.example/bai-viet/da-lat-don-khach/');
    expect(sitemap).not.toContain('/404');
    const news = site.read('sitemap-news.xml');
    expect(news).toContain('<news:publication_date>2024-06-01T06:30:00+07:00</news:publication_date>');
    expect(news).not.toContain('thoi-su-so-1');
    expect(news).not.toContain('noi-dung-nguy-hiem');
    expect(site.read('robots.txt')).toContain('Sitemap: https://thu-nghiem.example/sitemap-index.xml');
  });

  it('redirects old URLs with pages and a _redirects file', () => {
    expect(site.read('_redirects')).toBe(
      '/du-lich/da-lat-don-khach-a123.html /bai-viet/da-lat-don-khach/ 301\n/tin/da-lat-don-khach /bai-viet/da-lat-don-khach/ 301\n',
    );
    for (const file of ['du-lich/da-lat-don-khach-a123.html', 'tin/da-lat-don-khach/index.html']) {
      expect(site.read(file)).toContain(
        '<meta http-equiv="refresh" content="0; url=https://thu-nghiem.example/bai-viet/da-lat-don-khach/">',
      );
    }
    expect(site.exists('redirects.json')).toBe(false);
  });
});
