/**
 * The importer's file work: finding the inputs, checking the articles folder, reading what is
 * already there, and writing an article so that no half-written or temporary file is ever
 * left behind. File system errors come back as Vietnamese reasons, never as stack traces.
 */
import { access, constants, glob, lstat, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { mapConcurrently } from '../../src/data/concurrency.ts';
import { splitFrontMatter } from '../../src/lib/front-matter.ts';
import { readArticleHead } from '../../src/lib/import/article-file.ts';
import { isSealedBy } from '../../src/lib/import/seal.ts';
import { claimedSlugs } from '../../src/lib/new-article.ts';

/** A problem with the run itself (unreadable registry, table or articles folder): nothing is imported. */
export class ImportSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportSetupError';
  }
}

export const toPosix = (file: string) => file.split(path.sep).join('/');

const REASONS: Record<string, string> = {
  ENOENT: 'không có tệp hoặc thư mục này',
  EACCES: 'không có quyền',
  EPERM: 'không được phép',
  ENOTDIR: 'một phần của đường dẫn là tệp chứ không phải thư mục',
  EISDIR: 'là thư mục chứ không phải tệp',
  ENAMETOOLONG: 'tên tệp quá dài',
  ENOSPC: 'hết chỗ trên đĩa',
  EROFS: 'ổ đĩa chỉ cho đọc',
  EEXIST: 'đã có tệp hoặc thư mục cùng tên',
  EMFILE: 'mở quá nhiều tệp cùng lúc',
  EIO: 'lỗi đọc ghi của ổ đĩa',
  ELOOP: 'liên kết tượng trưng trỏ vòng',
};

/**
 * A file system error as a short Vietnamese reason with its code.
 *
 * @example
 * fsReason(Object.assign(new Error(), { code: 'ENAMETOOLONG' })); // 'tên tệp quá dài (ENAMETOOLONG)'
 */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return `lỗi không lường trước: ${error instanceof Error ? error.message : String(error)}`;
  return `${REASONS[code] ?? 'lỗi hệ thống tệp'} (${code})`;
}

export async function readTable(file: string, shown: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new ImportSetupError(`không đọc được ${what} ${shown}: ${fsReason(error)}`);
  }
}

/**
 * Makes sure the articles folder is a folder, or can be made one, and (unless nothing is
 * written) that it can be written to.
 */
export async function checkOutFolder(out: string, shown: (file: string) => string, dryRun: boolean): Promise<void> {
  const advice = 'hãy chọn một thư mục (chưa có thì lệnh nhập tạo)';
  let existing = out;
  for (;;) {
    const info = await stat(existing).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) {
        throw new ImportSetupError(
          existing === out
            ? `--out ${shown(out)} là một tệp, không phải thư mục; ${advice}`
            : `--out ${shown(out)}: ${shown(existing)} là một tệp nên không tạo được thư mục trong đó; ${advice}`,
        );
      }
      break;
    }
    if ((info.code !== 'ENOENT' && info.code !== 'ENOTDIR') || path.dirname(existing) === existing) {
      throw new ImportSetupError(`không dùng được thư mục --out ${shown(out)}: ${fsReason(info)}`);
    }
    existing = path.dirname(existing);
  }
  if (dryRun) return;
  try {
    await access(existing, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new ImportSetupError(
      `không ghi được vào thư mục ${shown(existing)} (cho --out ${shown(out)}): ${fsReason(error)}`,
    );
  }
}

/** Files of the inputs, resolved, each once, in a stable order; inputs that cannot be read apart, with why. */
export async function expandInputs(inputs: readonly string[], cwd: string) {
  const files = new Set<string>();
  const failed: { file: string; reason: string }[] = [];
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    const info = await stat(full).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      failed.push({
        file: full,
        reason: info.code === 'ENOENT' ? 'không tìm thấy tệp hoặc thư mục' : `không đọc được: ${fsReason(info)}`,
      });
    } else if (info.isDirectory()) {
      let found = 0;
      try {
        for await (const name of glob('**/*', {
          cwd: full,
          exclude: (entry) => path.basename(entry).startsWith('.'),
        })) {
          if (/\.txt$/i.test(name)) {
            files.add(path.join(full, name));
            found++;
          }
        }
        if (found === 0) failed.push({ file: full, reason: 'thư mục không có tệp .txt nào để nhập' });
      } catch (error) {
        failed.push({ file: full, reason: `không đọc hết được thư mục: ${fsReason(error)}` });
      }
    } else files.add(full);
  }
  return { files: [...files].sort(), failed };
}

export interface ExistingArticle {
  file: string;
  /** URL slugs the file holds (its name, a `slug` field, old `/bai-viet/` aliases). */
  claims: Set<string>;
  /** Input file name recorded by the import that wrote it. */
  origin?: string | undefined;
  text: string;
  /** The file is byte for byte what an import wrote at this place. */
  sealed: boolean;
}

/** Every article file under `out`, with its slugs, its import marker and whether an import wrote it as it is. */
export async function scanArticles(
  out: string,
  concurrency: number,
  shown: (file: string) => string,
): Promise<ExistingArticle[]> {
  const files: string[] = [];
  try {
    if (await stat(out).catch(() => undefined)) {
      // Only files: a folder named like an article is not one.
      for await (const found of glob('**/*.md', { cwd: out, withFileTypes: true })) {
        if (found.isFile()) files.push(path.join(found.parentPath, found.name));
      }
    }
  } catch (error) {
    throw new ImportSetupError(`không đọc hết được thư mục bài ${shown(out)}: ${fsReason(error)}`);
  }
  files.sort();
  return mapConcurrently(files, concurrency, async (file) => {
    const text = await readFile(file, 'utf8').catch((error: unknown) => {
      throw new ImportSetupError(`không đọc được bài ${shown(file)} đã có trong thư mục bài: ${fsReason(error)}`);
    });
    // The same rule as `npm run new` and the build: the file's slug, a `slug` field and old
    // `/bai-viet/` URLs in `aliases` all claim a URL.
    const claims = claimedSlugs([{ file: toPosix(file), fields: splitFrontMatter(text, file).fields }]);
    const sealed = isSealedBy(text, toPosix(path.relative(out, file)));
    return { file, claims, origin: readArticleHead(text).origin, text, sealed };
  });
}

/**
 * Makes a folder and the missing ones above it, one at a time: Node's recursive `mkdir` never
 * returns on some file systems that refuse it (such as /proc).
 */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = dir; !(await stat(at).catch(() => undefined)); at = path.dirname(at)) {
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/** Temporary files being written, removed if the process is stopped halfway. */
const pending = new Set<string>();

/** Removes every temporary file still being written; for a signal handler, so synchronous. */
export function removePendingFiles(): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
}

/**
 * Writes an article through a temporary file renamed into place, so a reader finds the old
 * file or the new one, never half of one; the temporary file is removed whatever fails.
 * A new article (`replace` false) never replaces a file that appeared in the meantime.
 */
export async function writeArticle(target: string, text: string, replace: boolean): Promise<void> {
  const fresh = `${target}.${process.pid}.tmp`;
  pending.add(fresh);
  try {
    await writeFile(fresh, text, { flag: 'wx' });
    if (!replace && (await lstat(target).catch(() => undefined))) {
      throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    }
    await rename(fresh, target);
  } finally {
    await rm(fresh, { force: true }).catch(() => {});
    pending.delete(fresh);
  }
}
