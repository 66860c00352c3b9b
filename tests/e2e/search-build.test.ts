/**
 * The search index as `npm run build` makes it: what the `search` fixture's `dist/` holds,
 * and a build whose Pagefind dies failing instead of shipping a site without search.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixture, builtFixture, privateFixtureCopy } from '../build/build-fixture.ts';

describe('the built search index', () => {
  it('is written to /pagefind/<shard>/, the newest month alone and older months in runs of the site’s size (5), as the search page lists, without Pagefind’s unused UIs', () => {
    const site = builtFixture('search');
    expect(site.output).toMatch(
      /Chỉ mục tìm kiếm: 12 bài viết, 4 phần \(lập lại \d, dùng lại \d từ bộ nhớ đệm\), \d+ KB/,
    );
    expect(site.read('tim-kiem/index.html')).toContain(
      'data-search-shards="2024-04 2024-01 2022-09_2023-11 2021-03_2022-08"',
    );
    const pageCounts: Record<string, number> = {};
    for (const shard of ['2024-04', '2024-01', '2022-09_2023-11', '2021-03_2022-08']) {
      for (const file of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json']) {
        expect(site.exists(`pagefind/${shard}/${file}`)).toBe(true);
      }
      pageCounts[shard] = JSON.parse(site.read(`pagefind/${shard}/pagefind-entry.json`)).languages.vi.page_count;
    }
    expect(pageCounts).toEqual({ '2024-04': 1, '2024-01': 1, '2022-09_2023-11': 5, '2021-03_2022-08': 5 });
    expect(site.files().filter((file) => file.startsWith('pagefind/') && file.includes('-ui'))).toEqual([]);
  });

  it('indexes article pages only, with filters, sort key, metadata and the đ-folded words', () => {
    const site = builtFixture('search');
    const article = site.read('bai-viet/duc-trong-mo-rong-duong/index.html');
    expect(article).toContain(
      '<article class="article" data-pagefind-body data-pagefind-filter="year:2021" data-search-month="2021-03" data-pagefind-meta="folded_title[data-search-folded-title], folded_text[data-search-folded-text], image[data-search-image]" data-search-folded-title="dức dường" data-search-folded-text="dầu dồng dường" data-search-image="">',
    );
    expect(article).toContain('<a href="/chuyen-muc/thoi-su/" data-pagefind-filter="category">Thời sự</a>');
    expect(article).toContain('data-pagefind-meta="dateline" data-pagefind-sort="date[datetime]"');
    expect(article).toContain('data-pagefind-meta="authors:Hoàng Yến"');
    expect(article).toContain('rel="author" data-pagefind-filter="author">Hoàng Yến</a>');
    for (const file of ['index.html', 'tim-kiem/index.html', 'chuyen-muc/thoi-su/index.html', 'luu-tru/index.html']) {
      expect(site.read(file)).not.toContain('data-pagefind-body');
    }
  });
});

describe('a failed search index', () => {
  it('fails npm run build, even when the Pagefind binary dies without answering', async () => {
    // A stand-in for a panicking Pagefind binary: reads the first request, then exits.
    const dir = await mkdtemp(path.join(tmpdir(), 'fake-pagefind-'));
    const binary = path.join(dir, 'pagefind');
    await writeFile(binary, '#!/bin/sh\nhead -c 1 >/dev/null\necho "panicked (fake Pagefind)" >&2\nexit 101\n');
    await chmod(binary, 0o755);
    // A private copy of the fixture, so this build never touches the shared one's folders.
    const name = 'search/.failing-build';
    const root = await privateFixtureCopy('search', name);
    try {
      const build = buildFixture(name, { PAGEFIND_EXTENDED_BINARY_PATH: binary, PAGEFIND_BINARY_PATH: binary });
      expect(build.status).not.toBe(0);
      expect(build.output).toContain(
        'Không tạo được chỉ mục tìm kiếm (Pagefind, bước createIndex): tiến trình Pagefind đã dừng mà không trả lời',
      );
      expect(build.exists('index.html')).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(root, { recursive: true, force: true });
    }
  });
});
