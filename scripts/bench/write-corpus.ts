/**
 * Writes a generated corpus to disk as a buildable site root, and applies the "edit one
 * article" and "add one article" changes. The only impure part of the generator.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { createRandom, deriveSeed } from './prng.ts';
import { astroConfig, createCorpus, editArticleSource, IMAGE_NAMES, type CorpusOptions } from './generate-corpus.ts';

export interface WrittenCorpus {
  root: string;
  /** Article paths relative to the root, in generation order. */
  articles: string[];
  bytes: number;
  seconds: number;
  /** Applies the deterministic edit to one article; returns its path. */
  editOne(): Promise<string>;
  /** Writes one new article; returns its path. */
  addOne(): Promise<string>;
}

const PROJECT = path.resolve(import.meta.dirname, '../..');

/**
 * A smooth, deterministic 1600×1000 picture (sky, hills, a sun), JPEG quality 80: small
 * files that still give Astro's image pipeline real work (AVIF/WebP in four widths).
 */
export async function writeImage(file: string, seed: number): Promise<void> {
  const width = 1600;
  const height = 1000;
  const random = createRandom(seed);
  const sky = [random.int(90, 160), random.int(140, 200), random.int(200, 250)];
  const hill = [random.int(30, 90), random.int(100, 160), random.int(40, 90)];
  const sun = { x: random.int(200, 1400), y: random.int(100, 400), r: random.int(50, 120) };
  const waves = [random.int(2, 6), random.int(50, 150), random.next() * 6];
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const ridge = height * 0.55 + Math.sin((x / width) * Math.PI * waves[0]! + waves[2]!) * waves[1]!;
      const inSun = (x - sun.x) ** 2 + (y - sun.y) ** 2 < sun.r ** 2;
      const base = y > ridge ? hill : inSun ? [250, 230, 150] : sky;
      const shade = y > ridge ? 1 - (y - ridge) / height : 0.75 + (0.25 * y) / height;
      const at = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) pixels[at + c] = Math.min(255, Math.round(base[c]! * shade + ((x * 7 + y * 13) % 9)));
    }
  }
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toFile(file);
}

/** What a newsroom's repository leaves out: the build's output and caches. */
const SITE_GITIGNORE = 'dist/\nnode_modules/\n.astro/\n';

/**
 * Commits everything under `root` to its own git repository (created on first use), as a
 * newsroom's journalists commit: the build keys unchanged articles by git's object ids.
 */
function commitAll(root: string, message: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, '-c', 'user.name=bench', '-c', 'user.email=bench@localhost', ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  if (!existsSync(path.join(root, '.git'))) git('init', '--quiet');
  git('add', '--all');
  git('commit', '--quiet', '--no-verify', '--no-gpg-sign', '--allow-empty', '--message', message);
}

/**
 * Replaces `root/content` with a fresh corpus, writes `root/astro.config.mjs` and commits both
 * to `root`'s own git repository; the edit and the new article are committed too. Build
 * outputs and caches under `root` are left alone (the benchmark clears them itself).
 *
 * @example
 * const corpus = await writeCorpus('.bench/site', { articles: 10_000, seed: 1, buildTime });
 */
export async function writeCorpus(root: string, options: CorpusOptions): Promise<WrittenCorpus> {
  const started = performance.now();
  const absolute = path.resolve(root);
  const corpus = createCorpus(options);
  await rm(path.join(absolute, 'content'), { recursive: true, force: true });
  await mkdir(path.join(absolute, 'content/images'), { recursive: true });
  const projectFromRoot = path.relative(absolute, PROJECT).split(path.sep).join('/') || '.';
  await writeFile(path.join(absolute, 'astro.config.mjs'), astroConfig(projectFromRoot));
  await writeFile(path.join(absolute, '.gitignore'), SITE_GITIGNORE);
  let bytes = 0;
  const write = async (file: { path: string; content: string }) => {
    const full = path.join(absolute, file.path);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, file.content);
    bytes += Buffer.byteLength(file.content);
  };
  for (const file of corpus.registries()) await write(file);
  const articles: string[] = [];
  let batch: Promise<void>[] = [];
  for (const file of corpus.articles()) {
    articles.push(file.path);
    batch.push(write(file));
    if (batch.length >= 256) {
      await Promise.all(batch);
      batch = [];
    }
  }
  await Promise.all(batch);
  await Promise.all(
    IMAGE_NAMES.map((name, i) =>
      writeImage(path.join(absolute, 'content/images', name), deriveSeed(options.seed, 1_000 + i)),
    ),
  );
  commitAll(absolute, `${articles.length} bài viết`);
  const editedPath = articles[corpus.editedIndex];
  return {
    root: absolute,
    articles,
    bytes,
    seconds: (performance.now() - started) / 1000,
    async editOne() {
      if (!editedPath) throw new Error('no article to edit');
      const full = path.join(absolute, editedPath);
      await writeFile(full, editArticleSource(await readFile(full, 'utf8')));
      commitAll(absolute, `Sửa ${editedPath}`);
      return editedPath;
    },
    async addOne() {
      const extra = corpus.extraArticle();
      if (existsSync(path.join(absolute, extra.path))) throw new Error(`${extra.path} already exists`);
      await write(extra);
      commitAll(absolute, `Thêm ${extra.path}`);
      articles.push(extra.path);
      return extra.path;
    },
  };
}
