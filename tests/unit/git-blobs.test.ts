import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobId, unchangedBlobIds } from '../../src/data/git-blobs.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'git-blobs-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const git = (...args: string[]) =>
  execFileSync('git', ['-C', root, '-c', 'user.name=test', '-c', 'user.email=test@localhost', ...args], {
    encoding: 'utf8',
  }).trim();

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

/** What git itself says a file's object id is. */
const hashObject = (file: string) => git('hash-object', '--', file);

describe('blobId', () => {
  it('is the id git gives the same bytes, Vietnamese included', () => {
    write('bai.md', '---\ntiêu đề: Đà Lạt đón khách\n---\n\nKhách đến Đà Lạt.\n');
    expect(blobId(Buffer.from('---\ntiêu đề: Đà Lạt đón khách\n---\n\nKhách đến Đà Lạt.\n'))).toBe(
      hashObject('bai.md'),
    );
    expect(blobId(Buffer.from('hi\n'))).toBe('45b983be36b73c0788dc9cbcb76cbb80fc7bb057');
  });
});

describe('unchangedBlobIds', () => {
  beforeEach(() => {
    git('init', '--quiet');
    write('content/articles/2022/da-lat.md', 'Đà Lạt\n');
    write('content/articles/2023/bao-loc.md', 'Bảo Lộc\n');
    write('content/articles/2023/duc-trong.md', 'Đức Trọng\n');
    write('content/articles/2023/lam-ha.md', 'Lâm Hà\n');
    write('content/site.yaml', 'name: Tin\n');
    git('add', '--all');
    git('commit', '--quiet', '--no-gpg-sign', '--message', 'Bài viết');
  });

  it('gives every committed file whose working copy is unchanged, under the folder asked for', () => {
    expect(unchangedBlobIds(root, 'content/articles')).toEqual(
      new Map([
        ['content/articles/2022/da-lat.md', hashObject('content/articles/2022/da-lat.md')],
        ['content/articles/2023/bao-loc.md', hashObject('content/articles/2023/bao-loc.md')],
        ['content/articles/2023/duc-trong.md', hashObject('content/articles/2023/duc-trong.md')],
        ['content/articles/2023/lam-ha.md', hashObject('content/articles/2023/lam-ha.md')],
      ]),
    );
  });

  it('leaves out edited, untracked, assume-unchanged and linked files, which the caller must read', () => {
    write('content/articles/2022/da-lat.md', 'Đà Lạt, đã sửa\n');
    write('content/articles/2024/bai-moi.md', 'Bài mới\n');
    write('content/articles/2023/lam-ha.md', 'Lâm Hà, sửa mà git không xem\n');
    git('update-index', '--assume-unchanged', 'content/articles/2023/lam-ha.md');
    symlinkSync('bao-loc.md', path.join(root, 'content/articles/2023/lien-ket.md'));
    git('add', 'content/articles/2023/lien-ket.md');
    expect([...unchangedBlobIds(root, 'content/articles').keys()]).toEqual([
      'content/articles/2023/bao-loc.md',
      'content/articles/2023/duc-trong.md',
    ]);
  });

  it('gives the staged id of a file staged but not committed', () => {
    write('content/articles/2023/bao-loc.md', 'Bảo Lộc, đã sửa\n');
    git('add', 'content/articles/2023/bao-loc.md');
    expect(unchangedBlobIds(root, 'content/articles').get('content/articles/2023/bao-loc.md')).toBe(
      blobId(Buffer.from('Bảo Lộc, đã sửa\n')),
    );
  });

  it('gives paths relative to a site root inside a larger repository', () => {
    expect([...unchangedBlobIds(path.join(root, 'content'), 'articles/2022').keys()]).toEqual([
      'articles/2022/da-lat.md',
    ]);
  });

  it('is empty outside a git repository', () => {
    rmSync(path.join(root, '.git'), { recursive: true });
    expect(unchangedBlobIds(root, 'content/articles')).toEqual(new Map());
  });
});
