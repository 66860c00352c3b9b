/**
 * One import run without the command line: old page saves in, articles written (or the
 * Vietnamese reason each input was not), and a summary out. Every input is handled on its
 * own: a broken save, a name the file system refuses or a failed write is reported for that
 * input while the others are imported. An existing file is replaced only when its digest
 * shows it is exactly what an import wrote there (`src/lib/import/seal.ts`).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { mapConcurrently } from '../../src/data/concurrency.ts';
import { readRegistries } from '../../src/data/content-files.ts';
import { formatIssue } from '../../src/lib/content-issues.ts';
import { vietnamParts } from '../../src/lib/dates.ts';
import { renderArticleFile, type ImportedArticle } from '../../src/lib/import/article-file.ts';
import { convertSave, DEFAULT_AUTHOR } from '../../src/lib/import/convert.ts';
import type { SourceEncoding } from '../../src/lib/import/encoding.ts';
import {
  createSectionResolver,
  parseAliasCsv,
  parseCategoryMap,
  type AliasRow,
  type TableResult,
} from '../../src/lib/import/mappings.ts';
import { assignSlugs } from '../../src/lib/import/naming.ts';
import { sealArticleFile, unsealArticleFile } from '../../src/lib/import/seal.ts';
import { checkAll } from './import-check-worker.ts';
import {
  checkOutFolder,
  expandInputs,
  fsReason,
  ImportSetupError,
  makeFolder,
  readTable,
  scanArticles,
  toPosix,
  writeArticle,
  type ExistingArticle,
} from './import-files.ts';

export { ImportSetupError } from './import-files.ts';

export interface ImportOptions {
  /** Files and folders to import; folders are searched for `.txt` files at any depth. */
  inputs: readonly string[];
  /** Site root holding `content/categories.yaml`; default: the working directory. */
  root?: string | undefined;
  /** Where articles go (`<out>/<year>/<slug>.md`); default: `<root>/content/articles`. */
  out?: string | undefined;
  /** Replace an article an import wrote (and nobody changed since) whose content would change. */
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

interface PreparedInput {
  file: string;
  display: string;
  origin: string;
  article: ImportedArticle;
  slug: string;
  warnings: string[];
  encoding: SourceEncoding;
  /** The file an earlier import wrote for this input, as it still is. */
  previous?: ExistingArticle | undefined;
  /** Files that name this input in `# nhập từ:` but are not what an import wrote there. */
  foreign: ExistingArticle[];
}

/**
 * Imports old page saves into the articles folder and reports what happened to each.
 * Failed inputs never stop the others; nothing is written on a dry run.
 *
 * @example
 * const summary = await importFiles({ inputs: ['/tmp/saves'], root: '.', out: '/tmp/articles' });
 * summary.counts; // { created: 10000, updated: 0, unchanged: 0, skipped: 0, failed: 0, imported: 10000, warnings: 0 }
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

  const rootInfo = await stat(root).catch((error: unknown) => error as Error);
  if (rootInfo instanceof Error || !rootInfo.isDirectory()) {
    const why = rootInfo instanceof Error ? fsReason(rootInfo) : 'là một tệp, không phải thư mục';
    throw new ImportSetupError(`--root ${show(root)} không dùng được làm thư mục gốc của trang: ${why}`);
  }
  const registries = await readRegistries(root).catch((error: unknown) => {
    throw new ImportSetupError(`không đọc được cấu hình trang ở ${show(root)}: ${fsReason(error)}`);
  });
  const registryProblems = registries.issues.filter((issue) => issue.file.endsWith('categories.yaml'));
  if (registryProblems.length > 0 || registries.categories.length === 0) {
    throw new ImportSetupError(
      `không đọc được danh sách chuyên mục của trang ở ${show(root) === '.' ? 'thư mục hiện tại' : show(root)}:\n${registryProblems.map(formatIssue).join('\n')}`,
    );
  }
  await checkOutFolder(out, show, dryRun);
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

  const { files, failed } = await expandInputs(options.inputs, cwd);
  const outcomes: FileOutcome[] = failed.map(({ file, reason }) => ({
    input: show(file),
    status: 'failed',
    reason,
    warnings: [],
  }));
  const notes: string[] = [];

  // The input's file name is its identity across runs: two inputs sharing one would claim
  // the same article, so neither is imported.
  const byOrigin = new Map<string, string[]>();
  for (const file of files) {
    const origin = path.basename(file).normalize('NFC');
    byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), file]);
  }
  const unique: string[] = [];
  for (const [origin, group] of byOrigin) {
    if (group.length === 1) unique.push(group[0]!);
    else {
      for (const file of group) {
        const others = group.filter((other) => other !== file).map(show);
        outcomes.push({
          input: show(file),
          status: 'failed',
          reason: `trùng tên tệp "${origin}" với ${others.join(', ')}: cả hai cùng nhận một bài, vì bài nhập được nhận ra theo tên tệp đầu vào; đổi tên một trong hai tệp rồi nhập lại`,
          warnings: [],
        });
      }
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
    const fail = (reason: string) => outcomes.push({ input: show(file), status: 'failed', reason, warnings: [] });
    try {
      const result = convertSave(await readFile(file), origin, {
        resolveSection,
        defaultAuthor: options.defaultAuthor ?? DEFAULT_AUTHOR,
        aliases: aliasesByOrigin.get(origin) ?? [],
      });
      if (result.ok) {
        const { article, slug, warnings, encoding } = result;
        prepared.push({ file, display: show(file), origin, article, slug, warnings, encoding, foreign: [] });
      } else fail(result.reason);
    } catch (error) {
      fail(`không đọc được tệp: ${fsReason(error)}`);
    }
    progress({ phase: 'read', done: ++readDone, total: unique.length });
  });

  // 2. Find each input's earlier article; name the new ones against everything already there.
  const existing = await scanArticles(out, concurrency, show);
  const claimants = new Map<string, ExistingArticle[]>();
  for (const head of existing) {
    if (head.origin) claimants.set(head.origin, [...(claimants.get(head.origin) ?? []), head]);
  }
  for (const input of prepared) {
    const all = claimants.get(input.origin) ?? [];
    input.previous = all.find((head) => head.sealed) ?? all[0];
    input.foreign = all.filter((head) => !head.sealed);
  }
  const slugs = assignSlugs(
    prepared
      .filter((input) => !claimants.has(input.origin))
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
      input.previous?.file ??
      path.join(out, String(vietnamParts(input.article.date).year), `${slugs.get(input.origin)}.md`),
  );
  const texts = prepared.map((input, index) =>
    sealArticleFile(renderArticleFile(input.article), toPosix(path.relative(out, targets[index]!))),
  );
  // An article that says the same writes nothing, so there is nothing new to check.
  const same = (input: PreparedInput, index: number) =>
    input.previous !== undefined && unsealArticleFile(input.previous.text) === unsealArticleFile(texts[index]!);
  const changed = prepared.flatMap((input, index) => (same(input, index) ? [] : [index]));
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
    const { previous } = input;
    const target = targets[index]!;
    const problems = problemsOf.get(index);
    const outcome: FileOutcome = {
      input: input.display,
      status: 'created',
      output: show(target),
      warnings: input.warnings,
      convertedFrom: input.encoding.startsWith('utf-8') ? undefined : input.encoding,
    };
    outcomes.push(outcome);
    const others = previous?.sealed ? input.foreign.map((head) => show(head.file)) : [];
    if (others.length > 0) {
      input.warnings.push(
        `${others.join(', ')} cũng ghi "# nhập từ: ${input.origin}" nhưng không phải bài lệnh nhập đã ghi; lệnh nhập không đụng tới`,
      );
    }
    if (problems) {
      Object.assign(outcome, { status: 'failed', reason: `bài tạo ra không qua được kiểm tra:\n${problems}` });
    } else if (same(input, index)) outcome.status = 'unchanged';
    else if (previous && !previous.sealed) {
      // Edited by hand, copied from an imported article, or written by an import that kept no digest.
      const files = input.foreign.map((head) => show(head.file));
      const which = files.length > 1 ? `${files.join(', ')} đều ghi` : `${files[0]} ghi`;
      const none = files.length > 1 ? 'không tệp nào còn' : 'không còn';
      Object.assign(outcome, {
        status: options.force ? 'failed' : 'skipped',
        reason: `${which} "# nhập từ: ${input.origin}" nhưng ${none} đúng như lệnh nhập đã ghi (đã được sửa tay hoặc chép từ bài khác) nên không ghi đè${options.force ? ', kể cả với --force' : ''}; muốn nhập lại bài này thì xóa hoặc đổi tên ${files.length > 1 ? 'các tệp' : 'tệp'} đó`,
      });
    } else if (previous && !options.force) {
      Object.assign(outcome, {
        status: 'skipped',
        reason: 'bài đã nhập trước đây, chưa ai sửa, và khác bản sắp nhập; thêm --force để ghi đè',
      });
    } else {
      outcome.status = previous ? 'updated' : 'created';
      if (!dryRun) {
        try {
          const dir = path.dirname(target);
          if (!madeDirs.has(dir)) {
            await makeFolder(dir);
            madeDirs.add(dir);
          }
          await writeArticle(target, texts[index]!, previous !== undefined);
        } catch (error) {
          Object.assign(outcome, { status: 'failed', reason: `không ghi được ${show(target)}: ${fsReason(error)}` });
        }
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
