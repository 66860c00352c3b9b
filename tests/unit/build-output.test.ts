import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  filesWrittenSince,
  forgetPageCache,
  listFiles,
  pageCacheOutputs,
  publishFolder,
  removeAllBut,
  removeFiles,
} from '../../scripts/lib/build-output.ts';

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

  it('is empty without a manifest, or with one that does not parse', async () => {
    expect(pageCacheOutputs(path.join(dir, 'cache')).size).toBe(0);
    await put('cache/incremental-build.json', '{"routes": ');
    expect(pageCacheOutputs(path.join(dir, 'cache')).size).toBe(0);
  });
});

describe('forgetPageCache', () => {
  it('removes the manifest, so the next build renders every page', async () => {
    await put('cache/incremental-build.json', '{}');
    await forgetPageCache(path.join(dir, 'cache'));
    expect(existsSync(path.join(dir, 'cache/incremental-build.json'))).toBe(false);
    await expect(forgetPageCache(path.join(dir, 'cache'))).resolves.toBeUndefined();
  });
});

describe('listFiles', () => {
  it('lists files at any depth, relative, with / separators', async () => {
    await put('site/index.html', '');
    await put('site/bai-viet/da-lat/index.html', '');
    expect(listFiles(path.join(dir, 'site')).sort()).toEqual(['bai-viet/da-lat/index.html', 'index.html']);
    expect(listFiles(path.join(dir, 'missing'))).toEqual([]);
  });
});

describe('removeAllBut', () => {
  it('keeps the listed files and removes the rest with the folders they leave empty', async () => {
    await put('site/index.html', 'trang chủ');
    await put('site/bai-viet/da-lat/index.html', 'bài');
    await put('site/_astro/old.css', '');
    await put('site/pagefind/2024/pagefind.js', '');
    const removed = removeAllBut(path.join(dir, 'site'), new Set(['bai-viet/da-lat/index.html']));
    expect(removed).toBe(3);
    expect(listFiles(path.join(dir, 'site'))).toEqual(['bai-viet/da-lat/index.html']);
    expect(existsSync(path.join(dir, 'site/pagefind'))).toBe(false);
  });

  it('keeps whole folders when asked', async () => {
    await put('site/index.html', 'trang chủ');
    await put('site/pagefind/2024/pagefind.js', '');
    expect(removeAllBut(path.join(dir, 'site'), new Set(), ['pagefind'])).toBe(1);
    expect(listFiles(path.join(dir, 'site'))).toEqual(['pagefind/2024/pagefind.js']);
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
    expect(listFiles(path.join(dir, 'site'))).toEqual(['the/da-lat/index.html']);
  });
});

describe('filesWrittenSince', () => {
  it('returns the files modified at or after the time, leaving out missing ones', async () => {
    await put('site/old.html', '');
    await put('site/new.html', '');
    await utimes(path.join(dir, 'site/old.html'), new Date('2024-01-01'), new Date('2024-01-01'));
    const since = new Date('2025-01-01').getTime();
    expect(filesWrittenSince(path.join(dir, 'site'), ['old.html', 'new.html', 'gone.html'], since)).toEqual([
      'new.html',
    ]);
  });
});

describe('publishFolder', () => {
  const from = () => path.join(dir, 'work');
  const to = () => path.join(dir, 'dist');

  it('publishes a copy that shares no file with the build folder', async () => {
    await put('work/index.html', 'trang chủ');
    await put('work/bai-viet/da-lat/index.html', 'bài');
    expect(await publishFolder(from(), to())).toEqual({ files: 2, copied: 2 });
    expect(await readFile(path.join(to(), 'bai-viet/da-lat/index.html'), 'utf8')).toBe('bài');
    // a later build rewrites the build folder's page in place: the published one stays
    await writeFile(path.join(from(), 'index.html'), 'trang chủ mới');
    expect(await readFile(path.join(to(), 'index.html'), 'utf8')).toBe('trang chủ');
    expect((await stat(path.join(to(), 'index.html'))).ino).not.toBe((await stat(path.join(from(), 'index.html'))).ino);
  });

  it('copies only new and changed files, keeps unchanged ones and drops removed ones', async () => {
    await put('work/index.html', 'trang chủ');
    await put('work/bai-viet/da-lat/index.html', 'bài');
    await put('work/bai-viet/da-xoa/index.html', 'bài đã xóa');
    await publishFolder(from(), to());
    const unchanged = (await stat(path.join(to(), 'bai-viet/da-lat/index.html'))).ino;

    await put('work/index.html', 'trang chủ, có bài mới');
    await put('work/bai-viet/bai-moi/index.html', 'bài mới');
    await rm(path.join(from(), 'bai-viet/da-xoa'), { recursive: true });
    expect(await publishFolder(from(), to())).toEqual({ files: 3, copied: 2 });

    expect(listFiles(to()).sort()).toEqual(['bai-viet/bai-moi/index.html', 'bai-viet/da-lat/index.html', 'index.html']);
    expect(await readFile(path.join(to(), 'index.html'), 'utf8')).toBe('trang chủ, có bài mới');
    expect((await stat(path.join(to(), 'bai-viet/da-lat/index.html'))).ino).toBe(unchanged);
    // nothing is left beside dist/ but the previous site, which a detached process removes
    expect(listFiles(dir).some((file) => file.startsWith('dist.next-'))).toBe(false);
  });

  it('copies a file whose size is unchanged but which was rewritten after publication', async () => {
    await put('work/index.html', 'AAAA');
    await publishFolder(from(), to());
    await put('work/index.html', 'BBBB');
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(from(), 'index.html'), later, later);
    expect(await publishFolder(from(), to())).toEqual({ files: 1, copied: 1 });
    expect(await readFile(path.join(to(), 'index.html'), 'utf8')).toBe('BBBB');
  });
});
