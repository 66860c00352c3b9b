/**
 * Reads a site's `content/` folder from disk: settings, registries and article files, and the
 * checks that span articles (URLs claimed twice, dates out of range, missing images). Used by
 * the content loader, `npm run check` and the importer; no Astro runtime needed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedArticle } from '../lib/article.ts';
import type { ContentIssue } from '../lib/content-issues.ts';
import { readAuthors, readCategories, readSiteSettings } from '../lib/registries.ts';
import { EARLIEST_YEAR, dateRangeProblem, toVietnamIso } from '../lib/dates.ts';
import { ARTICLE_FIELDS, DEFAULT_LOGO, type AuthorProfile, type Category, type SiteSettings } from '../lib/schema.ts';
import { claimKey, siteClaimOwner } from '../lib/url-claims.ts';
import { articleUrl } from '../lib/urls.ts';

/** The project's `public/`, which every site's build copies to `dist/` as it is. */
const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

export interface Registries {
  site: SiteSettings;
  categories: Category[];
  authors: AuthorProfile[];
  issues: ContentIssue[];
}

const FALLBACK_SITE: SiteSettings = {
  name: 'Tin lưu trữ',
  url: 'https://example.com',
  description: '',
  pageSize: 20,
};

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The SVG text of the site's logo, from the project's `public/`; empty when it is missing.
 *
 * @example
 * readLogo(site); // '<svg xmlns="http://www.w3.org/2000/svg" …'
 */
export function readLogo(site: Pick<SiteSettings, 'logo'>): string {
  // A missing logo is a content error `readRegistries` reports; nothing to draw meanwhile.
  const file = path.join(PUBLIC_DIR, site.logo ?? DEFAULT_LOGO);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/**
 * Reads `site.yaml`, `categories.yaml` and the optional `authors.yaml` under `contentDir`.
 *
 * @example
 * const { categories, issues } = await readRegistries('/site', 'content');
 */
export async function readRegistries(root: string, contentDir = 'content'): Promise<Registries> {
  const at = (name: string) => ({ file: `${contentDir}/${name}`, full: path.join(root, contentDir, name) });
  const issues: ContentIssue[] = [];
  const siteFile = at('site.yaml');
  const siteText = await readOptional(siteFile.full);
  const site =
    siteText === undefined ? { value: FALLBACK_SITE, issues: [] } : readSiteSettings(siteText, siteFile.file);
  issues.push(...site.issues);
  const logo = site.value?.logo ?? DEFAULT_LOGO;
  if (!existsSync(path.join(PUBLIC_DIR, logo))) {
    issues.push({
      file: siteFile.file,
      field: 'logo',
      value: logo,
      message: `không tìm thấy logo public${logo}`,
      expected: 'đường dẫn tới một tệp SVG trong thư mục public/, ví dụ /logo.svg',
      severity: 'error',
    });
  }
  const categoriesFile = at('categories.yaml');
  const categoriesText = await readOptional(categoriesFile.full);
  if (categoriesText === undefined) {
    issues.push({
      file: categoriesFile.file,
      message: 'chưa có danh sách chuyên mục',
      expected: 'tệp content/categories.yaml liệt kê các chuyên mục (name, slug, description, order)',
      severity: 'error',
    });
  }
  const categories = readCategories(categoriesText ?? '[]', categoriesFile.file);
  issues.push(...categories.issues);
  const authorsFile = at('authors.yaml');
  const authorsText = await readOptional(authorsFile.full);
  const authors = authorsText === undefined ? { value: [], issues: [] } : readAuthors(authorsText, authorsFile.file);
  issues.push(...authors.issues);
  return { site: site.value ?? FALLBACK_SITE, categories: categories.value, authors: authors.value, issues };
}

/**
 * Every article file under `content/articles`, as site-relative paths in a stable order.
 *
 * @example
 * await listArticleFiles('/site'); // ['content/articles/2022/cum-thi-dua.md', …]
 */
export async function listArticleFiles(root: string, contentDir = 'content'): Promise<string[]> {
  const files: string[] = [];
  // A synchronous walk, faster than `fs.glob` for many files. Hidden names
  // (an editor's `.#bai.md` lock, say) are not articles.
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.md')) files.push(file);
    }
  };
  if (existsSync(path.join(root, contentDir, 'articles'))) walk(`${contentDir}/articles`);
  return files.sort();
}

/**
 * The instant a build or a check runs at: `BUILD_TIME` (any ISO 8601 instant) fixes it for tests
 * and reproducible builds.
 *
 * @example
 * buildTime(); // now, or BUILD_TIME
 */
export function buildTime(): Date {
  const fixed = process.env['BUILD_TIME'] ? new Date(process.env['BUILD_TIME']) : undefined;
  return fixed && !Number.isNaN(fixed.getTime()) ? fixed : new Date();
}

/**
 * The files of `public/`, as paths relative to it (`/` between folders): what every build copies
 * to `dist/` as it is.
 *
 * @example
 * listPublicFiles(); // ['_headers', 'favicon.svg', 'logo.svg']
 */
export function listPublicFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string, prefix: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${file}/`);
      else files.push(file);
    }
  };
  walk(PUBLIC_DIR, '');
  return files;
}

const ALIAS_FIELD = 'đường dẫn cũ (aliases)';
const SLUG_FIELD = 'đường dẫn (slug)';

/**
 * Problems that only show across articles, found before any page is rendered: a URL claimed
 * twice, however it is spelled (two articles, an old URL and an article, an old URL and one of
 * the site's own pages or files), dates outside the archive's range, image files that do not exist.
 *
 * @example
 * crossCheckArticles('/site', articles, { now: new Date() }); // [{ file: 'content/articles/b.md', message: 'trùng đường dẫn …' }]
 */
export function crossCheckArticles(
  root: string,
  articles: readonly ParsedArticle[],
  { now, contentDir = 'content' }: { now: Date; contentDir?: string },
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const publicFiles = new Set(listPublicFiles().map(claimKey));
  // Every article's own URL first, so an old URL that takes one over names the article.
  const owners = new Map<string, { file: string; what: string; page: boolean }>();
  for (const article of articles) {
    const url = articleUrl(article.data.slug);
    const key = claimKey(url);
    const owner = owners.get(key);
    if (owner) {
      issues.push({
        file: article.file,
        line: article.fieldLines.slug ?? 1,
        field: SLUG_FIELD,
        value: url,
        message: `trùng đường dẫn với ${owner.file}`,
        expected: 'mỗi bài một đường dẫn riêng: đổi tên tệp hoặc đặt "slug" khác',
        severity: 'error',
      });
    } else owners.set(key, { file: article.file, what: `bài ${article.file} (${url})`, page: true });
  }
  for (const article of articles) {
    for (const alias of article.data.aliases) {
      const key = claimKey(alias);
      const owner = owners.get(key);
      // An article's own URL is taken even for itself: its redirect page would replace the article.
      const taken =
        owner && (owner.page || owner.file !== article.file)
          ? owner.what
          : owner
            ? undefined
            : siteClaimOwner(key, publicFiles);
      if (taken) {
        issues.push({
          file: article.file,
          line: article.fieldLines.aliases ?? 1,
          field: ALIAS_FIELD,
          value: alias,
          message: `đường dẫn cũ chiếm chỗ của ${taken}`,
          expected: 'đường dẫn của trang cũ, ví dụ /tin-tuc/ten-bai-a123.html',
          severity: 'error',
        });
      } else if (!owner)
        owners.set(key, { file: article.file, what: `đường dẫn cũ ${alias} của ${article.file}`, page: false });
    }
    for (const [field, date] of [
      ['date', article.data.date],
      ['updated', article.data.updated],
    ] as const) {
      const problem = date && dateRangeProblem(date, now);
      if (problem) {
        issues.push({
          file: article.file,
          line: article.fieldLines[field] ?? 1,
          field: ARTICLE_FIELDS[field].label,
          value: toVietnamIso(date),
          message: problem,
          expected: `một ngày từ năm ${EARLIEST_YEAR} tới không quá một năm sau hôm nay`,
          severity: 'error',
        });
      }
    }
    const image = article.data.image;
    if (image && !existsSync(path.join(root, contentDir, image.src))) {
      issues.push({
        file: article.file,
        line: article.fieldLines.image,
        field: 'ảnh',
        value: image.src,
        message: `không tìm thấy tệp ảnh ${contentDir}/${image.src}`,
        expected: 'đường dẫn tới một tệp có thật trong content/images/, tính từ thư mục content/',
        severity: 'error',
      });
    }
  }
  return issues;
}
