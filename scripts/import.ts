/**
 * `npm run import -- <files or folders…> [--out DIR]`: turns plain-text saves of the old
 * site's article pages into Markdown articles that pass the site's schema. The pure steps
 * live in `src/lib/import/`; this file does the I/O (reading, scanning the articles folder,
 * writing), the report and the progress bar. `importFiles()` is the same run without the
 * command line, for the benchmark.
 */
import { glob, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, workerData } from 'node:worker_threads';
import { mapOnWorkers, serveBatches } from '../src/data/worker-pool.ts';
import { mapConcurrently } from '../src/data/concurrency.ts';
import { replaceFile } from '../src/data/replace-file.ts';
import { formatIssue } from '../src/lib/content-issues.ts';
import { splitFrontMatter } from '../src/lib/front-matter.ts';
import { claimedSlugs } from '../src/lib/new-article.ts';
import type { Category } from '../src/lib/schema.ts';
import { vietnamParts } from '../src/lib/dates.ts';
import { readArticleHead, renderArticleFile, type ImportedArticle } from '../src/lib/import/article-file.ts';
import { checkArticleFile, convertSave, DEFAULT_AUTHOR, encodingName } from '../src/lib/import/convert.ts';
import type { SourceEncoding } from '../src/lib/import/encoding.ts';
import {
  createSectionResolver,
  parseAliasCsv,
  parseCategoryMap,
  type AliasRow,
  type TableResult,
} from '../src/lib/import/mappings.ts';
import { assignSlugs } from '../src/lib/import/naming.ts';
import { readRegistries } from '../src/data/content-files.ts';

export interface ImportOptions {
  /** Files and folders to import; folders are searched for `.txt` files at any depth. */
  inputs: readonly string[];
  /** Site root holding `content/categories.yaml`; default: the working directory. */
  root?: string | undefined;
  /** Where articles go (`<out>/<year>/<slug>.md`); default: `<root>/content/articles`. */
  out?: string | undefined;
  /** Overwrite an existing imported article whose content would change. */
  force?: boolean | undefined;
  /** Report without writing anything. */
  dryRun?: boolean | undefined;
  /** CSV `input file,old URL`. */
  aliasesFile?: string | undefined;
  /** CSV `old section,category` or YAML `old section: category`. */
  categoryMapFile?: string | undefined;
  /** `author` for pages without a byline. */
  defaultAuthor?: string | undefined;
  /** Files read or written at once. */
  concurrency?: number | undefined;
  /** Base for the paths shown in the report; default: the working directory. */
  cwd?: string | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

export interface ImportProgress {
  phase: 'read' | 'check' | 'write';
  done: number;
  total: number;
}

export type FileStatus = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';

export interface FileOutcome {
  /** Input path as shown in the report. */
  input: string;
  status: FileStatus;
  /** Article path as shown in the report. */
  output?: string | undefined;
  /** Why the file failed or was skipped, in Vietnamese. */
  reason?: string | undefined;
  warnings: string[];
  /** Encoding the input was converted from, when not UTF-8. */
  convertedFrom?: SourceEncoding | undefined;
}

export interface ImportSummary {
  dryRun: boolean;
  outcomes: FileOutcome[];
  /** Warnings not tied to one input (e.g. old-URL rows matching no input). */
  notes: string[];
  counts: Record<FileStatus, number> & { imported: number; warnings: number };
}

/** A problem with the run itself (unreadable registry or table): nothing is imported. */
export class ImportSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportSetupError';
  }
}

const toPosix = (file: string) => file.split(path.sep).join('/');

async function readTable(file: string, shown: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new ImportSetupError(`không đọc được ${what} ${shown} (${(error as NodeJS.ErrnoException).code ?? 'lỗi'})`);
  }
}

/** Files of the inputs, resolved, each once, in a stable order; missing inputs apart. */
async function expandInputs(inputs: readonly string[], cwd: string) {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    const info = await stat(full).catch(() => undefined);
    if (!info) missing.push(full);
    else if (info.isDirectory()) {
      for await (const found of glob('**/*', {
        cwd: full,
        exclude: (name) => path.basename(name).startsWith('.'),
      })) {
        if (/\.txt$/i.test(found)) files.add(path.join(full, found));
      }
    } else files.add(full);
  }
  return { files: [...files].sort(), missing };
}

/** Every article file under `out`, with its slug, and the import marker if it has one. */
async function scanArticles(out: string, concurrency: number) {
  const files: string[] = [];
  if (await stat(out).catch(() => undefined)) {
    for await (const found of glob('**/*.md', { cwd: out })) files.push(path.join(out, found));
  }
  files.sort();
  const heads = new Array<{ file: string; claims: Set<string>; origin?: string | undefined; text: string }>(
    files.length,
  );
  await mapConcurrently(files, concurrency, async (file, index) => {
    const text = await readFile(file, 'utf8');
    const head = readArticleHead(text);
    // The same rule as `npm run new` and the build: the file's slug, a `slug` field and old
    // `/bai-viet/` URLs in `aliases` all claim a URL.
    const claims = claimedSlugs([{ file: toPosix(file), fields: splitFrontMatter(text, file).fields }]);
    heads[index] = { file, claims, origin: head.origin, text };
  });
  return heads;
}

interface CheckJob {
  /** Site-relative path the article will have, for the schema's messages and file slug. */
  file: string;
  text: string;
}

const CHECK_WORKER = 'import-check';
/** Below this many articles, starting worker threads costs more than it saves. */
const PARALLEL_FROM = 400;
const CHUNK = 100;

/**
 * Runs articles through the schema; for each, `undefined` when valid, else its problems.
 * The check is most of an import's CPU time, so large batches spread it over worker
 * threads, one per core.
 */
function checkAll(
  jobs: readonly CheckJob[],
  categories: readonly Category[],
  onDone: (count: number) => void,
): Promise<(string | undefined)[]> {
  return mapOnWorkers({
    worker: new URL(import.meta.url),
    jobs,
    context: { role: CHECK_WORKER, categories },
    inProcess: (job) => checkArticleFile(job.file, job.text, categories),
    threshold: PARALLEL_FROM,
    batchSize: CHUNK,
    onDone,
  });
}

interface PreparedInput {
  file: string;
  display: string;
  origin: string;
  article: ImportedArticle;
  slug: string;
  warnings: string[];
  encoding: SourceEncoding;
}

/**
 * Imports old page saves into the articles folder and reports what happened to each.
 * Failed inputs never stop the others; nothing is written on a dry run.
 *
 * @example
 * const summary = await importFiles({ inputs: ['/tmp/saves'], root: '.', out: '/tmp/articles' });
 * summary.counts; // { created: 10000, updated: 0, unchanged: 0, skipped: 0, failed: 0, imported: 10000, warnings: 0 }
 * formatReport(summary); // the lines the command prints
 */
export async function importFiles(options: ImportOptions): Promise<ImportSummary> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const root = path.resolve(cwd, options.root ?? '.');
  const out = options.out ? path.resolve(cwd, options.out) : path.join(root, 'content', 'articles');
  const concurrency = options.concurrency ?? 32;
  const dryRun = options.dryRun ?? false;
  // Paths inside the working folder are shown relative to it; anything outside, absolute.
  const show = (file: string) => {
    const relative = toPosix(path.relative(cwd, file)) || '.';
    return relative.startsWith('..') ? toPosix(file) : relative;
  };
  const progress = options.onProgress ?? (() => {});

  const registries = await readRegistries(root);
  const registryProblems = registries.issues.filter((issue) => issue.file.endsWith('categories.yaml'));
  if (registryProblems.length > 0 || registries.categories.length === 0) {
    throw new ImportSetupError(
      `không đọc được danh sách chuyên mục của trang ở ${show(root) === '.' ? 'thư mục hiện tại' : show(root)}:\n${registryProblems.map(formatIssue).join('\n')}`,
    );
  }
  let sectionMap = new Map<string, string>();
  if (options.categoryMapFile) {
    const file = path.resolve(cwd, options.categoryMapFile);
    const table = parseCategoryMap(await readTable(file, show(file), 'bảng chuyển chuyên mục'), show(file));
    if (table.problems.length > 0) throw new ImportSetupError(table.problems.join('\n'));
    sectionMap = table.value;
  }
  const resolveSection = createSectionResolver(registries.categories, sectionMap);
  let aliasTable: TableResult<AliasRow[]> = { value: [], problems: [] };
  if (options.aliasesFile) {
    const file = path.resolve(cwd, options.aliasesFile);
    aliasTable = parseAliasCsv(await readTable(file, show(file), 'bảng đường dẫn cũ'), show(file));
  }
  if (aliasTable.problems.length > 0) throw new ImportSetupError(aliasTable.problems.join('\n'));

  const { files, missing } = await expandInputs(options.inputs, cwd);
  const outcomes: FileOutcome[] = missing.map((file) => ({
    input: show(file),
    status: 'failed',
    reason: 'không tìm thấy tệp hoặc thư mục',
    warnings: [],
  }));
  const notes: string[] = [];

  // The input's file name is its identity across runs, so two inputs may not share one.
  const byOrigin = new Map<string, string>();
  const unique: string[] = [];
  for (const file of files) {
    const origin = path.basename(file).normalize('NFC');
    const first = byOrigin.get(origin);
    if (first) {
      outcomes.push({
        input: show(file),
        status: 'failed',
        reason: `trùng tên tệp với ${show(first)}; bài nhập được nhận ra theo tên tệp nên hãy đổi tên một trong hai tệp`,
        warnings: [],
      });
    } else {
      byOrigin.set(origin, file);
      unique.push(file);
    }
  }

  const aliasesByOrigin = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const row of aliasTable.value) {
    if (!byOrigin.has(row.input)) {
      unmatched.push(`${row.input} (dòng ${row.line})`);
      continue;
    }
    const list = aliasesByOrigin.get(row.input) ?? [];
    if (!list.includes(row.url)) list.push(row.url);
    aliasesByOrigin.set(row.input, list);
  }
  if (unmatched.length > 0) {
    notes.push(
      `cảnh báo: ${unmatched.length} dòng của bảng đường dẫn cũ không khớp tệp đầu vào nào: ${unmatched.slice(0, 5).join(', ')}${unmatched.length > 5 ? ', …' : ''}`,
    );
  }

  // 1. Read and parse every input.
  const prepared: PreparedInput[] = [];
  let readDone = 0;
  await mapConcurrently(unique, concurrency, async (file) => {
    const origin = path.basename(file).normalize('NFC');
    const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => error);
    if (!(bytes instanceof Uint8Array)) {
      outcomes.push({
        input: show(file),
        status: 'failed',
        reason: `không đọc được tệp (${bytes.code})`,
        warnings: [],
      });
      progress({ phase: 'read', done: ++readDone, total: unique.length });
      return;
    }
    const result = convertSave(bytes, origin, {
      resolveSection,
      defaultAuthor: options.defaultAuthor ?? DEFAULT_AUTHOR,
      aliases: aliasesByOrigin.get(origin) ?? [],
    });
    if (result.ok) {
      const { article, slug, warnings, encoding } = result;
      prepared.push({ file, display: show(file), origin, article, slug, warnings, encoding });
    } else outcomes.push({ input: show(file), status: 'failed', reason: result.reason, warnings: [] });
    progress({ phase: 'read', done: ++readDone, total: unique.length });
  });

  // 2. Name the new articles against everything already in the articles folder.
  const existing = await scanArticles(out, concurrency);
  const existingByOrigin = new Map<string, (typeof existing)[number]>();
  for (const head of existing) {
    if (head.origin && !existingByOrigin.has(head.origin)) existingByOrigin.set(head.origin, head);
  }
  const slugs = assignSlugs(
    prepared
      .filter((input) => !existingByOrigin.has(input.origin))
      .map((input) => ({ origin: input.origin, slug: input.slug, date: input.article.date })),
    new Set(existing.flatMap((head) => [...head.claims])),
  );
  // Say who holds the title's own URL, so an editor can tell a true duplicate from a namesake.
  const holders = new Map<string, string>();
  for (const head of existing) {
    for (const slug of head.claims) if (!holders.has(slug)) holders.set(slug, show(head.file));
  }
  for (const input of prepared) {
    const slug = slugs.get(input.origin);
    if (slug !== undefined && !holders.has(slug)) holders.set(slug, input.display);
  }
  for (const input of prepared) {
    const slug = slugs.get(input.origin);
    if (slug !== undefined && slug !== input.slug) {
      input.warnings.push(`đường dẫn "${input.slug}" đã thuộc về ${holders.get(input.slug)}; bài này lấy "${slug}"`);
    }
  }

  // 3. Render; check what would be written through the schema (on every core); write.
  const targets = prepared.map(
    (input) =>
      existingByOrigin.get(input.origin)?.file ??
      path.join(out, String(vietnamParts(input.article.date).year), `${slugs.get(input.origin)}.md`),
  );
  const texts = prepared.map((input) => renderArticleFile(input.article));
  // A byte-identical article writes nothing, so there is nothing new to check.
  const changed = prepared.flatMap((input, index) =>
    existingByOrigin.get(input.origin)?.text === texts[index] ? [] : [index],
  );
  let checkDone = 0;
  const checked = await checkAll(
    changed.map((index) => ({ file: toPosix(path.relative(root, targets[index]!)), text: texts[index]! })),
    registries.categories,
    (count) => progress({ phase: 'check', done: (checkDone += count), total: changed.length }),
  );
  const problemsOf = new Map(changed.map((index, position) => [index, checked[position]]));
  const madeDirs = new Set<string>();
  let writeDone = 0;
  await mapConcurrently(prepared, concurrency, async (input, index) => {
    const previous = existingByOrigin.get(input.origin);
    const target = targets[index]!;
    const text = texts[index]!;
    const problems = problemsOf.get(index);
    const outcome: FileOutcome = {
      input: input.display,
      status: 'created',
      output: show(target),
      warnings: input.warnings,
      convertedFrom: input.encoding.startsWith('utf-8') ? undefined : input.encoding,
    };
    outcomes.push(outcome);
    if (problems) {
      Object.assign(outcome, { status: 'failed', reason: `bài tạo ra không qua được kiểm tra:\n${problems}` });
    } else if (previous?.text === text) outcome.status = 'unchanged';
    else if (previous && !options.force) {
      Object.assign(outcome, {
        status: 'skipped',
        reason: 'bài đã có và khác bản sắp nhập (có thể đã được sửa tay); thêm --force để ghi đè',
      });
    } else {
      outcome.status = previous ? 'updated' : 'created';
      if (!dryRun) {
        const dir = path.dirname(target);
        if (!madeDirs.has(dir)) {
          await mkdir(dir, { recursive: true });
          madeDirs.add(dir);
        }
        // An interrupted run never leaves half an article.
        await replaceFile(target, text);
      }
    }
    progress({ phase: 'write', done: ++writeDone, total: prepared.length });
  });

  outcomes.sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
  const counts = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, imported: 0, warnings: notes.length };
  for (const outcome of outcomes) {
    counts[outcome.status]++;
    counts.warnings += outcome.warnings.length;
  }
  counts.imported = counts.created + counts.updated;
  return { dryRun, outcomes, notes, counts };
}

const sentence = (text = '') => (/[.?!]$/.test(text) ? text : `${text}.`);

/**
 * The report as lines: one per input that was written, skipped or failed (unchanged ones
 * are silent), each warning, then the summary. Errors and warnings go to stderr.
 *
 * @example
 * formatReport(summary).map((line) => line.text);
 * // ['đã nhập: save/a.txt → content/articles/2022/a.md', …, 'Xong: đã nhập 1 (1 mới, 0 ghi đè), không đổi 0, bỏ qua 0, lỗi 0.']
 */
export function formatReport(summary: ImportSummary): { text: string; error: boolean }[] {
  const lines: { text: string; error: boolean }[] = [];
  const will = summary.dryRun;
  for (const outcome of summary.outcomes) {
    const arrow = `${outcome.input} → ${outcome.output}`;
    const converted = outcome.convertedFrom ? ` (chuyển từ ${encodingName(outcome.convertedFrom)} sang UTF-8)` : '';
    switch (outcome.status) {
      case 'created':
        lines.push({ text: `${will ? 'sẽ nhập' : 'đã nhập'}: ${arrow}${converted}`, error: false });
        break;
      case 'updated':
        lines.push({ text: `${will ? 'sẽ ghi đè' : 'đã ghi đè'}: ${arrow}${converted}`, error: false });
        break;
      case 'skipped':
        lines.push({ text: `bỏ qua: ${arrow}: ${sentence(outcome.reason)}`, error: false });
        break;
      case 'failed':
        lines.push({ text: `${outcome.input}: lỗi: ${sentence(outcome.reason)}`, error: true });
        break;
      case 'unchanged':
        break;
    }
    for (const warning of outcome.warnings) {
      lines.push({ text: `${outcome.input}: cảnh báo: ${sentence(warning)}`, error: true });
    }
  }
  for (const note of summary.notes) lines.push({ text: sentence(note), error: true });
  const { counts } = summary;
  const tally = `${will ? 'sẽ nhập' : 'đã nhập'} ${counts.imported} (${counts.created} mới, ${counts.updated} ghi đè), không đổi ${counts.unchanged}, bỏ qua ${counts.skipped}, lỗi ${counts.failed}`;
  const warnings = counts.warnings > 0 ? `; ${counts.warnings} cảnh báo` : '';
  lines.push({ text: `${will ? 'Chạy thử, không ghi tệp nào' : 'Xong'}: ${tally}${warnings}.`, error: false });
  return lines;
}

const USAGE = `Cách dùng: npm run import -- <tệp hoặc thư mục…> [tùy chọn]

Nhập các bản lưu dạng chữ của trang cũ (mỗi tệp một bài) thành bài Markdown trong content/articles/<năm>/.

  --out DIR              thư mục ghi bài (mặc định: content/articles của trang)
  --root DIR             thư mục gốc của trang, nơi có content/categories.yaml (mặc định: thư mục hiện tại)
  --aliases FILE         bảng CSV "tệp đầu vào,đường dẫn cũ": đường dẫn cũ chuyển hướng về bài mới
  --category-map FILE    bảng CSV "chuyên mục cũ,chuyên mục" (hoặc YAML) cho chuyên mục trang cũ chưa khai báo
  --default-author TÊN   tác giả cho bài không có dòng tác giả (mặc định "${DEFAULT_AUTHOR}")
  --force                ghi đè bài đã nhập khi nội dung sẽ thay đổi
  --dry-run              chỉ báo cáo, không ghi tệp nào
  -h, --help             hiện hướng dẫn này`;

/** A one-line bar on stderr, redrawn at most ten times a second. */
function createProgressBar(stream: NodeJS.WriteStream) {
  let last = 0;
  let shown = false;
  return {
    update({ phase, done, total }: ImportProgress) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      const label = { read: 'Đọc', check: 'Kiểm tra', write: 'Ghi' }[phase].padEnd(8);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}\x1b[K`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** Runs the command line; returns the exit code (0 ok, 1 some file failed, 2 bad usage or setup). */
export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        root: { type: 'string' },
        aliases: { type: 'string' },
        'category-map': { type: 'string' },
        'default-author': { type: 'string' },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // Node's own message is English; the option it names is what the user needs.
    const { message, code } = error as NodeJS.ErrnoException;
    const option = (/'([^']+)'/.exec(message)?.[1] ?? '').split(' ')[0];
    const problem =
      code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
        ? `không có tùy chọn ${option}`
        : /does not take/.test(message)
          ? `tùy chọn ${option} không nhận giá trị`
          : `tùy chọn ${option} cần một giá trị`;
    console.error(`Tùy chọn không hợp lệ: ${problem}.\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    console.error(`Chưa có tệp hoặc thư mục nào để nhập.\n\n${USAGE}`);
    return 2;
  }
  const bar = process.stderr.isTTY ? createProgressBar(process.stderr) : undefined;
  let summary: ImportSummary;
  try {
    summary = await importFiles({
      inputs: positionals,
      out: values.out,
      root: values.root,
      aliasesFile: values.aliases,
      categoryMapFile: values['category-map'],
      defaultAuthor: values['default-author'],
      force: values.force,
      dryRun: values['dry-run'],
      // A bar is worth drawing only when there is time to watch it.
      onProgress: bar && ((progress) => progress.total >= 50 && bar.update(progress)),
    });
  } catch (error) {
    bar?.clear();
    if (error instanceof ImportSetupError) {
      console.error(`Không nhập được: ${error.message}`);
      return 2;
    }
    throw error;
  }
  bar?.clear();
  for (const line of formatReport(summary)) (line.error ? console.error : console.log)(line.text);
  return summary.counts.failed > 0 ? 1 : 0;
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === CHECK_WORKER) {
  const { categories } = workerData as { categories: Category[] };
  serveBatches((job: CheckJob) => checkArticleFile(job.file, job.text, categories));
} else if (import.meta.main && isMainThread) {
  process.exitCode = await main(process.argv.slice(2));
}
