import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkHostLimits,
  countArticles,
  formatHostLimits,
  HOST_LIMITS,
  type SizedFile,
} from '../../src/lib/host-limits.ts';

/** A site of `articles` articles, each a page and `extra` search files of `size` bytes. */
function site(articles: number, extra = 1, size = 10_000): SizedFile[] {
  const files: SizedFile[] = [{ file: 'index.html', size: 20_000 }];
  for (let i = 0; i < articles; i++) {
    files.push({ file: `bai-viet/bai-${i}/index.html`, size });
    for (let j = 0; j < extra; j++) files.push({ file: `pagefind/2024/fragment/vi_${i}_${j}.pf_fragment`, size: 1000 });
  }
  return files;
}

describe('countArticles', () => {
  it('counts article pages only', () => {
    expect(
      countArticles(['bai-viet/a/index.html', 'bai-viet/a/trang/2/index.html', 'bai-viet/b/index.html', 'index.html']),
    ).toBe(2);
  });
});

describe('checkHostLimits', () => {
  it('passes a small site on every host', () => {
    for (const host of ['github-pages', 'cloudflare', 'netlify', 's3'] as const) {
      expect(checkHostLimits(site(10), host)).toMatchObject({ articles: 10, errors: [], warnings: [] });
    }
  });

  it("fails Cloudflare's file count, with the article count at which it was reached", () => {
    const report = checkHostLimits(site(12_000), 'cloudflare');
    expect(report.errors).toEqual([{ limit: 'files', subject: '', value: 24_001, max: 20_000, reachedAt: 9999 }]);
  });

  it('warns once a limit is half used, and says at how many articles it will be reached', () => {
    const report = checkHostLimits(site(6000), 'cloudflare');
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([{ limit: 'files', subject: '', value: 12_001, max: 20_000, reachedAt: 9999 }]);
  });

  it('names each file over the per-file size and each folder over its entries', () => {
    const big = [...site(2), { file: 'anh/toan-canh.jpg', size: 30 * 2 ** 20 }];
    expect(checkHostLimits(big, 'cloudflare').errors).toEqual([
      {
        limit: 'fileBytes',
        subject: 'anh/toan-canh.jpg',
        value: 30 * 2 ** 20,
        max: 25 * 2 ** 20,
        reachedAt: undefined,
      },
    ]);
    const netlify = checkHostLimits(site(54_001, 0), 'netlify');
    expect(netlify.errors).toEqual([
      { limit: 'folderEntries', subject: 'bai-viet/', value: 54_001, max: 54_000, reachedAt: 54_000 },
    ]);
  });

  it("fails GitHub Pages' total size", () => {
    const report = checkHostLimits(site(40_000, 1, 25_000), 'github-pages');
    expect(report.errors).toEqual([
      {
        limit: 'totalBytes',
        subject: '',
        value: 1_040_020_000,
        max: HOST_LIMITS['github-pages'].totalBytes,
        reachedAt: 38_460,
      },
    ]);
  });
});

describe('formatHostLimits', () => {
  it('names the limit, the figure and the article count, in Vietnamese', () => {
    expect(formatHostLimits(checkHostLimits(site(12_000), 'cloudflare'))).toMatchInlineSnapshot(`
      [
        "Vượt giới hạn: trang có 24.001 tệp, giới hạn của Cloudflare Pages là 20.000 tệp (đạt tới ở khoảng 9.999 bài; nay có 12.000 bài).",
      ]
    `);
    expect(formatHostLimits(checkHostLimits(site(25_000, 1, 25_000), 'github-pages'))).toMatchInlineSnapshot(`
      [
        "Cảnh báo: cả trang nặng 650 MB, giới hạn của GitHub Pages là 1 GB (sẽ chạm ở khoảng 38.460 bài; nay có 25.000 bài): đã dùng 65%.",
      ]
    `);
    const big = [{ file: 'anh/toan-canh.jpg', size: 30 * 2 ** 20 }];
    expect(formatHostLimits(checkHostLimits(big, 'cloudflare'))).toMatchInlineSnapshot(`
      [
        "Vượt giới hạn: tệp anh/toan-canh.jpg nặng 30 MiB, giới hạn mỗi tệp của Cloudflare Pages là 25 MiB.",
      ]
    `);
  });
});

describe('npm run verify with the host in content/site.yaml', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'host-limits-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const page = (title: string, url: string) =>
    `<!doctype html><html lang="vi"><head><title>${title}</title><link rel="canonical" href="https://bao.example${url}"></head><body></body></html>`;

  // Only the host-limit lines are asserted: the page checks of npm run verify are tested elsewhere.
  // Writes 20,000 files and runs the script three times: more than a unit test's default time.
  it("fails a site over Cloudflare's file count, and not on S3", { timeout: 60_000 }, () => {
    mkdirSync(path.join(root, 'content'), { recursive: true });
    writeFileSync(path.join(root, 'content/site.yaml'), 'name: Báo Thử\nurl: https://bao.example\nhost: cloudflare\n');
    mkdirSync(path.join(root, 'dist/pagefind/2024/fragment'), { recursive: true });
    writeFileSync(path.join(root, 'dist/index.html'), page('Trang chủ', '/'));
    writeFileSync(path.join(root, 'dist/404.html'), page('Không tìm thấy', '/404.html'));
    for (let i = 0; i < 10; i++) {
      mkdirSync(path.join(root, `dist/bai-viet/bai-${i}`), { recursive: true });
      writeFileSync(path.join(root, `dist/bai-viet/bai-${i}/index.html`), page(`Bài ${i}`, `/bai-viet/bai-${i}/`));
    }
    for (let i = 0; i < 20_000; i++)
      writeFileSync(path.join(root, `dist/pagefind/2024/fragment/vi_${i}.pf_fragment`), '');
    const verify = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [path.resolve(import.meta.dirname, '../../scripts/verify-dist.ts'), path.join(root, 'dist'), ...args],
        {
          encoding: 'utf8',
        },
      );
    const cloudflare = verify();
    expect(cloudflare.status).toBe(1);
    expect(cloudflare.stderr.split('\n')[0]).toMatchInlineSnapshot(
      `"Vượt giới hạn: trang có 20.012 tệp, giới hạn của Cloudflare Pages là 20.000 tệp (đạt tới ở khoảng 9 bài; nay có 10 bài)."`,
    );
    const s3 = verify('--host', 's3');
    expect(`${s3.stdout}${s3.stderr}`).not.toContain('giới hạn');
    writeFileSync(path.join(root, 'content/site.yaml'), 'name: Báo Thử\nurl: https://bao.example\nhost: vercel\n');
    const unknown = verify();
    expect(unknown.stderr.split('\n').slice(0, 2)).toMatchInlineSnapshot(`
      [
        "content/site.yaml:3: lỗi ở trường "host", giá trị "vercel": cài đặt trang không hợp lệ: giá trị không hợp lệ.",
        "Giới hạn được kiểm tra theo GitHub Pages.",
      ]
    `);
  });
});
