/**
 * What `npm run new` writes: the file name (the site's slug, never one already taken), the
 * folder (the year in Vietnam time) and front matter a journalist only has to fill in. Pure:
 * the script reads the disk, the clock and git, and hands the facts over.
 */
import { Document, visit } from 'yaml';
import { vietnamParts } from './dates.ts';
import { fileSlug } from './article.ts';
import { ARTICLE_FIELDS, foldKey, resolveArticleKey, type ArticleKey, type Category } from './schema.ts';
import { slugify } from './slug.ts';
import { nearest } from './text.ts';

/** Who signs an article when nobody says so. */
export const DEFAULT_AUTHOR = 'Ban biên tập';

/** The Vietnamese key each field is written under in a new article (all are accepted aliases). */
export const NEW_ARTICLE_KEYS = {
  title: 'tiêu đề',
  date: 'ngày',
  author: 'tác giả',
  category: 'chuyên mục',
  summary: 'sapo',
  tags: 'từ khóa',
  image: 'ảnh',
  source: 'nguồn',
  draft: 'nháp',
} as const satisfies Partial<Record<ArticleKey, string>>;

export type CategoryMatch = { ok: true; category: Category } | { ok: false; message: string };

/**
 * Finds the registered category a journalist meant: by name or slug, ignoring case,
 * diacritics and separators, as the schema does. An unknown one names the nearest.
 *
 * @example
 * matchCategory('thoi su', categories); // { ok: true, category: { name: 'Thời sự', … } }
 * matchCategory('Thể thao', categories); // { ok: false, message: 'chuyên mục "Thể thao" chưa có …; gần nhất là "Thời sự" …' }
 */
export function matchCategory(written: string, categories: readonly Category[]): CategoryMatch {
  const byKey = new Map<string, Category>();
  for (const category of categories) {
    byKey.set(foldKey(category.name), category);
    byKey.set(foldKey(category.slug), category);
  }
  const folded = foldKey(written);
  const found = byKey.get(folded);
  if (found) return { ok: true, category: found };
  const closest = nearest(folded, [...byKey.keys()], Infinity);
  const suggestion = closest === undefined ? undefined : byKey.get(closest);
  const known = categories.map((category) => category.name).join(', ');
  return {
    ok: false,
    message:
      `chuyên mục "${written}" chưa có trong content/categories.yaml` +
      (suggestion ? `; gần nhất là "${suggestion.name}"` : '') +
      (known ? `. Các chuyên mục: ${known}.` : '. Danh sách chuyên mục đang trống.'),
  };
}

/**
 * The first free slug: `base`, then `base-2`, `base-3`…
 *
 * @example
 * uniqueSlug('da-lat', new Set(['da-lat', 'da-lat-2'])); // 'da-lat-3'
 */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/**
 * Picks the byline: the `--author` flag, else `TAC_GIA`, else git's `user.name`, else the
 * desk. A comma separates several authors.
 *
 * @example
 * chooseAuthors({ flag: 'Minh Đức, Hoàng Yến' }); // ['Minh Đức', 'Hoàng Yến']
 * chooseAuthors({ gitName: '' });                  // ['Ban biên tập']
 */
export function chooseAuthors(sources: {
  flag?: string | undefined;
  env?: string | undefined;
  gitName?: string | undefined;
}): string[] {
  for (const candidate of [sources.flag, sources.env, sources.gitName]) {
    const names = (candidate ?? '')
      .normalize('NFC')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    if (names.length) return names;
  }
  return [DEFAULT_AUTHOR];
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * "Now" as journalists write it: `dd/mm/yyyy HH:mm` in Vietnam time, one of the forms the
 * schema accepts (no weekday to keep in step when the date is edited by hand).
 *
 * @example
 * vietnamDateText(new Date('2024-06-01T05:00:00Z')); // '01/06/2024 12:00'
 */
export function vietnamDateText(now: Date): string {
  const p = vietnamParts(now);
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

function yamlPair(key: string, value: unknown): string {
  const doc = new Document({ [key]: value });
  visit(doc, {
    Seq: (_key, node) => {
      node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}

export interface NewArticleInput {
  title: string;
  category: Category;
  authors: readonly string[];
  now: Date;
}

/**
 * The source of a new article: required fields filled in, optional ones as commented
 * examples, and an empty body.
 *
 * @example
 * newArticleSource({ title: 'Đà Lạt mưa lớn', category, authors: ['Lô Thanh'], now });
 * // '---\ntiêu đề: Đà Lạt mưa lớn\nngày: 01/06/2024 12:00\n…'
 */
export function newArticleSource({ title, category, authors, now }: NewArticleInput): string {
  const k = NEW_ARTICLE_KEYS;
  return [
    '---',
    yamlPair(k.title, title.normalize('NFC').trim()),
    yamlPair(k.date, vietnamDateText(now)),
    yamlPair(k.author, authors.length === 1 ? authors[0] : [...authors]),
    yamlPair(k.category, category.name),
    '# Không bắt buộc: bỏ dấu # ở đầu dòng rồi điền nội dung.',
    `# ${k.summary}: ${ARTICLE_FIELDS.summary.description}`,
    `# ${k.tags}: [Đà Lạt, du lịch]`,
    `# ${k.image}: images/ten-tep-anh.jpg`,
    `# ${k.source}: Lamdongtv.vn`,
    `# ${k.draft}: true`,
    '---',
    '',
    '',
  ].join('\n');
}

export interface PlanInput {
  title: string;
  category: string;
  categories: readonly Category[];
  authors: readonly string[];
  now: Date;
  /** Every slug or article URL already claimed (see {@link claimedSlugs}). */
  taken: ReadonlySet<string>;
  contentDir?: string;
}

export type NewArticlePlan = { ok: true; file: string; slug: string; source: string } | { ok: false; message: string };

/**
 * Decides the new article's file (site-relative) and its source.
 *
 * @example
 * planNewArticle({ title: 'Đà Lạt mưa lớn', category: 'thoi su', categories, authors: ['Lô Thanh'], now, taken });
 * // { ok: true, file: 'content/articles/2024/da-lat-mua-lon.md', slug: 'da-lat-mua-lon', source: '---\n…' }
 */
export function planNewArticle(input: PlanInput): NewArticlePlan {
  const title = input.title.normalize('NFC').trim();
  if (!title) return { ok: false, message: 'thiếu tiêu đề bài viết' };
  const base = slugify(title);
  if (!base) return { ok: false, message: `tiêu đề "${title}" không có chữ hay số nào để làm đường dẫn` };
  const match = matchCategory(input.category, input.categories);
  if (!match.ok) return match;
  const slug = uniqueSlug(base, input.taken);
  const year = vietnamParts(input.now).year;
  return {
    ok: true,
    slug,
    file: `${input.contentDir ?? 'content'}/articles/${year}/${slug}.md`,
    source: newArticleSource({ title, category: match.category, authors: input.authors, now: input.now }),
  };
}

/**
 * Slugs already claimed by existing articles: each file's slug, a front-matter `slug` that
 * overrides it, and old URLs (`aliases`) under `/bai-viet/`. Takes each file's raw fields so
 * an article with errors still claims its URL.
 *
 * @example
 * claimedSlugs([{ file: 'content/articles/2022/a.md', fields: [{ key: 'đường dẫn', value: 'b' }] }]); // Set { 'a', 'b' }
 */
export function claimedSlugs(
  articles: readonly { file: string; fields: readonly { key: string; value: unknown }[] }[],
): Set<string> {
  const taken = new Set<string>();
  for (const article of articles) {
    taken.add(fileSlug(article.file));
    for (const field of article.fields) {
      const key = resolveArticleKey(field.key).key;
      if (key === 'slug' && typeof field.value === 'string' && field.value.trim()) taken.add(slugify(field.value));
      if (key === 'aliases') {
        const values = Array.isArray(field.value) ? field.value : String(field.value ?? '').split(',');
        for (const value of values) {
          const match = /\/bai-viet\/([^/?#]+)/.exec(String(value));
          if (match) taken.add(match[1]!);
        }
      }
    }
  }
  return taken;
}
