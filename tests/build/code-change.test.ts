/**
 * The caches are keyed on the code that filled them: after a change to the Markdown renderer or
 * the picture encoder, or to the version of a package the renderer loads, a rebuild re-renders every article and equals a
 * build from nothing, byte for byte. And a damaged cache entry (a rendered body, the records, the
 * picture catalogue, a search bundle) is rebuilt, never published.
 * The project is copied to a temporary folder, so its code can be changed.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from './build-fixture.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
let copy: string;

function build(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(copy, 'scripts/build.ts'), '--root', copy, ...args], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, BUILD_TIME: '2024-06-01T12:00:00+07:00', TZ: 'Asia/Bangkok', NO_COLOR: '1' },
  });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(output);
  return output;
}

/** Every file of `dist/`, by path. */
function snapshot(): Map<string, Buffer> {
  const dist = path.join(copy, 'dist');
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dist, full), readFileSync(full));
    }
  }
  return files;
}

/** The files whose bytes differ between two snapshots, or that only one has. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter(
    (file) => !a.get(file)?.equals(b.get(file) ?? Buffer.alloc(0)),
  );
}

const changedArticles = (output: string) => /(\d+) bài mới hoặc đã sửa/.exec(output)?.[1];

function edit(file: string, from: string, to: string) {
  const full = path.join(copy, file);
  const text = readFileSync(full, 'utf8');
  expect(text, `${file} no longer holds ${from}: update this test`).toContain(from);
  writeFileSync(full, text.replace(from, to));
}

let afterRenderer: { output: string; files: Map<string, Buffer> };
let afterLock: { output: string; files: Map<string, Buffer> };
let afterDamage: Map<string, Buffer>;
let afterDamagedIndexes: { output: string; files: Map<string, Buffer> };
let fresh: { output: string; files: Map<string, Buffer> };
let articleCount: number;
let searchBundles: number;
let firstPictures: string[];

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'tin-luu-tru-code-'));
  for (const entry of ['src', 'scripts', 'public', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(path.join(PROJECT, entry), path.join(copy, entry), { recursive: true });
  }
  cpSync(path.join(fixturePath('basic'), 'content'), path.join(copy, 'content'), { recursive: true });
  writeFileSync(
    path.join(copy, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport { archiveConfig } from './src/integrations/archive-config.ts';\nexport default defineConfig(archiveConfig(new URL('.', import.meta.url)));\n",
  );
  // The packages by link, but a cache folder of the copy's own.
  mkdirSync(path.join(copy, 'node_modules'));
  for (const name of readdirSync(path.join(PROJECT, 'node_modules'))) {
    if (name !== '.astro') symlinkSync(path.join(PROJECT, 'node_modules', name), path.join(copy, 'node_modules', name));
  }
  articleCount = readdirSync(path.join(copy, 'content/articles'), { recursive: true }).filter((file) =>
    String(file).endsWith('.md'),
  ).length;

  build();
  firstPictures = [...snapshot().keys()].filter((file) => file.startsWith('anh/'));
  edit('src/lib/markdown.ts', 'return { html: String(file),', 'return { html: `${String(file)}<p>mã-mới</p>`,');
  edit('src/data/picture-files.ts', 'resized.jpeg()', 'resized.jpeg({ quality: 60 })');
  const rendererOutput = build();
  afterRenderer = { output: rendererOutput, files: snapshot() };

  const lock = JSON.parse(readFileSync(path.join(copy, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version: string }>;
  };
  lock.packages['node_modules/hast-util-sanitize']!.version += '-khac';
  writeFileSync(path.join(copy, 'package-lock.json'), JSON.stringify(lock, null, 2));
  // A change to a search text rule's module, however small, is a change to the index's code.
  writeFileSync(
    path.join(copy, 'src/lib/search-fold.ts'),
    `${readFileSync(path.join(copy, 'src/lib/search-fold.ts'), 'utf8')}\n// đổi\n`,
  );
  const lockOutput = build();
  afterLock = { output: lockOutput, files: snapshot() };

  // Every cached body damaged three ways: cut short, emptied, overwritten with other bytes.
  const htmlDir = path.join(copy, 'node_modules/.astro/article-html');
  readdirSync(htmlDir).forEach((name, index) => {
    const file = path.join(htmlDir, name);
    const damaged = [
      readFileSync(file, 'utf8').slice(0, 60),
      '',
      readFileSync(file, 'utf8').replace('mã-mới', 'mã-hỏng'),
    ][index % 3]!;
    writeFileSync(file, damaged);
  });
  // Astro's own page cache is not ours to damage: forget it, so every article page reads its body.
  rmSync(path.join(copy, 'node_modules/.astro/incremental-build.json'));
  build();
  afterDamage = snapshot();

  // The records file cut short and the picture catalogue overwritten: both are read again from the sources.
  const records = path.join(copy, 'node_modules/.astro/article-records.bin');
  writeFileSync(records, readFileSync(records).subarray(0, 100));
  writeFileSync(path.join(copy, 'node_modules/.astro/pictures.json'), '\u0000{ hỏng');
  // A fragment of every cached search bundle cut short, emptied or overwritten, and the page
  // digests overwritten: the bundles and the digests are made again.
  const searchCache = path.join(copy, 'node_modules/.astro/search-index');
  searchBundles = readdirSync(searchCache, { withFileTypes: true }).filter((entry) => entry.isDirectory()).length;
  readdirSync(searchCache, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .forEach((bundle, index) => {
      const fragments = path.join(searchCache, bundle.name, 'fragment');
      const file = path.join(fragments, readdirSync(fragments)[0]!);
      const damaged = [readFileSync(file).subarray(0, 10), Buffer.alloc(0), randomBytes(readFileSync(file).length)];
      writeFileSync(file, damaged[index % 3]!);
    });
  writeFileSync(path.join(searchCache, 'pages.json'), randomBytes(200));
  afterDamagedIndexes = { output: build(), files: snapshot() };

  const freshOutput = build('--fresh');
  fresh = { output: freshOutput, files: snapshot() };
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('a rebuild after a code change', () => {
  it('re-renders every article when the renderer changes, and equals a build from nothing', () => {
    expect(changedArticles(afterRenderer.output)).toBe(String(articleCount));
    expect(afterRenderer.files.get('bai-viet/thoi-su-so-3/index.html')!.toString()).toContain('<p>mã-mới</p>');
    expect(differences(afterRenderer.files, fresh.files)).toEqual([]);
  });

  it('publishes pictures under new names when the picture encoder changes', () => {
    const pictures = [...afterRenderer.files.keys()].filter((file) => file.startsWith('anh/'));
    expect(firstPictures.length).toBeGreaterThan(0);
    expect(pictures.length).toBe(firstPictures.length);
    expect(pictures.filter((file) => firstPictures.includes(file))).toEqual([]);
  });

  it('re-renders every article when a package it loads changes version, and re-indexes every bundle when search code changes', () => {
    expect(changedArticles(afterLock.output)).toBe(String(articleCount));
    expect(afterLock.output).toMatch(
      /Chỉ mục tìm kiếm: \d+ bài viết, (\d+) phần \(lập lại \1, dùng lại 0 từ bộ nhớ đệm\)/,
    );
    expect(differences(afterLock.files, fresh.files)).toEqual([]);
  });

  it('renders a damaged cached body again instead of publishing it', () => {
    expect(differences(afterDamage, fresh.files)).toEqual([]);
  });

  it('reads the sources again when the records file, the picture catalogue or a search bundle is damaged', () => {
    expect(changedArticles(afterDamagedIndexes.output)).toBe(String(articleCount));
    expect(searchBundles).toBeGreaterThan(1);
    expect(afterDamagedIndexes.output).toContain(`${searchBundles} phần (lập lại ${searchBundles}, dùng lại 0`);
    expect(differences(afterDamagedIndexes.files, fresh.files)).toEqual([]);
  });

  it('starts from nothing with --fresh, and says how much the caches hold', () => {
    expect(changedArticles(fresh.output)).toBe(String(articleCount));
    expect(fresh.output).toMatch(/\[news-archive-cache\] bộ nhớ đệm: \d+,\d MB trong [\d.]+ tệp/);
  });
});
