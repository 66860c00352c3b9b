/**
 * The synthetic archive the benchmark builds: a site root with `astro.config.mjs`, the three
 * registries and N articles in `content/articles/<yyyy>/<slug>.md`, valid for
 * `src/lib/schema.ts` and readable by the Hugo and Eleventy peers (ISO 8601 `date`).
 * Everything here is pure and deterministic from the seed; writing files is `write-corpus.ts`.
 */
import { slugify } from '../../src/lib/slug.ts';
import { MAX_SLUG_LENGTH } from '../../src/lib/url-claims.ts';
import { createRandom, deriveSeed, zipfSampler, type Random } from './prng.ts';
import { plantArticle } from './relevance.ts';
import { authorNames, capitalise, CATEGORIES, PLACES, rankedVocabulary, tagPool } from './vietnamese.ts';

export interface CorpusOptions {
  /** How many articles. */
  articles: number;
  seed: number;
  /** Every article is dated before this instant (the `BUILD_TIME` given to builds). */
  buildTime: Date;
  /** How many years back the dates go; 15 by default. */
  years?: number;
  /**
   * Share of articles with a picture, 0 to 1; 0.25 by default. A real archive has one on nearly
   * every article, which is what makes Astro's per-page image records grow (README, "What is left").
   */
  pictured?: number;
  /**
   * Plant the relevance benchmark's phrases (`relevance.ts`) in some articles, together or
   * apart; off by default. The other articles, and the rest of each article, are the same.
   */
  plant?: boolean;
}

/** A file of the site root: path relative to the root (always `/`), UTF-8 text. */
export interface CorpusFile {
  path: string;
  content: string;
}

/** The JPEGs articles reference (`images/<name>` under `content/`), made by `write-corpus.ts`. */
export const IMAGE_NAMES: readonly string[] = [
  'ho-xuan-huong.jpg',
  'doi-che-bao-loc.jpg',
  'thac-datanla.jpg',
  'vuon-hoa-thanh-pho.jpg',
  'cho-da-lat.jpg',
];

const SOURCES = ['Lamdongtv.vn', 'Lamdongtv.vn', 'Lamdongtv.vn', 'Báo Lâm Đồng', 'TTXVN', 'VOV', 'Cổng thông tin tỉnh'];
const AUTHOR_COUNT = 64;
const TAG_COUNT = 360;
const HOUR = 3_600_000;

/**
 * `astro.config.mjs` for a site root whose path to the project is `projectFromRoot`
 * (like tests/fixtures/basic/astro.config.mjs, which uses `../../..`).
 *
 * @example
 * astroConfig('../..'); // imports '../../src/integrations/archive-config.ts'
 */
export function astroConfig(projectFromRoot: string): string {
  return [
    '// @ts-check',
    "import { defineConfig } from 'astro/config';",
    `import { archiveConfig } from '${projectFromRoot}/src/integrations/archive-config.ts';`,
    '',
    'export default defineConfig(archiveConfig(new URL(".", import.meta.url)));',
    '',
  ].join('\n');
}

/**
 * A slug cut at a hyphen to leave room for a `-n` suffix within the schema's limit, as a
 * journalist shortens a long title's file name.
 *
 * @example
 * shortSlug('ba-muoi'); // 'ba-muoi'
 * shortSlug('a-'.repeat(60) + 'b').length; // 89
 */
export function shortSlug(slug: string): string {
  const room = MAX_SLUG_LENGTH - 10;
  if (slug.length <= room) return slug;
  const cut = slug.slice(0, room + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : room);
}

/**
 * A YAML scalar: plain when safe, otherwise double-quoted (JSON strings are valid YAML).
 *
 * @example
 * yamlScalar('Đà Lạt'); // 'Đà Lạt'
 * yamlScalar('a: b'); // '"a: b"'
 */
export function yamlScalar(text: string): string {
  const risky = /^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|[[\]{}]|\s$|^(true|false|null|yes|no|~|[\d.+-]+)$/i;
  return risky.test(text) ? JSON.stringify(text) : text;
}

/**
 * Vietnam-time ISO 8601 with offset, to the minute: the form peers and our schema accept.
 *
 * @example
 * vietnamIso(new Date('2020-01-01T00:00:00Z')); // '2020-01-01T07:00:00+07:00'
 */
export function vietnamIso(date: Date): string {
  return `${new Date(date.getTime() + 7 * HOUR).toISOString().slice(0, 16)}:00+07:00`;
}

/** Text drawing shared by every article of a corpus. */
interface Language {
  word: (random: Random) => string;
  tag: (random: Random) => string;
  author: (random: Random) => string;
  category: (random: Random) => string;
  authors: string[];
}

function createLanguage(seed: number): Language {
  const random = createRandom(deriveSeed(seed, -1));
  const vocabulary = rankedVocabulary(random);
  const authors = authorNames(random, AUTHOR_COUNT);
  const tags = tagPool(random, vocabulary, TAG_COUNT);
  return {
    word: zipfSampler(vocabulary, 1.15, 5),
    tag: zipfSampler(tags, 0.9),
    author: zipfSampler(authors, 0.7),
    category: zipfSampler(
      CATEGORIES.map((category) => category.name),
      0.6,
    ),
    authors,
  };
}

/** A run of `count` syllables, grouped in words, with a place name now and then. */
function phrase(language: Language, random: Random, count: number): string {
  const out: string[] = [];
  while (out.length < count) {
    if (random.chance(0.04)) out.push(random.pick(PLACES));
    else out.push(language.word(random));
  }
  return out.join(' ');
}

function numberPhrase(random: Random, year: number): string {
  switch (random.int(0, 4)) {
    case 0:
      return `năm ${random.int(year - 10, year)}`;
    case 1:
      return `${random.int(2, 95)}%`;
    case 2:
      return `${random.int(1, 9)}.${String(random.int(0, 999)).padStart(3, '0')} ha`;
    case 3:
      return `${random.int(2, 900)} tỷ đồng`;
    default:
      return `ngày ${random.int(1, 28)}/${random.int(1, 12)}`;
  }
}

function sentence(language: Language, random: Random, year: number): string {
  const parts: string[] = [];
  const clauses = random.int(1, 3);
  for (let i = 0; i < clauses; i++) {
    let clause = phrase(language, random, random.int(6, 12));
    if (random.chance(0.25)) clause += ` ${numberPhrase(random, year)}`;
    parts.push(clause);
  }
  return `${capitalise(parts.join(', '))}.`;
}

function paragraph(language: Language, random: Random, year: number): string {
  const sentences = Array.from({ length: random.int(2, 5) }, () => sentence(language, random, year));
  if (random.chance(0.2)) {
    const at = random.int(0, sentences.length - 1);
    sentences[at] = `**${sentences[at]!.slice(0, -1)}**.`;
  }
  if (random.chance(0.1)) sentences.push(`"${sentence(language, random, year)}", ${language.author(random)} cho biết.`);
  return sentences.join(' ');
}

function body(language: Language, random: Random, year: number): string {
  const blocks: string[] = [];
  const paragraphs = random.int(4, 10);
  for (let i = 0; i < paragraphs; i++) {
    if (i > 1 && random.chance(0.12)) blocks.push(`## ${capitalise(phrase(language, random, random.int(4, 8)))}`);
    blocks.push(paragraph(language, random, year));
    if (random.chance(0.06)) {
      blocks.push(
        Array.from(
          { length: random.int(2, 4) },
          () => `- ${capitalise(phrase(language, random, random.int(5, 10)))}`,
        ).join('\n'),
      );
    }
    if (random.chance(0.04)) blocks.push(`> ${sentence(language, random, year)}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

interface ArticleDraft {
  title: string;
  date: Date;
  index: number;
}

function frontMatterAndBody(
  language: Language,
  random: Random,
  draft: ArticleDraft,
  slug: string,
  pictured: number,
): string {
  const year = new Date(draft.date.getTime() + 7 * HOUR).getUTCFullYear();
  const authorCount = random.chance(0.12) ? 2 : 1;
  const authors = new Set<string>();
  while (authors.size < authorCount) authors.add(language.author(random));
  const tags = new Set<string>();
  const tagCount = random.int(1, 6);
  while (tags.size < tagCount) tags.add(language.tag(random));
  const lines = [
    '---',
    `title: ${yamlScalar(draft.title)}`,
    `date: ${vietnamIso(draft.date)}`,
    authors.size === 1 ? `author: ${yamlScalar([...authors][0]!)}` : `author: [${[...authors].join(', ')}]`,
    `category: ${yamlScalar(language.category(random))}`,
    `summary: ${yamlScalar(sentence(language, random, year) + (random.chance(0.5) ? ` ${sentence(language, random, year)}` : ''))}`,
    `tags: [${[...tags].join(', ')}]`,
    `source: ${yamlScalar(random.pick(SOURCES))}`,
  ];
  // One draw whatever the share: what comes before (title, date, authors, tags) is the same for
  // any share; what is drawn after the picture (aliases, body) differs where a picture was added.
  if (random.chance(pictured)) {
    const image = `images/${random.pick(IMAGE_NAMES)}`;
    if (random.chance(0.5)) lines.push(`image: ${image}`);
    else {
      lines.push(
        'image:',
        `  src: ${image}`,
        `  alt: ${yamlScalar(capitalise(phrase(language, random, random.int(5, 9))))}`,
        `  caption: ${yamlScalar(`${capitalise(phrase(language, random, random.int(6, 12)))}.`)}`,
        `  credit: ${yamlScalar(language.author(random))}`,
      );
    }
  }
  if (random.chance(0.03)) lines.push('aliases:', `  - /tin-tuc/${slug}-a${100_000 + draft.index}.html`);
  lines.push('---', '', body(language, random, year));
  return lines.join('\n');
}

/** A deterministic synthetic archive; articles are produced lazily, in order. */
export interface Corpus {
  /** `content/site.yaml`, `content/categories.yaml`, `content/authors.yaml`. */
  registries(): CorpusFile[];
  /** Every article, in index order; slugs are unique across the corpus. */
  articles(): Generator<CorpusFile>;
  /** One more article, dated two hours before the build (for "add one article"); call after `articles()`. */
  extraArticle(): CorpusFile;
  /** The path of the article "edit one article" changes (the middle one). */
  editedIndex: number;
  /** The distinct bylines articles draw from. */
  authors: readonly string[];
}

/**
 * @example
 * const corpus = createCorpus({ articles: 10_000, seed: 1, buildTime: new Date('2026-11-23T12:00:00+07:00') });
 * for (const file of corpus.articles()) write(file.path, file.content);
 */
export function createCorpus(options: CorpusOptions): Corpus {
  const { articles: count, seed, buildTime } = options;
  const language = createLanguage(seed);
  const years = options.years ?? 15;
  const end = buildTime.getTime() - 6 * HOUR;
  const start = end - years * 365.25 * 24 * HOUR;
  const slot = (end - start) / Math.max(count, 1);
  const usedSlugs = new Set<string>();

  const article = (index: number, date?: Date): CorpusFile => {
    const random = createRandom(deriveSeed(seed, index));
    const title = capitalise(phrase(language, random, random.int(7, 14)));
    const when = date ?? new Date(Math.floor((start + (index + random.next() * 0.9) * slot) / 60_000) * 60_000);
    const base = shortSlug(slugify(title)) || `bai-${index}`;
    let slug = base;
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${base}-${n}`;
    usedSlugs.add(slug);
    const year = new Date(when.getTime() + 7 * HOUR).getUTCFullYear();
    const content = frontMatterAndBody(language, random, { title, date: when, index }, slug, options.pictured ?? 0.25);
    return {
      path: `content/articles/${year}/${slug}.md`,
      content: options.plant ? plantArticle(content, index, seed) : content,
    };
  };

  return {
    registries: () => registries(language),
    *articles() {
      usedSlugs.clear();
      for (let index = 0; index < count; index++) yield article(index);
    },
    extraArticle: () => article(count, new Date(buildTime.getTime() - 2 * HOUR)),
    editedIndex: Math.floor(count / 2),
    authors: language.authors,
  };
}

function registries(language: Language): CorpusFile[] {
  const site = [
    'name: Đài Phát thanh - Truyền hình Lâm Đồng (bản thử hiệu năng)',
    'shortName: LTV thử hiệu năng',
    'url: https://bench.example',
    'description: Kho lưu trữ tổng hợp dùng để đo thời gian dựng trang.',
    'pageSize: 20',
    // The benchmark deploys to an S3-compatible store: npm run verify checks that host's limits.
    'host: s3',
    '',
  ].join('\n');
  const categories = CATEGORIES.map((category, i) =>
    [
      `- name: ${yamlScalar(category.name)}`,
      `  slug: ${slugify(category.name)}`,
      `  description: ${yamlScalar(category.description)}`,
      `  order: ${i + 1}`,
    ].join('\n'),
  ).join('\n');
  const authors = language.authors
    .slice(0, 20)
    .map(
      (name, i) =>
        `- name: ${yamlScalar(name)}\n  bio: ${yamlScalar(`Phóng viên số ${i + 1} của đài, theo dõi tin địa phương.`)}`,
    )
    .join('\n');
  return [
    { path: 'content/site.yaml', content: site },
    { path: 'content/categories.yaml', content: `${categories}\n` },
    { path: 'content/authors.yaml', content: `${authors}\n` },
  ];
}

/**
 * The deterministic "edit one article" change: a correction paragraph appended to the body
 * (front matter untouched, so only the body's render and dependent pages change).
 *
 * @example
 * editArticleSource(source); // source + '\nĐính chính: …\n'
 */
export function editArticleSource(source: string): string {
  return `${source.trimEnd()}\n\nĐính chính: bài viết được cập nhật số liệu theo báo cáo mới của ủy ban nhân dân tỉnh.\n`;
}
