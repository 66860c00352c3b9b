import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  indexBuiltSite,
  SearchIndexError,
  searchIndexCacheDir,
  searchIndexSummary,
  type PagefindApi,
} from '../../src/integrations/search-index.ts';
import { ARTICLE_PAGES_DIR } from '../../src/integrations/search-pages.ts';
import { phrasePart, phrasePath } from '../../src/lib/search-phrases.ts';
import { pagefindMeta } from './pagefind-meta-bytes.ts';

const MODULE = path.resolve(import.meta.dirname, '../../src/integrations/search-index.ts');

let dist: string;
let cache: string;
beforeEach(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'search-index-'));
  cache = path.join(dist, '.cache');
  await page('bai-viet/da-lat/index.html', '<h1>Đà Lạt đón khách</h1><p>Khách đến Đà Lạt.</p>', 2022);
  await page('bai-viet/bao-loc/index.html', '<h1>Bảo Lộc</h1><p>Chè Bảo Lộc.</p>', 2023);
  await page('bai-viet/duc-trong/index.html', '<h1>Đức Trọng</h1><p>Đường mới ở Đức Trọng.</p>', 2023);
  // Not an article page: outside bai-viet/, never indexed.
  await page('chuyen-muc/du-lich/index.html', '<h1>Du lịch</h1><p>Danh sách Đà Lạt.</p>', 2022);
});
afterEach(async () => {
  await rm(dist, { recursive: true, force: true });
});

async function page(file: string, body: string, year?: number, extra = '', time = '') {
  await mkdir(path.dirname(path.join(dist, file)), { recursive: true });
  const dateline = time && `<p><time datetime="${time}" data-pagefind-sort="date[datetime]">${time}</time></p>`;
  const article =
    year === undefined
      ? body
      : `<article class="article" data-pagefind-body data-pagefind-filter="year:${year}" data-search-month="${year}-06">${body}${dateline}</article>`;
  await writeFile(
    path.join(dist, file),
    `<!doctype html><html lang="vi"><body>${article}<nav>${extra}</nav></body></html>`,
  );
}

/** The words and index words written beside each bundle of the three pages above. */
const WORDS_2023 = 'bảo 1\nchè 1\nlộc 1\nmới 1\ntrọng 1\nđường 1\nđức 1\nở 1\n';
const KEYS_2023 = 'bao\nche\nđuc\nđuong\nloc\nmoi\no\ntrong\n';
const WORDS_2022 = 'khách 1\nlạt 1\nđà 1\nđón 1\nđến 1\n';
const KEYS_2022 = 'đa\nđen\nđon\nkhach\nlat\n';

/** The size of every file of the published bundles. */
function publishedBytes(): number {
  const files = readdirSync(path.join(dist, 'pagefind'), { recursive: true, withFileTypes: true });
  return files
    .filter((file) => file.isFile())
    .reduce((sum, file) => sum + statSync(path.join(file.parentPath, file.name)).size, 0);
}

/** The index words of a bundle's keys files, in the files' order by name. */
async function keysIn(bundle: string): Promise<string> {
  const files = readdirSync(path.join(bundle, 'keys')).sort();
  const texts = await Promise.all(files.map((file) => readFile(path.join(bundle, 'keys', file), 'utf8')));
  return texts.join('');
}

/** What the fake Pagefind writes for its WebAssembly. */
const FAKE_WASM = 'wasm'.repeat(25);

interface FakeSteps {
  create?: readonly string[];
  add?: readonly string[];
  write?: readonly string[];
  crash?: boolean;
  /** Each add answers a millisecond later, so that adds can overlap. */
  slowAdds?: boolean;
}

/** Pagefind's metadata file (one index chunk, pages named by their URLs), compressed as Pagefind writes it. */
function fakeMeta(urls: readonly string[]): Buffer {
  const pages = urls.map((url) => [`vi_${url.split('/')[2]}`, 10]);
  return gzipSync(pagefindMeta(['1.6.0', pages, [['0', '\uffff', 'c1']], [], []]));
}

/** Pagefind's Node API with chosen errors; records what it was given and whether it closed. */
function fakePagefind(steps: FakeSteps = {}) {
  const state = { closed: false, outputPaths: [] as string[], urls: [] as string[], deleted: 0, mostAdding: 0 };
  let adding = 0;
  // The pages of the index being built.
  let added: string[] = [];
  const index = {
    addHTMLFile: async ({ url }: { url: string }) => {
      if (steps.crash) throw new Error('Pagefind backend closed');
      state.urls.push(url);
      added.push(url);
      state.mostAdding = Math.max(state.mostAdding, ++adding);
      if (steps.slowAdds) await new Promise((resolve) => setTimeout(resolve, 1));
      adding -= 1;
      return { errors: steps.add ?? [], file: { url } };
    },
    writeFiles: async ({ outputPath }: { outputPath: string }) => {
      state.outputPaths.push(outputPath);
      await mkdir(outputPath, { recursive: true });
      await writeFile(path.join(outputPath, 'pagefind.js'), 'x'.repeat(100));
      await writeFile(path.join(outputPath, 'wasm.unknown.pagefind'), FAKE_WASM);
      await writeFile(path.join(outputPath, 'pagefind-ui.js'), 'unused');
      await writeFile(path.join(outputPath, 'pagefind.vi_1.pf_meta'), fakeMeta(added));
      return { errors: steps.write ?? [], outputPath };
    },
    deleteIndex: async () => {
      state.deleted += 1;
      return null;
    },
  };
  const api = {
    createIndex: async () => {
      added = [];
      return { errors: steps.create ?? [], index };
    },
    close: async () => {
      state.closed = true;
      return null;
    },
  } as unknown as PagefindApi;
  return { api, state };
}

describe('ARTICLE_PAGES_DIR', () => {
  it('is the folder of the article URL scheme', () => {
    expect(ARTICLE_PAGES_DIR).toBe('bai-viet');
  });
});

describe('searchIndexCacheDir', () => {
  it('is a folder of Astro’s cache folder', () => {
    expect(searchIndexCacheDir('/site/node_modules/.astro')).toBe('/site/node_modules/.astro/search-index');
  });
});

describe('searchIndexSummary', () => {
  it('says how many pages and bundles, and how many bundles came from the cache', () => {
    expect(
      searchIndexSummary({
        pages: 120,
        bytes: 512_000,
        seconds: 1.24,
        shards: ['2024-04', '2023-01_2024-03'],
        indexed: ['2024-04'],
      }),
    ).toBe('Chỉ mục tìm kiếm: 120 bài viết, 2 phần (lập lại 1, dùng lại 1 từ bộ nhớ đệm), 500 KB, 1.2 giây');
  });
});

describe('buildSearchIndex', () => {
  it('writes one bundle per shard into dist/pagefind/<shard>/, without the unused UIs', async () => {
    const { api, state } = fakePagefind();
    const stats = await buildSearchIndex({ distDir: dist, pagefind: api });
    expect(stats).toEqual({
      pages: 3,
      bytes: publishedBytes(),
      seconds: expect.any(Number),
      shards: ['2023-06', '2022-06'],
      indexed: ['2023-06', '2022-06'],
    });
    expect(state.outputPaths).toEqual([path.join(dist, 'pagefind/2023-06'), path.join(dist, 'pagefind/2022-06')]);
    expect(state.urls.sort()).toEqual(['/bai-viet/bao-loc/', '/bai-viet/da-lat/', '/bai-viet/duc-trong/']);
    expect(existsSync(path.join(dist, 'pagefind/2023-06/pagefind-ui.js'))).toBe(false);
    await expect(readFile(path.join(dist, 'pagefind/2023-06/words.txt'), 'utf8')).resolves.toBe(WORDS_2023);
    expect(await keysIn(path.join(dist, 'pagefind/2023-06'))).toBe(KEYS_2023);
    await expect(readFile(path.join(dist, 'pagefind/2022-06/words.txt'), 'utf8')).resolves.toBe(WORDS_2022);
    expect(await keysIn(path.join(dist, 'pagefind/2022-06'))).toBe(KEYS_2022);
    // A file per first character, `đ` as `dd`.
    expect(readdirSync(path.join(dist, 'pagefind/2022-06/keys')).sort()).toEqual(['dd.txt', 'k.txt', 'l.txt']);
    expect(state.deleted).toBe(2);
    expect(state.closed).toBe(true);
  });

  it('writes each bundle’s phrase index: its word pairs, where they stand, and its pages’ fragments', async () => {
    await buildSearchIndex({ distDir: dist, pagefind: fakePagefind().api });
    // In the folder of the index version, as the fake Pagefind names its metadata.
    const pairFile = (shard: string, pair: string) =>
      gunzipSync(readFileSync(path.join(dist, 'pagefind', shard, phrasePath('vi_1', phrasePart(pair))))).toString();
    // A line per pair: its spellings, then its pages and positions.
    // "Đà Lạt đón khách" (the title: both words of the first pair), then "Khách đến Đà Lạt".
    expect(pairFile('2022-06', 'da lat')).toMatch(/^đà lạt\t0:\*0,6$/m);
    expect(pairFile('2023-06', 'duc trong')).toMatch(/^đức trọng\t1:\*0,5$/m);
    await expect(readFile(path.join(dist, 'pagefind/2023-06/phrases/vi_1/pages/0.txt'), 'utf8')).resolves.toBe(
      'vi_bao-loc\nvi_duc-trong\n',
    );
  });

  it('gives Pagefind a bundle’s pages newest first, then in URL order', async () => {
    await page('bai-viet/an-phu/index.html', '<h1>An Phú</h1>', 2023, '', '2023-06-02T08:00:00+07:00');
    await page('bai-viet/cat-tien/index.html', '<h1>Cát Tiên</h1>', 2023, '', '2023-06-20T08:00:00+07:00');
    const { api, state } = fakePagefind();
    await buildSearchIndex({ distDir: dist, pagefind: api });
    expect(state.urls.slice(0, 4)).toEqual([
      '/bai-viet/cat-tien/',
      '/bai-viet/an-phu/',
      '/bai-viet/bao-loc/',
      '/bai-viet/duc-trong/',
    ]);
  });

  it('sends a bundle’s pages in URL order without waiting for each answer', async () => {
    await page('bai-viet/an-phu/index.html', '<h1>An Phú</h1>', 2023);
    await page('bai-viet/cat-tien/index.html', '<h1>Cát Tiên</h1>', 2023);
    const { api, state } = fakePagefind({ slowAdds: true });
    await buildSearchIndex({ distDir: dist, pagefind: api });
    // Pagefind numbers pages in the order they arrive: the bundle's bytes depend on it.
    expect(state.urls).toEqual([
      '/bai-viet/an-phu/',
      '/bai-viet/bao-loc/',
      '/bai-viet/cat-tien/',
      '/bai-viet/duc-trong/',
      '/bai-viet/da-lat/',
    ]);
    expect(state.mostAdding).toBe(4);
  });

  it('reuses a cached bundle whose indexed pages are unchanged, and indexes the one that changed', async () => {
    const cold = await buildSearchIndex({ distDir: dist, cacheDir: cache, pagefind: fakePagefind().api });
    expect(cold.bytes).toBe(publishedBytes());
    // a folder linked again would be a new folder
    const folder = statSync(path.join(dist, 'pagefind/2022-06')).ino;
    // Outside the indexed element (related articles, say): no reason to index again.
    await page('bai-viet/da-lat/index.html', '<h1>Đà Lạt đón khách</h1><p>Khách đến Đà Lạt.</p>', 2022, 'Bài mới');
    const unchanged = fakePagefind();
    const again = await buildSearchIndex({ distDir: dist, cacheDir: cache, pagefind: unchanged.api });
    expect(again.indexed).toEqual([]);
    expect(unchanged.state.urls).toEqual([]);
    expect(existsSync(path.join(dist, 'pagefind/2022-06/pagefind.js'))).toBe(true);
    expect(readdirSync(path.join(dist, 'pagefind/2022-06')).sort()).toEqual(
      readdirSync(path.join(cache, '2022-06')).sort(),
    );
    // The size recorded with each cached bundle, not walked again: the same figure.
    expect(again.bytes).toBe(cold.bytes);
    // the bundle already in place is left alone, not removed and linked again
    expect(statSync(path.join(dist, 'pagefind/2022-06')).ino).toBe(folder);

    await page('bai-viet/bao-loc/index.html', '<h1>Bảo Lộc</h1><p>Chè Bảo Lộc vào vụ.</p>', 2023);
    const edited = fakePagefind();
    const after = await buildSearchIndex({ distDir: dist, cacheDir: cache, pagefind: edited.api });
    expect(after.indexed).toEqual(['2023-06']);
    expect(after.bytes).toBe(publishedBytes());
    // The edit's new words, in the bundle's words and index words.
    await expect(readFile(path.join(dist, 'pagefind/2023-06/words.txt'), 'utf8')).resolves.toContain('vào 1\nvụ 1\n');
    expect(edited.state.urls.sort()).toEqual(['/bai-viet/bao-loc/', '/bai-viet/duc-trong/']);
  });

  it('indexes again a cached bundle whose files were written to, cut, removed or added to, and one found with stray files in dist/', async () => {
    const build = () => buildSearchIndex({ distDir: dist, cacheDir: cache, pagefind: fakePagefind().api });
    const cached = path.join(cache, '2022-06');
    const damages: (() => Promise<void> | void)[] = [
      () => truncateSync(path.join(cached, 'pagefind.js'), 3),
      () => writeFile(path.join(cached, 'pagefind.js'), 'garbage!'),
      () => rm(path.join(cached, 'pagefind.js')),
      () => writeFile(path.join(cached, 'stray.pf_fragment'), ''),
      () => writeFile(path.join(`${cached}.json`), 'sha256:xyz\n{}'),
    ];
    await build();
    const wholeBundle = readdirSync(cached).sort();
    for (const damage of damages) {
      await damage();
      expect((await build()).indexed, damage.toString()).toEqual(['2022-06']);
      expect(readdirSync(cached).sort()).toEqual(wholeBundle);
      expect(await readFile(path.join(dist, 'pagefind/2022-06/pagefind.js'), 'utf8')).toBe(
        await readFile(path.join(dist, 'pagefind/2023-06/pagefind.js'), 'utf8'),
      );
    }
    // A file left in the published bundle is not the cached bundle's: the bundle is linked again.
    await writeFile(path.join(dist, 'pagefind/2022-06/stray.txt'), '');
    expect((await build()).indexed).toEqual([]);
    expect(readdirSync(path.join(dist, 'pagefind/2022-06')).sort()).toEqual(wholeBundle);
  });

  it('ships Pagefind’s WebAssembly in the newest bundle only, and gives it back to a bundle that is the newest again', async () => {
    const wasm = (dir: string) => readFile(path.join(dir, 'wasm.unknown.pagefind'), 'utf8');
    const bundle = (shard: string) => path.join(dist, 'pagefind', shard);
    // One month per bundle, so each keeps its name whichever is the newest.
    const build = () =>
      buildSearchIndex({ distDir: dist, cacheDir: cache, shardPages: 1, pagefind: fakePagefind().api });
    await build();
    expect(await wasm(bundle('2023-06'))).toBe(FAKE_WASM);
    expect(await wasm(bundle('2022-06'))).toBe('pagefind_dcd\0');

    await page('bai-viet/moi/index.html', '<h1>Bài mới</h1>', 2024);
    expect((await build()).indexed).toEqual(['2024-06']);
    expect(await wasm(bundle('2024-06'))).toBe(FAKE_WASM);
    expect(await wasm(bundle('2023-06'))).toBe('pagefind_dcd\0');
    // The bundle in dist/ is linked from the cache, whose copy is left as Pagefind wrote it.
    expect(await wasm(path.join(cache, '2023-06'))).toBe(FAKE_WASM);

    await rm(path.join(dist, 'bai-viet/moi'), { recursive: true });
    expect((await build()).indexed).toEqual([]);
    expect(await wasm(bundle('2023-06'))).toBe(FAKE_WASM);
    expect(await wasm(bundle('2022-06'))).toBe('pagefind_dcd\0');
  });

  it('does not read again a page whose file has the same size, time and inode as last build', async () => {
    const file = path.join(dist, 'bai-viet/bao-loc/index.html');
    const time = new Date('2024-06-01T05:00:00Z');
    await utimes(file, time, time);
    await buildSearchIndex({ distDir: dist, cacheDir: cache, pagefind: fakePagefind().api });
    // Same length, rewritten in place and given back its time: only a read would notice.
    await writeFile(file, (await readFile(file, 'utf8')).replace('Chè', 'Chà'));
    await utimes(file, time, time);
    const unread = fakePagefind();
    expect((await buildSearchIndex({ distDir: dist, cacheDir: cache, pagefind: unread.api })).indexed).toEqual([]);

    await utimes(file, time, new Date(time.getTime() + 1000));
    const reread = fakePagefind();
    expect((await buildSearchIndex({ distDir: dist, cacheDir: cache, pagefind: reread.api })).indexed).toEqual([
      '2023-06',
    ]);
  });

  it('drops cached bundles that no longer have articles', async () => {
    await buildSearchIndex({ distDir: dist, cacheDir: cache, pagefind: fakePagefind().api });
    await rm(path.join(dist, 'bai-viet/da-lat'), { recursive: true });
    const stats = await buildSearchIndex({ distDir: dist, cacheDir: cache, pagefind: fakePagefind().api });
    expect(stats.shards).toEqual(['2023-06']);
    expect(existsSync(path.join(cache, '2022-06'))).toBe(false);
    expect(existsSync(path.join(dist, 'pagefind/2022-06'))).toBe(false);
  });

  it.each([
    ['createIndex', { create: ['bad config'] }],
    ['addHTMLFile', { add: ['could not parse /bai-viet/x/'] }],
    ['writeFiles', { write: ['disk full'] }],
  ] as const)('throws when %s reports an error, and closes Pagefind', async (step, steps) => {
    const { api, state } = fakePagefind(steps);
    const failure = buildSearchIndex({ distDir: dist, cacheDir: cache, pagefind: api });
    await expect(failure).rejects.toThrow(SearchIndexError);
    await expect(failure).rejects.toThrow(`bước ${step}`);
    expect(state.closed).toBe(true);
    // Nothing half-written is kept for the next build to reuse.
    expect(existsSync(path.join(cache, '2023-06'))).toBe(false);
  });

  it('throws when a Pagefind call rejects (its process stopped)', async () => {
    const { api } = fakePagefind({ crash: true });
    await expect(buildSearchIndex({ distDir: dist, pagefind: api })).rejects.toThrow(
      'Không tạo được chỉ mục tìm kiếm (Pagefind, bước addHTMLFile): Pagefind backend closed',
    );
  });

  it('throws when article pages exist but none can be indexed', async () => {
    for (const slug of ['da-lat', 'bao-loc', 'duc-trong']) await page(`bai-viet/${slug}/index.html`, '<h1>x</h1>');
    await expect(buildSearchIndex({ distDir: dist, pagefind: fakePagefind().api })).rejects.toThrow(
      'thiếu data-pagefind-body',
    );
  });

  it('throws when the search page lists other bundles than the articles make', async () => {
    await mkdir(path.join(dist, 'tim-kiem'));
    await writeFile(path.join(dist, 'tim-kiem/index.html'), '<div data-search data-search-shards="2023-06"></div>');
    await expect(buildSearchIndex({ distDir: dist, pagefind: fakePagefind().api })).rejects.toThrow(
      'trang tìm kiếm liệt kê các phần chỉ mục [2023-06] nhưng bài viết cho các phần [2023-06, 2022-06]',
    );
  });

  it('throws when the built site is missing', async () => {
    const { api } = fakePagefind();
    await expect(buildSearchIndex({ distDir: path.join(dist, 'khong-co'), pagefind: api })).rejects.toThrow(
      'không có thư mục',
    );
  });

  it('indexes only the article pages of a real site with Pagefind, a bundle per shard', async () => {
    const stats = await buildSearchIndex({ distDir: dist, cacheDir: cache });
    expect(stats.pages).toBe(3);
    expect(stats.bytes).toBeGreaterThan(50_000);
    for (const shard of ['2022-06', '2023-06']) {
      expect(existsSync(path.join(dist, `pagefind/${shard}/pagefind.js`))).toBe(true);
      expect(existsSync(path.join(dist, `pagefind/${shard}/pagefind-worker.js`))).toBe(true);
      expect(existsSync(path.join(dist, `pagefind/${shard}/pagefind-ui.js`))).toBe(false);
      const entry = JSON.parse(await readFile(path.join(dist, `pagefind/${shard}/pagefind-entry.json`), 'utf8'));
      expect(entry.languages.vi.page_count).toBe(shard === '2023-06' ? 2 : 1);
      // Vietnamese has no stemmer of its own: Pagefind's generic WebAssembly.
      const wasm = await readFile(path.join(dist, `pagefind/${shard}/wasm.unknown.pagefind`));
      if (shard === '2023-06') expect(wasm.length).toBeGreaterThan(30_000);
      else expect(wasm.toString()).toBe('pagefind_dcd\0');
    }
  });

  it('fails, instead of exiting as if it succeeded, when the Pagefind binary panics', () => {
    // The real binary panics on an output path under a regular file. This runs in its own
    // Node process: the crash is detected when that process's event loop drains.
    const script = `
      import { writeFileSync } from 'node:fs';
      import { buildSearchIndex } from ${JSON.stringify(pathToFileURL(MODULE).href)};
      writeFileSync(${JSON.stringify(path.join(dist, 'a-file'))}, '');
      try {
        await buildSearchIndex({ distDir: ${JSON.stringify(dist)}, outputPath: ${JSON.stringify(path.join(dist, 'a-file/pagefind'))} });
        console.log('built');
      } catch (error) {
        console.log('threw: ' + error.message);
      }`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stdout.trim()).toBe(
      'threw: Không tạo được chỉ mục tìm kiếm (Pagefind, bước writeFiles): tiến trình Pagefind đã dừng mà không trả lời',
    );
  });
});

describe('indexBuiltSite', () => {
  it('keeps the bundles under Astro’s cache folder, so the next build reuses them', async () => {
    const astroCache = path.join(dist, '.astro-cache');
    const stats = await indexBuiltSite(dist, dist, astroCache, fakePagefind().api);
    expect(stats.indexed).toEqual(['2023-06', '2022-06']);
    expect(existsSync(path.join(searchIndexCacheDir(astroCache), '2022-06/pagefind.js'))).toBe(true);
    const again = await indexBuiltSite(dist, dist, astroCache, fakePagefind().api);
    expect(again.indexed).toEqual([]);
  });
});
