import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_ENTRIES, beginBuild, cachePath, endBuild, startFresh } from '../../src/cache/cache-folder.ts';

describe('cachePath', () => {
  it('puts every entry in the one cache folder, each under its own name', () => {
    expect(cachePath('/site/node_modules/.astro', 'searchIndex')).toBe('/site/node_modules/.astro/search-index');
    const names = Object.values(CACHE_ENTRIES);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('beginBuild', () => {
  it('says whether the last build never finished', () => {
    const cacheDir = path.join(mkdtempSync(path.join(tmpdir(), 'cache-folder-')), '.astro');
    expect(beginBuild(cacheDir)).toBe(false);
    // killed here: the next build finds the mark
    expect(beginBuild(cacheDir)).toBe(true);
    endBuild(cacheDir);
    expect(beginBuild(cacheDir)).toBe(false);
  });
});

describe('endBuild', () => {
  it('clears the mark, and does nothing when there is none', () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'cache-folder-'));
    endBuild(cacheDir);
    beginBuild(cacheDir);
    endBuild(cacheDir);
    expect(existsSync(cachePath(cacheDir, 'unfinishedBuild'))).toBe(false);
  });
});

describe('startFresh', () => {
  it('removes the cache folder and the output folder', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cache-folder-'));
    const [cacheDir, distDir] = [path.join(root, '.astro'), path.join(root, 'dist')];
    mkdirSync(cachePath(cacheDir, 'pictures'), { recursive: true });
    mkdirSync(distDir);
    writeFileSync(path.join(distDir, 'index.html'), '');
    startFresh(cacheDir, distDir);
    expect([existsSync(cacheDir), existsSync(distDir)]).toEqual([false, false]);
  });
});
