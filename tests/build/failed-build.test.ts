import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, privateFixtureCopy, type FixtureBuild } from './build-fixture.ts';

// A build that fails after Astro has written pages into dist/ (here the search index cannot
// use its cache folder) must not leave that half-built dist/ behind.
const NAME = 'basic/.failed-build';
let root: string;
let failed: FixtureBuild;
let repaired: FixtureBuild;
let distAfterFailure: boolean;

beforeAll(async () => {
  root = await privateFixtureCopy('basic', NAME);
  const first = buildFixture(NAME);
  if (first.status !== 0) throw new Error(first.output);
  // An article edited, and a file where the search index keeps its cache.
  const article = path.join(root, 'content/articles/thoi-su-so-2.md');
  writeFileSync(article, `${readFileSync(article, 'utf8')}\nThêm một câu.\n`);
  const cache = path.join(root, 'node_modules/.astro/search-index');
  rmSync(cache, { recursive: true, force: true });
  writeFileSync(cache, 'không phải thư mục');
  failed = buildFixture(NAME);
  distAfterFailure = existsSync(failed.dist);
  rmSync(cache);
  mkdirSync(cache);
  repaired = buildFixture(NAME);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('a build that fails after writing pages', () => {
  it('fails, and removes the half-built dist/ instead of leaving it to be published', () => {
    expect(failed.status).not.toBe(0);
    expect(failed.output).toMatch(/Không tạo được chỉ mục tìm kiếm: EEXIST: .*search-index/);
    expect(failed.output).toContain('dist/ dựng dở đã được xoá; lần dựng sau sẽ tạo lại');
    expect(distAfterFailure).toBe(false);
  });

  it('is followed by a build that renders every page again, the edited article included', () => {
    expect(repaired.status).toBe(0);
    expect(repaired.output).not.toContain('trang không đổi');
    expect(repaired.read('bai-viet/thoi-su-so-2/index.html')).toContain('Thêm một câu.');
  });
});
