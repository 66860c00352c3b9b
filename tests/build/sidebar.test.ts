/**
 * The article sidebar never ties an article page to the rest of the archive: publishing an
 * article in another category leaves every existing article page byte for byte as it was (so a
 * rebuild skips them and a deploy uploads none of them), and only the latest-news file changes.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, privateFixtureCopy, type FixtureBuild } from './build-fixture.ts';

const NAME = 'basic/.sidebar';
const NEW_ARTICLE = 'bai-viet/le-hoi-hoa-moi/index.html';

let root: string;
let before: Map<string, Buffer>;
let after: FixtureBuild;

/** Every article page of a build, with its bytes. */
function articlePages(build: FixtureBuild): Map<string, Buffer> {
  return new Map(
    build
      .files()
      .filter((file) => /^bai-viet\/[^/]+\/index\.html$/.test(file))
      .map((file) => [file, readFileSync(path.join(build.dist, file))]),
  );
}

beforeAll(async () => {
  root = await privateFixtureCopy('basic', NAME);
  const first = buildFixture(NAME);
  if (first.status !== 0) throw new Error(first.output);
  before = articlePages(first);
  // The newest article of the site, in Du lịch, sharing no tag with any other article.
  writeFileSync(
    path.join(root, 'content/articles/le-hoi-hoa-moi.md'),
    '---\ntiêu đề: Lễ hội hoa mới khai mạc\nngày: 2024-06-01 09:00\ntác giả: Lô Thanh\nchuyên mục: Du lịch\n---\n\nNội dung.\n',
  );
  after = buildFixture(NAME);
  if (after.status !== 0) throw new Error(after.output);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('publishing an article in another category', () => {
  it('leaves every other article page byte for byte as it was, and the rebuild skips them', () => {
    const pages = articlePages(after);
    expect([...pages.keys()].filter((file) => !before.has(file))).toEqual([NEW_ARTICLE]);
    const thoiSu = [...before.keys()].filter((file) => file.includes('/thoi-su-so-'));
    expect(thoiSu.length).toBeGreaterThan(3);
    for (const file of thoiSu) {
      expect(pages.get(file)!.equals(before.get(file)!), file).toBe(true);
      expect(after.output, file).not.toContain(`├─ /${file}`);
    }
    expect(pages.get('bai-viet/thoi-su-so-3/index.html')!.toString()).toContain('Cùng chuyên mục Thời sự');
  });

  it('puts the new article first in the latest news the sidebars fetch', () => {
    const latest = JSON.parse(after.read('bai-viet/moi-nhat.json')) as { url: string; title: string }[];
    expect(latest[0]).toMatchObject({ url: '/bai-viet/le-hoi-hoa-moi/', title: 'Lễ hội hoa mới khai mạc' });
    expect(latest).toHaveLength(6);
  });
});
