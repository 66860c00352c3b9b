import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCacheOutputs } from '../../src/integrations/astro-internals.mjs';
import { buildFixture, fixturePath, type FixtureBuild } from './build-fixture.ts';

// Two private copies of the basic fixture: one, a git repository of its own, rebuilt
// incrementally after a journalist's commit (its unchanged articles are keyed by git's object
// ids, not read); one, without git, built cold from the same content (every file read). Both
// must produce the same bytes.
const WARM = '.incremental-warm';
const COLD = '.incremental-cold';

function copyFixture(name: string, { repository = false } = {}) {
  const target = fixturePath(name);
  rmSync(target, { recursive: true, force: true });
  for (const entry of ['astro.config.mjs', 'content']) {
    cpSync(path.join(fixturePath('basic'), entry), path.join(target, entry), { recursive: true });
  }
  if (repository) {
    writeFileSync(path.join(target, '.gitignore'), 'dist/\nnode_modules/\n');
    commit(name, 'Bài viết');
  }
}

/** Commits everything in a fixture that is a repository of its own (created on first use). */
function commit(name: string, message: string) {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', fixturePath(name), '-c', 'user.name=test', '-c', 'user.email=test@localhost', ...args]);
  if (!existsSync(path.join(fixturePath(name), '.git'))) git('init', '--quiet');
  git('add', '--all');
  git('commit', '--quiet', '--no-verify', '--no-gpg-sign', '--message', message);
}

function commitEdits(name: string) {
  const articles = path.join(fixturePath(name), 'content/articles');
  const edited = path.join(articles, 'thoi-su-so-3.md');
  writeFileSync(edited, readFileSync(edited, 'utf8').replace('Bài thời sự số 3', 'Bài thời sự số 3, đã sửa'));
  writeFileSync(
    path.join(articles, 'bai-moi.md'),
    '---\ntiêu đề: Bài mới đăng\nngày: 2023-12-30 08:00\ntác giả: Lô Thanh\nchuyên mục: Thời sự\n---\n\nNội dung mới.\n',
  );
  rmSync(path.join(articles, 'thoi-su-so-1.md'));
  if (existsSync(path.join(fixturePath(name), '.git'))) commit(name, 'Sửa, thêm và xoá bài');
}

/** A photographer's tighter crop of a lead picture, committed under the same file name. */
async function replacePicture(name: string) {
  const picture = path.join(fixturePath(name), 'content/images/ho-xuan-huong.jpg');
  const cropped = await sharp(readFileSync(picture)).extract({ left: 0, top: 0, width: 1200, height: 800 }).toBuffer();
  writeFileSync(picture, cropped);
  if (existsSync(path.join(fixturePath(name), '.git'))) commit(name, 'Thay ảnh');
}

/** What differs between two builds' output folders, read now (later builds reuse the folders). */
function compareOutputs(a: FixtureBuild, b: FixtureBuild) {
  const files = a.files();
  const different = files.filter(
    (file) => !readFileSync(path.join(a.dist, file)).equals(readFileSync(path.join(b.dist, file))),
  );
  return { files, otherFiles: b.files(), different };
}

let warm: FixtureBuild;
let cold: FixtureBuild;
let rebuildOutput: string;
// After a second commit that replaces a picture: the same two ways.
let warmPictured: FixtureBuild;
let coldPictured: FixtureBuild;
let picturesBefore: string[];
let afterCommit: ReturnType<typeof compareOutputs>;
let afterPicture: ReturnType<typeof compareOutputs>;

beforeAll(async () => {
  copyFixture(WARM, { repository: true });
  copyFixture(COLD);
  const first = buildFixture(WARM);
  if (first.status !== 0) throw new Error(first.output);
  commitEdits(WARM);
  warm = buildFixture(WARM);
  rebuildOutput = warm.output;
  commitEdits(COLD);
  cold = buildFixture(COLD);
  afterCommit = compareOutputs(warm, cold);
  picturesBefore = warm.files().filter((file) => file.startsWith('anh/'));
  await replacePicture(WARM);
  warmPictured = buildFixture(WARM);
  await replacePicture(COLD);
  rmSync(path.join(fixturePath(COLD), 'dist'), { recursive: true });
  rmSync(path.join(fixturePath(COLD), 'node_modules'), { recursive: true });
  coldPictured = buildFixture(COLD);
  afterPicture = compareOutputs(warmPictured, coldPictured);
});

afterAll(() => {
  rmSync(fixturePath(WARM), { recursive: true, force: true });
  rmSync(fixturePath(COLD), { recursive: true, force: true });
});

/** Whether a build's log lists a page as rendered: skipped pages are only counted. */
function rendered(output: string, page: string): boolean {
  return output.includes(`├─ ${page}`);
}

/** The rendered pages a build's log lists, and the skipped pages it counts. */
function pagesInLog(output: string): { rendered: number; skipped: number } {
  const skipped = [...output.matchAll(/├─ … (\d+) trang không đổi, không dựng lại/g)];
  return {
    rendered: output.match(/├─ \//g)?.length ?? 0,
    skipped: skipped.reduce((sum, [, count]) => sum + Number(count), 0),
  };
}

describe('a rebuild after one commit', () => {
  it('reuses unchanged pages instead of rendering them again', () => {
    expect(warm.status).toBe(0);
    // the edited and the new article are read and rendered; git vouches for the others
    expect(rebuildOutput).toMatch(/\d+ bài viết, 2 bài mới hoặc đã sửa/);
    // unchanged pages are found in place in dist/, not even copied back from Astro's cache
    expect(rendered(rebuildOutput, '/bai-viet/da-lat-don-khach/index.html')).toBe(false);
    expect(rebuildOutput).not.toContain('chép lại từ bộ nhớ đệm');
    // the edited article and the front page of its category are rendered again
    expect(rendered(rebuildOutput, '/bai-viet/thoi-su-so-3/index.html')).toBe(true);
    expect(rendered(rebuildOutput, '/chuyen-muc/thoi-su/index.html')).toBe(true);
    // every output the cold build lists is either listed or counted by the rebuild
    const rebuilt = pagesInLog(rebuildOutput);
    expect(rebuilt.skipped).toBeGreaterThan(0);
    expect(rebuilt.rendered + rebuilt.skipped).toBe(pagesInLog(cold.output).rendered);
    // All three changes are in 2023, in the bundle of older months: the newest month's is reused.
    expect(rebuildOutput).toMatch(/Chỉ mục tìm kiếm: \d+ bài viết, 2 phần \(lập lại 1, dùng lại 1 từ bộ nhớ đệm\)/);
  });

  it('equals a cold build of the same content, byte for byte', () => {
    expect(cold.status).toBe(0);
    expect(afterCommit.files).toEqual(afterCommit.otherFiles);
    expect(afterCommit.different).toEqual([]);
    expect(warm.read('bai-viet/thoi-su-so-3/index.html')).toContain('Bài thời sự số 3, đã sửa');
    expect(warm.read('chuyen-muc/thoi-su/index.html')).toContain('Bài mới đăng');
    // the deleted article's page is gone from the output folder, which the rebuild reused
    expect(warm.exists('bai-viet/thoi-su-so-1/index.html')).toBe(false);
  });
});

describe('a rebuild after a picture is replaced under the same name', () => {
  it('renders the page that shows it, publishes it under new names and removes the old files', () => {
    expect(warmPictured.status).toBe(0);
    expect(rendered(warmPictured.output, '/bai-viet/da-lat-don-khach/index.html')).toBe(true);
    expect(warmPictured.read('bai-viet/da-lat-don-khach/index.html')).toContain('width="1200" height="800"');
    const picturesAfter = warmPictured.files().filter((file) => file.startsWith('anh/'));
    expect(picturesBefore).toHaveLength(12); // 1600 pixels wide: 4 widths in 3 formats
    expect(picturesAfter).toHaveLength(9); // 1200 pixels wide: 3 widths
    expect(picturesAfter.filter((file) => picturesBefore.includes(file))).toEqual([]);
    // nothing searchable changed: every search bundle is reused
    expect(warmPictured.output).toMatch(
      /Chỉ mục tìm kiếm: \d+ bài viết, 2 phần \(lập lại 0, dùng lại 2 từ bộ nhớ đệm\)/,
    );
  });

  it('equals a cold build of the same content, byte for byte', () => {
    expect(coldPictured.status).toBe(0);
    expect(afterPicture.files).toEqual(afterPicture.otherFiles);
    expect(afterPicture.different).toEqual([]);
  });
});

describe("Astro's internals the build reads (src/integrations/astro-internals.mjs)", () => {
  it('finds every page that has a cache key in its incremental-build manifest', () => {
    const outputs = pageCacheOutputs(path.join(fixturePath(WARM), 'node_modules/.astro'));
    // Article pages and paginated lists have keys; the home, archive index, search and 404 pages are always rendered.
    const keyed = warmPictured
      .files()
      .filter((file) => /^(bai-viet|chuyen-muc|the|tac-gia)\/.+\/index\.html$/.test(file))
      .filter((file) => !warmPictured.read(file).includes('http-equiv="refresh"'));
    expect(keyed.length).toBeGreaterThan(10);
    expect(
      keyed.filter((page) => !outputs.has(page)),
      "Astro's incremental-build.json no longer names each page's outputFile: update pageCacheOutputs",
    ).toEqual([]);
  });

  it("reads Astro's page lines: skipped pages counted, none listed with Astro's own note", () => {
    expect(rebuildOutput, "Astro's page log lines changed: update pageLineKind").toMatch(
      /├─ … \d+ trang không đổi, không dựng lại/,
    );
    expect(rebuildOutput, "Astro's page log lines changed: update pageLineKind").not.toMatch(/\((cached|restored)\)/);
  });
});
