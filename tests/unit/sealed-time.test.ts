import { appendFileSync, mkdirSync, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSealedFile, sealFile, sealTree, sealedTreeFiles } from '../../src/cache/sealed-time.ts';

function bundle(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sealed-tree-'));
  mkdirSync(path.join(dir, 'fragment'));
  writeFileSync(path.join(dir, 'pagefind.js'), 'export {}');
  writeFileSync(path.join(dir, 'fragment', 'a.pf_fragment'), 'Đà Lạt');
  return dir;
}

describe('sealFile', () => {
  it('marks a file that nothing has written to since', () => {
    const dir = bundle();
    const file = path.join(dir, 'pagefind.js');
    expect(isSealedFile(file)).toBe(false);
    sealFile(file);
    expect(isSealedFile(file)).toBe(true);
    appendFileSync(file, ' ');
    expect(isSealedFile(file)).toBe(false);
    expect(isSealedFile(path.join(dir, 'missing'))).toBe(false);
  });
});

describe('sealTree', () => {
  it('lists every file with its size, sorted', () => {
    expect(sealTree(bundle())).toEqual([
      ['fragment/a.pf_fragment', Buffer.byteLength('Đà Lạt')],
      ['pagefind.js', 9],
    ]);
  });
});

describe('sealedTreeFiles', () => {
  it('holds for the folder as sealed, and fails once a file is cut, emptied, overwritten, removed or added', () => {
    const damages: ((dir: string) => void)[] = [
      (dir) => truncateSync(path.join(dir, 'fragment', 'a.pf_fragment'), 3),
      (dir) => truncateSync(path.join(dir, 'pagefind.js'), 0),
      (dir) => writeFileSync(path.join(dir, 'pagefind.js'), 'xxxxxxxxx'),
      (dir) => rmSync(path.join(dir, 'pagefind.js')),
      (dir) => writeFileSync(path.join(dir, 'fragment', 'b.pf_fragment'), ''),
    ];
    for (const damage of damages) {
      const dir = bundle();
      const files = sealTree(dir);
      expect(sealedTreeFiles(dir, files)).toHaveLength(files.length);
      damage(dir);
      expect(sealedTreeFiles(dir, files), damage.toString()).toBeUndefined();
    }
    expect(sealedTreeFiles(path.join(tmpdir(), 'no-such-bundle'), [])).toBeUndefined();
    const dir = bundle();
    const files = sealTree(dir);
    const { dev, ino } = statSync(path.join(dir, files[0]![0]));
    expect(sealedTreeFiles(dir, files)![0]).toEqual({ dev, ino });
  });
});
