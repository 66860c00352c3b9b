import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceFile } from '../../src/cache/replace-file.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'replace-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('replaceFile', () => {
  it('writes a new file, or replaces an old one, leaving nothing beside it', async () => {
    const file = path.join(dir, 'bai-viet.md');
    await replaceFile(file, 'tiêu đề: Đà Lạt');
    expect(await readFile(file, 'utf8')).toBe('tiêu đề: Đà Lạt');
    await writeFile(path.join(dir, 'other.txt'), 'x');
    await replaceFile(file, new Uint8Array([0xc4, 0x91]));
    expect(await readFile(file, 'utf8')).toBe('đ');
    expect((await readdir(dir)).sort()).toEqual(['bai-viet.md', 'other.txt']);
  });

  it('fails when the folder does not exist', async () => {
    await expect(replaceFile(path.join(dir, 'none', 'a.txt'), 'x')).rejects.toThrow(/ENOENT/);
  });
});
