import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegistries } from '../../src/data/content-files.ts';
import { parseArticle } from '../../src/lib/article.ts';
import { vietnamParts } from '../../src/lib/dates.ts';
import { fixturePath } from './build-fixture.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
let root: string;

/** Runs `npm run new` against a temporary copy of the basic fixture's content. */
function runNew(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(PROJECT, 'scripts/new-article.ts'), ...args, '--root', root], {
    cwd: root,
    encoding: 'utf8',
    // No git identity from the machine: the fallback chain must be what the test says.
    env: { ...process.env, TAC_GIA: '', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...env },
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'new-article-'));
  cpSync(path.join(fixturePath('basic'), 'content'), path.join(root, 'content'), { recursive: true });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run new', () => {
  const year = vietnamParts(new Date()).year;

  it('creates the article under the Vietnam year, prints its path, and the file passes the schema', async () => {
    const { status, stdout } = runNew(['Đà Lạt: mưa lớn kéo dài', '--category', 'du lich', '--author', 'Lô Thanh']);
    expect(status).toBe(0);
    expect(stdout).toBe(`content/articles/${year}/da-lat-mua-lon-keo-dai.md`);
    const source = readFileSync(path.join(root, stdout), 'utf8');
    const { categories } = await readRegistries(root);
    const parsed = parseArticle(stdout, source, categories);
    expect(parsed.ok && parsed.article.data).toMatchObject({
      title: 'Đà Lạt: mưa lớn kéo dài',
      authors: ['Lô Thanh'],
      category: 'du-lich',
      slug: 'da-lat-mua-lon-keo-dai',
    });
    // The date is "now", to the minute.
    if (parsed.ok) expect(Math.abs(parsed.article.data.date.getTime() - Date.now())).toBeLessThan(120_000);
  });

  it('numbers the slug when another article, in any folder, already has it', () => {
    // content/articles/thoi-su-so-1.md exists at the top level of the fixture.
    expect(runNew(['Thời sự số 1', '-c', 'Thời sự']).stdout).toBe(`content/articles/${year}/thoi-su-so-1-2.md`);
    expect(runNew(['Thời sự số 1', '-c', 'Thời sự']).stdout).toBe(`content/articles/${year}/thoi-su-so-1-3.md`);
  });

  it('falls back to TAC_GIA, then to the desk, for the author', () => {
    const fromEnv = runNew(['Tin có tác giả từ biến môi trường', '-c', 'thoi-su'], { TAC_GIA: 'Ngọc Hà' });
    expect(readFileSync(path.join(root, fromEnv.stdout), 'utf8')).toContain('\ntác giả: Ngọc Hà\n');
    const nobody = runNew(['Tin của ban biên tập', '-c', 'thoi-su']);
    expect(readFileSync(path.join(root, nobody.stdout), 'utf8')).toContain('\ntác giả: Ban biên tập\n');
  });

  it('refuses an unknown category, naming the nearest, and writes nothing', () => {
    const { status, stdout, stderr } = runNew(['Bóng đá thiếu niên', '--category', 'The thao']);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toMatchInlineSnapshot(
      `"Không tạo được bài viết: chuyên mục "The thao" chưa có trong content/categories.yaml; gần nhất là "Thời sự". Các chuyên mục: Thời sự, Du lịch."`,
    );
  });

  it('asks for the title and the category', () => {
    expect(runNew(['--category', 'Thời sự']).stderr.split('\n')[0]).toBe(
      'Không tạo được bài viết: thiếu tiêu đề bài viết',
    );
    expect(runNew(['Tin']).stderr.split('\n')[0]).toBe('Không tạo được bài viết: thiếu chuyên mục (--category)');
  });

  it('writes files that npm run check accepts (an empty body is only a warning)', () => {
    const check = spawnSync(process.execPath, [path.join(PROJECT, 'scripts/check-content.ts'), '--root', root], {
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: '' },
    });
    const written = check.stdout.split('\n').filter((line) => line.startsWith(`content/articles/${year}/`));
    expect(written.length).toBeGreaterThan(0);
    for (const line of written) expect(line).toMatch(/: cảnh báo: bài chưa có nội dung\./);
  });
});
