import { mkdtempSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachePath } from '../../src/cache/cache-folder.ts';
import { pageDigest, readKnownPages, writeKnownPages, type KnownPage } from '../../src/data/page-facts-cache.ts';
import { analyseHtml } from '../../src/lib/page-facts.ts';

const HTML = '<!doctype html><html lang="vi"><title>Đà Lạt</title><a id="x" href="/bai-viet/a/">a</a></html>';
const page = (): KnownPage => ({ digest: pageDigest(Buffer.from(HTML)), facts: analyseHtml(HTML) });

describe('pageDigest', () => {
  it('changes with any byte of the page', () => {
    expect(pageDigest(Buffer.from(HTML))).toBe(pageDigest(Buffer.from(HTML)));
    expect(pageDigest(Buffer.from(HTML.replace('Lạt', 'Lat')))).not.toBe(pageDigest(Buffer.from(HTML)));
  });
});

describe('readKnownPages', () => {
  it('gives back what was written, with its sets and maps', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'page-facts-'));
    await writeKnownPages(cacheDir, new Map([['index.html', page()]]));
    const known = await readKnownPages(cacheDir);
    expect(known.get('index.html')).toEqual(page());
    expect(known.get('index.html')!.facts.ids).toEqual(new Set(['x']));
  });

  it('gives nothing for a damaged entry or none', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'page-facts-'));
    expect((await readKnownPages(cacheDir)).size).toBe(0);
    await writeKnownPages(cacheDir, new Map([['index.html', page()]]));
    truncateSync(cachePath(cacheDir, 'pageFacts'), 100);
    expect((await readKnownPages(cacheDir)).size).toBe(0);
  });
});

describe('writeKnownPages', () => {
  it('creates the cache folder when it is missing', async () => {
    const cacheDir = path.join(mkdtempSync(path.join(tmpdir(), 'page-facts-')), '.astro');
    await writeKnownPages(cacheDir, new Map([['index.html', page()]]));
    expect((await readKnownPages(cacheDir)).size).toBe(1);
  });
});
