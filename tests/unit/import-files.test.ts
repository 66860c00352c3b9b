import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fsReason, makeFolder, writeArticle } from '../../scripts/lib/import-files.ts';

const folders: string[] = [];
const fresh = () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'nhap-tep-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('fsReason', () => {
  it('names the error in Vietnamese with its code, and says so when it has no code', () => {
    expect(fsReason(Object.assign(new Error('x'), { code: 'ENAMETOOLONG' }))).toBe('tên tệp quá dài (ENAMETOOLONG)');
    expect(fsReason(Object.assign(new Error('x'), { code: 'EWHATEVER' }))).toBe('lỗi hệ thống tệp (EWHATEVER)');
    expect(fsReason(new Error('hỏng'))).toBe('lỗi không lường trước: hỏng');
  });
});

describe('makeFolder', () => {
  it('makes the missing folders, and fails where a file stands in the way', async () => {
    const root = fresh();
    await makeFolder(path.join(root, 'a/b/c'));
    expect(readdirSync(path.join(root, 'a/b'))).toEqual(['c']);
    writeFileSync(path.join(root, 'tep'), '');
    await expect(makeFolder(path.join(root, 'tep/d'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});

describe('writeArticle', () => {
  it('writes the file and leaves nothing beside it', async () => {
    const root = fresh();
    await writeArticle(path.join(root, 'a.md'), 'bài', false);
    expect(readdirSync(root)).toEqual(['a.md']);
    expect(readFileSync(path.join(root, 'a.md'), 'utf8')).toBe('bài');
  });

  it('never replaces a file as a new article, and removes its temporary file', async () => {
    const root = fresh();
    writeFileSync(path.join(root, 'a.md'), 'bài viết tay');
    await expect(writeArticle(path.join(root, 'a.md'), 'bài nhập', false)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readdirSync(root)).toEqual(['a.md']);
    expect(readFileSync(path.join(root, 'a.md'), 'utf8')).toBe('bài viết tay');
    await writeArticle(path.join(root, 'a.md'), 'bài nhập', true);
    expect(readFileSync(path.join(root, 'a.md'), 'utf8')).toBe('bài nhập');
  });

  it('removes its temporary file when the rename fails', async () => {
    const root = fresh();
    mkdirSync(path.join(root, 'a.md/x'), { recursive: true });
    await expect(writeArticle(path.join(root, 'a.md'), 'bài', true)).rejects.toBeDefined();
    expect(readdirSync(root)).toEqual(['a.md']);
  });
});
