import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ARTICLE_PAGES_GLOB,
  buildSearchIndex,
  searchIndex,
  SearchIndexError,
  type PagefindApi,
} from '../../src/integrations/search-index.ts';

const MODULE = path.resolve(import.meta.dirname, '../../src/integrations/search-index.ts');

let dist: string;
beforeEach(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'search-index-'));
  await page('bai-viet/da-lat/index.html', '<h1>Đà Lạt đón khách</h1><p>Khách đến Đà Lạt.</p>', true);
  await page('bai-viet/bao-loc/index.html', '<h1>Bảo Lộc</h1><p>Chè Bảo Lộc.</p>', true);
  // Not an article page: outside the glob, never indexed.
  await page('chuyen-muc/du-lich/index.html', '<h1>Du lịch</h1><p>Danh sách Đà Lạt.</p>', true);
});
afterEach(async () => {
  await rm(dist, { recursive: true, force: true });
});

async function page(file: string, body: string, indexed: boolean) {
  await mkdir(path.dirname(path.join(dist, file)), { recursive: true });
  const article = indexed ? `<article data-pagefind-body>${body}</article>` : body;
  await writeFile(path.join(dist, file), `<!doctype html><html lang="vi"><body>${article}</body></html>`);
}

interface FakeSteps {
  create?: readonly string[];
  add?: readonly string[];
  write?: readonly string[];
  pages?: number;
  crash?: boolean;
}

/** Pagefind's Node API with chosen errors; records whether the service was closed. */
function fakePagefind(steps: FakeSteps = {}) {
  const state = { closed: false, outputPath: '' };
  const index = {
    addDirectory: async () => {
      if (steps.crash) throw new Error('Pagefind backend closed');
      return { errors: steps.add ?? [], page_count: steps.pages ?? 2 };
    },
    writeFiles: async ({ outputPath }: { outputPath: string }) => {
      state.outputPath = outputPath;
      await mkdir(outputPath, { recursive: true });
      await writeFile(path.join(outputPath, 'pagefind.js'), 'x'.repeat(100));
      await writeFile(path.join(outputPath, 'pagefind-ui.js'), 'unused');
      return { errors: steps.write ?? [], outputPath };
    },
  };
  const api = {
    createIndex: async () => ({ errors: steps.create ?? [], index }),
    close: async () => {
      state.closed = true;
      return null;
    },
  } as unknown as PagefindApi;
  return { api, state };
}

describe('ARTICLE_PAGES_GLOB', () => {
  it('selects article pages by the article URL scheme', () => {
    expect(ARTICLE_PAGES_GLOB).toBe('bai-viet/*/index.html');
  });
});

describe('buildSearchIndex', () => {
  it('writes the bundle into dist/pagefind, drops the unused UIs and reports pages, bytes and time', async () => {
    const { api, state } = fakePagefind();
    const stats = await buildSearchIndex({ distDir: dist, pagefind: api });
    expect(stats).toEqual({ pages: 2, bytes: 100, seconds: expect.any(Number) });
    expect(state.outputPath).toBe(path.join(dist, 'pagefind'));
    expect(existsSync(path.join(dist, 'pagefind/pagefind-ui.js'))).toBe(false);
    expect(state.closed).toBe(true);
  });

  it.each([
    ['createIndex', { create: ['bad config'] }],
    ['addDirectory', { add: ['could not parse bai-viet/x/index.html'] }],
    ['writeFiles', { write: ['disk full'] }],
  ] as const)('throws when %s reports an error, and closes Pagefind', async (step, steps) => {
    const { api, state } = fakePagefind(steps);
    const failure = buildSearchIndex({ distDir: dist, pagefind: api });
    await expect(failure).rejects.toThrow(SearchIndexError);
    await expect(failure).rejects.toThrow(`bước ${step}`);
    expect(state.closed).toBe(true);
  });

  it('throws when a Pagefind call rejects (its process stopped)', async () => {
    const { api } = fakePagefind({ crash: true });
    await expect(buildSearchIndex({ distDir: dist, pagefind: api })).rejects.toThrow(
      'Không tạo được chỉ mục tìm kiếm (Pagefind, bước addDirectory): Pagefind backend closed',
    );
  });

  it('throws when article pages exist but none was indexed', async () => {
    const { api } = fakePagefind({ pages: 0 });
    await expect(buildSearchIndex({ distDir: dist, pagefind: api })).rejects.toThrow('thiếu data-pagefind-body');
  });

  it('throws when the built site is missing', async () => {
    const { api } = fakePagefind();
    await expect(buildSearchIndex({ distDir: path.join(dist, 'khong-co'), pagefind: api })).rejects.toThrow(
      'không có thư mục',
    );
  });

  it('indexes only the article pages of a real site with Pagefind', async () => {
    const stats = await buildSearchIndex({ distDir: dist });
    expect(stats.pages).toBe(2);
    expect(stats.bytes).toBeGreaterThan(50_000);
    expect(existsSync(path.join(dist, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(path.join(dist, 'pagefind/pagefind-worker.js'))).toBe(true);
    expect(existsSync(path.join(dist, 'pagefind/pagefind-ui.js'))).toBe(false);
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

describe('searchIndex', () => {
  it('fails the astro:build:done hook when the index fails, which fails astro build', async () => {
    const { api } = fakePagefind({ write: ['disk full'] });
    const hook = searchIndex({ pagefind: api }).hooks['astro:build:done']!;
    const logger = { info: () => undefined } as never;
    await expect(hook({ dir: pathToFileURL(`${dist}/`), logger } as never)).rejects.toThrow('disk full');
  });

  it('logs the index size when it succeeds', async () => {
    const { api } = fakePagefind();
    const messages: string[] = [];
    const logger = { info: (message: string) => messages.push(message) } as never;
    await searchIndex({ pagefind: api }).hooks['astro:build:done']!({
      dir: pathToFileURL(`${dist}/`),
      logger,
    } as never);
    expect(messages).toEqual([expect.stringMatching(/^Chỉ mục tìm kiếm: 2 bài viết, 0 KB, \d+\.\d giây$/)]);
  });
});
