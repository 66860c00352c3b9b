/**
 * `npm run new -- "Tiêu đề bài viết" --category "Thời sự" [--author "Lô Thanh"] [--root DIR]`
 *
 * Creates `content/articles/<năm>/<slug>.md` with its front matter filled in (date = now in
 * Vietnam time) and prints the new file's path on stdout. The slug is the site's own, and
 * never one another article already uses.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FILES_AT_ONCE, mapConcurrently } from '../src/data/concurrency.ts';
import { listArticleFiles, readRegistries } from '../src/data/content-files.ts';
import { formatIssue } from '../src/lib/content-issues.ts';
import { splitFrontMatter } from '../src/lib/front-matter.ts';
import { chooseAuthors, claimedSlugs, planNewArticle } from '../src/lib/new-article.ts';

const USAGE = `Cách dùng: npm run new -- "Tiêu đề bài viết" --category "Thời sự" [--author "Lô Thanh"]

  --category, --chuyen-muc  chuyên mục (tên hoặc đường dẫn trong content/categories.yaml; không cần dấu)
  --author, --tac-gia       tác giả; nhiều người thì cách nhau bằng dấu phẩy.
                            Mặc định: biến TAC_GIA, rồi user.name của git, rồi "Ban biên tập"
  --root                    thư mục gốc của trang (mặc định: thư mục hiện tại)`;

function fail(message: string): never {
  console.error(`Không tạo được bài viết: ${message}\n\n${USAGE}`);
  process.exit(1);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      options: {
        category: { type: 'string', short: 'c' },
        'chuyen-muc': { type: 'string' },
        author: { type: 'string', short: 'a' },
        'tac-gia': { type: 'string' },
        root: { type: 'string', default: '.' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const root = path.resolve(values.root);
const title = positionals.join(' ');
const category = values.category ?? values['chuyen-muc'];
if (!title.trim()) fail('thiếu tiêu đề bài viết');
if (!category) fail('thiếu chuyên mục (--category)');

const registries = await readRegistries(root);
const registryErrors = registries.issues.filter((issue) => issue.severity === 'error');
if (registryErrors.length) fail(`danh sách chuyên mục có lỗi:\n${registryErrors.map(formatIssue).join('\n')}`);

const files = await listArticleFiles(root);
const existing = await mapConcurrently(files, FILES_AT_ONCE, async (file) => ({
  file,
  fields: splitFrontMatter(await readFile(path.join(root, file), 'utf8'), file).fields,
}));

const gitName = () => {
  const result = spawnSync('git', ['config', 'user.name'], { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout : undefined;
};
const flag = values.author ?? values['tac-gia'];
const env = process.env['TAC_GIA'];
const authors = chooseAuthors({ flag, env, gitName: flag?.trim() || env?.trim() ? undefined : gitName() });

const plan = planNewArticle({
  title,
  category,
  categories: registries.categories,
  authors,
  now: new Date(),
  taken: claimedSlugs(existing),
});
if (!plan.ok) fail(plan.message);

const full = path.join(root, plan.file);
await mkdir(path.dirname(full), { recursive: true });
// `wx`: never overwrite, even if another file appeared since the folder was read.
await writeFile(full, plan.source, { flag: 'wx' });
console.log(path.relative(process.cwd(), full) || full);
console.error(`Đã tạo bài viết mới (đường dẫn trên trang: /bai-viet/${plan.slug}/). Viết bài rồi chạy npm run check.`);
