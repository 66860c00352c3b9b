import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFixture } from './build-fixture.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
let work: string;

/** A fresh copy of the built basic fixture's dist/, so problems can be planted in it. */
function copyDist(name: string): string {
  const dist = path.join(work, name);
  cpSync(builtFixture('basic').dist, dist, { recursive: true });
  // The hostile-content article keeps `<img src="x.jpg">` to test the sanitiser; give the
  // image a file so the copy starts with no problem at all.
  writeFileSync(path.join(dist, 'bai-viet/noi-dung-nguy-hiem/x.jpg'), '');
  return name;
}

/** Runs `npm run verify` on a folder of the work directory, by its relative name. */
function verify(name: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(PROJECT, 'scripts/verify-dist.ts'), name, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, SITE_URL: '' },
  });
  // Asset names carry content hashes, and lines and counts follow the templates: the
  // report is compared without them.
  const output = `${result.stdout}${result.stderr}`
    .replace(/\.[\w-]{8}(?=\.\w+\b)/g, '.<hash>')
    .replace(/\.html:\d+:/g, '.html:<dòng>:')
    .replace(/(đã kiểm tra) \d+ trang và \d+ liên kết/i, '$1 <n> trang và <n> liên kết')
    .trim();
  return { status: result.status, output };
}

function edit(name: string, file: string, change: (html: string) => string) {
  const full = path.join(work, name, file);
  const before = readFileSync(full, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`Nothing planted in ${file}`);
  writeFileSync(full, after);
}

beforeAll(() => {
  expect(builtFixture('basic').status).toBe(0);
  work = mkdtempSync(path.join(tmpdir(), 'verify-'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run verify on the built basic fixture', () => {
  it('reads again a page changed since a passing run, with the build cache beside the site', () => {
    // The work folder as a site's root: dist/ beside node_modules/.astro, as npm run build leaves them.
    mkdirSync(path.join(work, 'node_modules/.astro'), { recursive: true });
    const dist = copyDist('dist');
    expect(verify(dist).status).toBe(0);
    expect(existsSync(path.join(work, 'node_modules/.astro/verified-pages.bin'))).toBe(true);
    expect(verify(dist).status).toBe(0);
    edit(dist, 'index.html', (html) => html.replace('</main>', '<a href="/bai-viet/khong-co/">x</a></main>'));
    const changed = verify(dist);
    expect(changed.status).toBe(1);
    expect(changed.output).toContain('dist/index.html:<dòng>: liên kết hỏng (<a href>): "/bai-viet/khong-co/"');
    // A page that others link to, removed: their links are checked again though they did not change.
    rmSync(path.join(work, dist, 'bai-viet/thoi-su-so-3'), { recursive: true });
    expect(verify(dist).output).toMatch(/liên kết hỏng \(<a href>\): "\/bai-viet\/thoi-su-so-3\/"/);
  });

  it('passes a good build, having checked every page and link', () => {
    const { status, output } = verify(copyDist('tot'));
    expect(output).toBe('Đã kiểm tra <n> trang và <n> liên kết trong tot/: không có vấn đề.');
    expect(status).toBe(0);
  });

  it('fails with every planted problem: links, anchors, images, fonts, title, canonical, lang', () => {
    const dist = copyDist('hong');
    edit(dist, 'bai-viet/da-lat-don-khach/index.html', (html) =>
      html
        .replace('href="/the/da-lat/"', 'href="/the/khong-co/"')
        .replace('<h2 id="share-heading">', '<h2 id="share-heading"><a href="#khong-co-neo">¶</a>')
        .replace(
          'href="/chuyen-muc/du-lich/">Du lịch</a></li>',
          'href="/chuyen-muc/du-lich/#khong-co">Du lịch</a></li>',
        ),
    );
    edit(dist, 'index.html', (html) => html.replace(/<title>[^<]*<\/title>/, '<title></title>'));
    edit(dist, 'chuyen-muc/du-lich/index.html', (html) =>
      html.replace('<html lang="vi">', '<html>').replace(/<link rel="canonical"[^>]*>/, ''),
    );
    edit(dist, 'tin/da-lat-don-khach/index.html', (html) =>
      html.replaceAll(
        'https://thu-nghiem.example/bai-viet/da-lat-don-khach/',
        'https://thu-nghiem.example/bai-viet/da-lat-don-kach/',
      ),
    );
    // A font the stylesheet needs, and a picture file a srcset names.
    const assets = readdirSync(path.join(work, dist, '_astro'));
    rmSync(
      path.join(
        work,
        dist,
        '_astro',
        assets.find((file) => /^be-vietnam-pro-vietnamese-400-normal\.[\w-]+\.woff2$/.test(file))!,
      ),
    );
    const pictures = readdirSync(path.join(work, dist, 'anh'));
    rmSync(
      path.join(
        work,
        dist,
        'anh',
        pictures.find((file) => /^ho-xuan-huong-[0-9a-f]{16}-800\.avif$/.test(file))!,
      ),
    );

    const { status, output } = verify(dist);
    expect(status).toBe(1);
    expect(output.replace(/ho-xuan-huong-[0-9a-f]{16}-/g, 'ho-xuan-huong-<mã>-')).toMatchInlineSnapshot(`
      "hong/_astro/BaseLayout.<hash>.css:1: liên kết hỏng (url()): "/_astro/be-vietnam-pro-vietnamese-400-normal.<hash>.woff2" không có trong dist/
      hong/404.html:<dòng>: liên kết hỏng (<source srcset>): "/anh/ho-xuan-huong-<mã>-800.avif" không có trong dist/
      hong/bai-viet/da-lat-don-khach/index.html:<dòng>: neo hỏng (<a href>): "/chuyen-muc/du-lich/#khong-co": trang chuyen-muc/du-lich/index.html không có id "khong-co"
      hong/bai-viet/da-lat-don-khach/index.html:<dòng>: liên kết hỏng (<source srcset>): "/anh/ho-xuan-huong-<mã>-800.avif" không có trong dist/
      hong/bai-viet/da-lat-don-khach/index.html:<dòng>: liên kết hỏng (<a href>): "/the/khong-co/" không có trong dist/
      hong/bai-viet/da-lat-don-khach/index.html:<dòng>: neo hỏng (<a href>): "#khong-co-neo": trang bai-viet/da-lat-don-khach/index.html không có id "khong-co-neo"
      hong/chuyen-muc/du-lich/index.html: thiếu <link rel="canonical">
      hong/chuyen-muc/du-lich/index.html: thiếu thuộc tính lang ở thẻ <html>
      hong/chuyen-muc/du-lich/index.html:<dòng>: liên kết hỏng (<source srcset>): "/anh/ho-xuan-huong-<mã>-800.avif" không có trong dist/
      hong/index.html: thiếu <title> hoặc <title> rỗng
      hong/index.html:<dòng>: liên kết hỏng (<source srcset>): "/anh/ho-xuan-huong-<mã>-800.avif" không có trong dist/
      hong/index.html:<dòng>: liên kết hỏng (<source srcset>): "/anh/ho-xuan-huong-<mã>-800.avif" không có trong dist/
      hong/luu-tru/2024/06/index.html:<dòng>: liên kết hỏng (<source srcset>): "/anh/ho-xuan-huong-<mã>-800.avif" không có trong dist/
      hong/luu-tru/2024/index.html:<dòng>: liên kết hỏng (<source srcset>): "/anh/ho-xuan-huong-<mã>-800.avif" không có trong dist/
      hong/tac-gia/hoang-yen/index.html:<dòng>: liên kết hỏng (<source srcset>): "/anh/ho-xuan-huong-<mã>-800.avif" không có trong dist/
      hong/tac-gia/minh-duc/index.html:<dòng>: liên kết hỏng (<source srcset>): "/anh/ho-xuan-huong-<mã>-800.avif" không có trong dist/
      hong/the/da-lat/index.html:<dòng>: liên kết hỏng (<source srcset>): "/anh/ho-xuan-huong-<mã>-800.avif" không có trong dist/
      hong/the/du-lich-he/index.html:<dòng>: liên kết hỏng (<source srcset>): "/anh/ho-xuan-huong-<mã>-800.avif" không có trong dist/
      hong/tim-kiem/index.html:<dòng>: liên kết hỏng (<source srcset>): "/anh/ho-xuan-huong-<mã>-800.avif" không có trong dist/
      hong/tin/da-lat-don-khach/index.html:<dòng>: liên kết hỏng (<meta http-equiv="refresh">): "https://thu-nghiem.example/bai-viet/da-lat-don-kach/" không có trong dist/
      hong/tin/da-lat-don-khach/index.html:<dòng>: liên kết hỏng (<a href>): "https://thu-nghiem.example/bai-viet/da-lat-don-kach/" không có trong dist/

      Đích hỏng lặp lại: "/anh/ho-xuan-huong-<mã>-800.avif" (12 chỗ), "https://thu-nghiem.example/bai-viet/da-lat-don-kach/" (2 chỗ).

      21 vấn đề trong 13 tệp (đã kiểm tra <n> trang và <n> liên kết). Không được triển khai hong/ khi còn vấn đề."
    `);
  });

  it('enforces the page size budget', () => {
    const { status, output } = verify(copyDist('nang'), '--max-html-kb', '4');
    expect(status).toBe(1);
    expect(output).toMatch(/nang\/bai-viet\/da-lat-don-khach\/index\.html: trang nặng \d+ KB, vượt ngân sách 4 KB/);
  });

  it('says so when there is nothing to verify', () => {
    const { status, output } = verify('khong-co');
    expect(status).toBe(1);
    expect(output).toBe('Không đọc được thư mục khong-co/: hãy chạy npm run build trước.');
  });
});
