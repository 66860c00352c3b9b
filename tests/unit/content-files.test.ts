import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listArticleFiles } from '../../src/data/content-files.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'content-files-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(file: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), '');
}

describe('listArticleFiles', () => {
  it('lists every Markdown file under content/articles, at any depth, in a stable order', async () => {
    write('content/articles/2023/bao-loc.md');
    write('content/articles/2022/da-lat.md');
    write('content/articles/goc.md');
    write('content/articles/2022/05/duc-trong.md');
    // not articles: other files, hidden names (an editor's lock file), files outside the folder
    write('content/articles/2022/ghi-chu.txt');
    write('content/articles/2022/.#da-lat.md');
    write('content/articles/.nhap/bai.md');
    write('content/site.md');
    expect(await listArticleFiles(root)).toEqual([
      'content/articles/2022/05/duc-trong.md',
      'content/articles/2022/da-lat.md',
      'content/articles/2023/bao-loc.md',
      'content/articles/goc.md',
    ]);
  });

  it('is empty when there is no articles folder yet', async () => {
    expect(await listArticleFiles(root)).toEqual([]);
  });
});
