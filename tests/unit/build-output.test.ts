import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discardFolder, listFiles, removeFiles, staleFiles, writtenSince } from '../../scripts/lib/build-output.ts';
import { forgetPageCache, pageCacheOutputs } from '../../src/integrations/astro-internals.mjs';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'build-output-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), text);
}

describe('pageCacheOutputs', () => {
  it("lists the output file of every page in Astro's incremental build manifest", async () => {
    await put(
      'cache/incremental-build.json',
      JSON.stringify({
        version: 1,
        routes: {
          'src/pages/bai-viet/[slug].astro': {
            paths: { '/bai-viet/da-lat/': { cacheKey: 'a', outputFile: 'bai-viet/da-lat/index.html' } },
          },
          'src/pages/index.astro': { paths: { '/': { cacheKey: 'b', outputFile: 'index.html' } } },
        },
      }),
    );
    expect([...pageCacheOutputs(path.join(dir, 'cache'))].sort()).toEqual(['bai-viet/da-lat/index.html', 'index.html']);
  });

  it('reads an output file exactly, escapes and all, and nothing that merely looks like one', async () => {
    const page = (outputFile: string, alt: string) => ({
      cacheKey: 'k',
      outputFile,
      staticImages: [{ finalPath: '/_astro/anh.jpg', transform: { alt } }],
    });
    const manifest = {
      version: 1,
      routes: {
        'src/pages/bai-viet/[slug].astro': {
          paths: {
            '/bai-viet/da-lat/': page('bai-viet/da-lat/index.html', 'Ảnh "outputFile": "gia/index.html"'),
            '/bai-viet/a"b/': page('bai-viet/a"b\\', 'Đà Lạt'),
          },
        },
      },
    };
    await put('cache/incremental-build.json', JSON.stringify(manifest, null, 2));
    expect([...pageCacheOutputs(path.join(dir, 'cache'))].sort()).toEqual([
      'bai-viet/a"b\\',
      'bai-viet/da-lat/index.html',
    ]);
  });

  it('is empty without a manifest, or with one that does not parse', async () => {
    expect(pageCacheOutputs(path.join(dir, 'cache')).size).toBe(0);
    await put('cache/incremental-build.json', '{"routes": ');
    expect(pageCacheOutputs(path.join(dir, 'cache')).size).toBe(0);
    await put('cache/incremental-build.json', '{"outputFile": "a\\x"}');
    expect(pageCacheOutputs(path.join(dir, 'cache')).size).toBe(0);
    await put('cache/incremental-build.json', '{"outputFile": "a}');
    expect(pageCacheOutputs(path.join(dir, 'cache')).size).toBe(0);
  });
});

describe('forgetPageCache', () => {
  it('removes the manifest, so the next build renders every page', async () => {
    await put('cache/incremental-build.json', '{}');
    forgetPageCache(path.join(dir, 'cache'));
    expect(existsSync(path.join(dir, 'cache/incremental-build.json'))).toBe(false);
    expect(() => forgetPageCache(path.join(dir, 'cache'))).not.toThrow();
  });
});

describe('listFiles', () => {
  it('lists files at any depth, relative, with / separators, and their times', async () => {
    await put('site/index.html', '');
    await put('site/bai-viet/da-lat/index.html', '');
    const time = new Date('2024-06-01T05:00:00Z');
    await utimes(path.join(dir, 'site/index.html'), time, time);
    const files = listFiles(path.join(dir, 'site')).sort((a, b) => a.file.localeCompare(b.file));
    expect(files.map(({ file }) => file)).toEqual(['bai-viet/da-lat/index.html', 'index.html']);
    expect(files[1]!.mtimeMs).toBe(time.getTime());
    expect(listFiles(path.join(dir, 'missing'))).toEqual([]);
    expect(listFiles(path.join(dir, 'site'), ['bai-viet']).map(({ file }) => file)).toEqual(['index.html']);
  });
});

describe('staleFiles', () => {
  it('lists files older than the build, unless kept as cached pages or inside a kept folder', async () => {
    await put('dist/bai-viet/da-lat/index.html', 'trang được giữ từ bộ nhớ đệm');
    await put('dist/bai-viet/da-xoa/index.html', 'bài đã bị xoá');
    await put('dist/_astro/old.css', '');
    await put('dist/pagefind/2024/pagefind.js', '');
    await put('dist/index.html', 'viết lại trong lần dựng này');
    const old = new Date('2024-06-01T05:00:00Z');
    for (const file of [
      'bai-viet/da-lat/index.html',
      'bai-viet/da-xoa/index.html',
      '_astro/old.css',
      'pagefind/2024/pagefind.js',
    ]) {
      await utimes(path.join(dir, 'dist', file), old, old);
    }
    const since = new Date('2024-06-02T00:00:00Z').getTime();
    const stale = staleFiles(path.join(dir, 'dist'), since, new Set(['bai-viet/da-lat/index.html']), ['pagefind']);
    expect(stale.sort()).toEqual(['_astro/old.css', 'bai-viet/da-xoa/index.html']);
  });
});

describe('removeFiles', () => {
  it('removes the files and empty parents, but not a folder still holding others', async () => {
    await put('site/bai-viet/da-xoa/index.html', '');
    await put('site/the/da-lat/trang/2/index.html', '');
    await put('site/the/da-lat/index.html', '');
    removeFiles(path.join(dir, 'site'), [
      'bai-viet/da-xoa/index.html',
      'the/da-lat/trang/2/index.html',
      'missing.html',
    ]);
    expect(existsSync(path.join(dir, 'site/bai-viet'))).toBe(false);
    expect(existsSync(path.join(dir, 'site/the/da-lat/trang'))).toBe(false);
    expect(listFiles(path.join(dir, 'site')).map(({ file }) => file)).toEqual(['the/da-lat/index.html']);
  });
});

describe('writtenSince', () => {
  it('tells whether any file was written at or after the time', async () => {
    await put('site/a/old.html', '');
    const old = new Date('2024-01-01');
    await utimes(path.join(dir, 'site/a/old.html'), old, old);
    expect(writtenSince(path.join(dir, 'site'), new Date('2025-01-01').getTime())).toBe(false);
    await put('site/b/new.html', '');
    expect(writtenSince(path.join(dir, 'site'), new Date('2025-01-01').getTime())).toBe(true);
    expect(writtenSince(path.join(dir, 'missing'), 0)).toBe(false);
  });
});

describe('discardFolder', () => {
  it('takes the folder away at once', async () => {
    await put('dist/index.html', '');
    await discardFolder(path.join(dir, 'dist'));
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    await expect(discardFolder(path.join(dir, 'dist'))).resolves.toBeUndefined();
  });
});
