import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  articleHtmlDir,
  articleHtmlFile,
  hasArticleHtml,
  listArticleHtml,
  pruneArticleHtml,
  readArticleHtml,
  writeArticleHtml,
} from '../../src/data/article-html.ts';

let cache: string;
let dir: string;
beforeEach(async () => {
  cache = await mkdtemp(path.join(tmpdir(), 'article-html-'));
  dir = articleHtmlDir(cache);
});
afterEach(async () => {
  await rm(cache, { recursive: true, force: true });
});

describe('articleHtmlDir', () => {
  it('is a folder of Astro’s cache folder', () => {
    expect(articleHtmlDir('/site/node_modules/.astro')).toBe('/site/node_modules/.astro/article-html');
  });
});

describe('articleHtmlFile', () => {
  it('names the file after the key', () => {
    expect(articleHtmlFile('/c/article-html', '3f9a0c')).toBe('/c/article-html/3f9a0c.html');
  });
});

describe('writeArticleHtml', () => {
  it('writes each body under its key, creating the folder', async () => {
    await writeArticleHtml(dir, [
      { key: 'a1', html: '<p>Đà Lạt</p>' },
      { key: 'b2', html: '<p>Bảo Lộc</p>' },
    ]);
    expect((await readdir(dir)).sort()).toEqual(['a1.html', 'b2.html']);
  });
});

describe('listArticleHtml', () => {
  it('lists the folder’s files, and nothing for a folder not made yet', async () => {
    await writeArticleHtml(dir, [{ key: 'a1', html: '<p>x</p>' }]);
    expect(await listArticleHtml(dir)).toEqual(new Set(['a1.html']));
    expect(await listArticleHtml(path.join(cache, 'none'))).toEqual(new Set());
  });
});

describe('hasArticleHtml', () => {
  it('tells whether a body is among the listed files', async () => {
    await writeArticleHtml(dir, [{ key: 'a1', html: '<p>x</p>' }]);
    const files = await listArticleHtml(dir);
    expect(hasArticleHtml(files, 'a1')).toBe(true);
    expect(hasArticleHtml(files, 'b2')).toBe(false);
  });
});

describe('readArticleHtml', () => {
  it('reads a body back as written', async () => {
    await writeArticleHtml(dir, [{ key: 'a1', html: '<p>Đức Trọng</p>' }]);
    await expect(readArticleHtml(dir, 'a1')).resolves.toBe('<p>Đức Trọng</p>');
  });

  it('gives nothing for a body that is missing, cut short, emptied or overwritten', async () => {
    await writeArticleHtml(dir, [{ key: 'b2', html: '<p>Bảo Lộc, thủ phủ chè</p>' }]);
    const stored = await readFile(path.join(dir, 'b2.html'), 'utf8');
    await expect(readArticleHtml(dir, 'zz')).resolves.toBeUndefined();
    for (const damaged of [stored.slice(0, -5), '', stored.replace('chè', 'cà')]) {
      await writeFile(path.join(dir, 'b2.html'), damaged);
      await expect(readArticleHtml(dir, 'b2'), JSON.stringify(damaged)).resolves.toBeUndefined();
    }
  });
});

describe('pruneArticleHtml', () => {
  it('keeps the bodies still in use and deletes the rest', async () => {
    await writeArticleHtml(dir, [
      { key: 'a1', html: '1' },
      { key: 'b2', html: '2' },
      { key: 'c3', html: '3' },
    ]);
    await pruneArticleHtml(dir, await listArticleHtml(dir), new Set(['a1', 'c3']));
    expect((await readdir(dir)).sort()).toEqual(['a1.html', 'c3.html']);
  });

  it('does nothing when the folder does not exist yet', async () => {
    const none = path.join(cache, 'none');
    await expect(pruneArticleHtml(none, await listArticleHtml(none), new Set())).resolves.toBeUndefined();
  });
});
