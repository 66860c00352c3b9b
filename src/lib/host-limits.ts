/**
 * The documented limits of the hosts a site can be published to, and a check of a built site
 * against them: a limit broken fails `npm run verify` before the host refuses the deploy, and a
 * limit over half used is named with the article count at which the archive will reach it, from
 * the files and bytes each article adds today.
 */
import type { SiteHost } from './schema.ts';

/** One host's limits; a limit left out is one the host does not document. */
export interface HostLimits {
  name: string;
  /** Bytes of the whole site. */
  totalBytes?: number;
  /** Files in the whole site. */
  files?: number;
  /** Bytes of one file. */
  fileBytes?: number;
  /** Entries (files and folders) directly in one folder. */
  folderEntries?: number;
}

const MiB = 2 ** 20;

/** Each host's limits, as its documentation states them. */
export const HOST_LIMITS: Record<SiteHost, HostLimits> = {
  // https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits:
  // "Published GitHub Pages sites may be no larger than 1 GB" (counted here as 10^9 bytes, the smaller reading).
  'github-pages': { name: 'GitHub Pages', totalBytes: 1e9 },
  // https://developers.cloudflare.com/pages/platform/limits/: 20,000 files per site on the Free
  // plan (100,000 on paid plans), 25 MiB per file; Workers static assets have the same limits.
  cloudflare: { name: 'Cloudflare Pages', files: 20_000, fileBytes: 25 * MiB },
  // https://docs.netlify.com/site-deploys/overview/#files-per-directory-limit: no limit on files
  // per deploy, 54,000 files per directory.
  netlify: { name: 'Netlify', folderEntries: 54_000 },
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/upload-objects.html: up to 5 GB in a
  // single upload, which is how `npm run deploy` sends every file; R2 and B2 allow as much.
  s3: { name: 'S3', fileBytes: 5 * 1024 ** 3 },
};

/** A built file: path relative to `dist/` with `/` separators, and size in bytes. */
export interface SizedFile {
  file: string;
  size: number;
}

export type LimitKind = 'totalBytes' | 'files' | 'fileBytes' | 'folderEntries';

/** One limit broken, or more than half used. */
export interface LimitFinding {
  limit: LimitKind;
  /** What is measured: the whole site, a file or a folder. */
  subject: string;
  value: number;
  max: number;
  /** Articles at which the limit is reached, extrapolated; undefined when it does not grow with articles. */
  reachedAt: number | undefined;
}

export interface HostLimitReport {
  host: HostLimits;
  articles: number;
  errors: LimitFinding[];
  warnings: LimitFinding[];
}

/** Share of a limit from which `npm run verify` warns. */
export const WARN_FROM = 0.5;

/**
 * Articles in a built site: its article pages.
 *
 * @example
 * countArticles(['bai-viet/a/index.html', 'bai-viet/a/anh.jpg', 'index.html']); // 1
 */
export function countArticles(files: readonly string[]): number {
  return files.filter((file) => /^bai-viet\/[^/]+\/index\.html$/.test(file)).length;
}

/** Entries directly in each folder (`''` for the site's root). */
function folderEntries(files: readonly SizedFile[]): Map<string, number> {
  const entries = new Map<string, Set<string>>();
  for (const { file } of files) {
    const parts = file.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/');
      let names = entries.get(folder);
      if (!names) entries.set(folder, (names = new Set()));
      names.add(parts[depth]!);
    }
  }
  return new Map([...entries].map(([folder, names]) => [folder, names.size]));
}

/**
 * Checks a built site against a host's limits.
 *
 * @example
 * checkHostLimits(files, 'cloudflare');
 * // { host: { name: 'Cloudflare Pages', … }, articles: 10000, errors: [{ limit: 'files', subject: 'trang', value: 24000, max: 20000, reachedAt: 8333 }], warnings: [] }
 */
export function checkHostLimits(files: readonly SizedFile[], host: SiteHost): HostLimitReport {
  const limits = HOST_LIMITS[host];
  const articles = countArticles(files.map((entry) => entry.file));
  const errors: LimitFinding[] = [];
  const warnings: LimitFinding[] = [];
  const at = (value: number, max: number) =>
    articles > 0 && value > 0 ? Math.floor((max * articles) / value) : undefined;
  const judge = (limit: LimitKind, subject: string, value: number, max: number | undefined, grows: boolean) => {
    if (max === undefined) return;
    const finding = { limit, subject, value, max, reachedAt: grows ? at(value, max) : undefined };
    if (value > max) errors.push(finding);
    else if (value >= max * WARN_FROM && grows) warnings.push(finding);
  };
  judge(
    'totalBytes',
    '',
    files.reduce((sum, entry) => sum + entry.size, 0),
    limits.totalBytes,
    true,
  );
  judge('files', '', files.length, limits.files, true);
  if (limits.fileBytes !== undefined) {
    for (const entry of files) judge('fileBytes', entry.file, entry.size, limits.fileBytes, false);
  }
  if (limits.folderEntries !== undefined) {
    for (const [folder, count] of folderEntries(files)) {
      judge('folderEntries', folder ? `${folder}/` : '/', count, limits.folderEntries, true);
    }
  }
  return { host: limits, articles, errors, warnings };
}

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

function amount(limit: LimitKind, value: number): string {
  if (limit === 'files') return `${number.format(value)} tệp`;
  if (limit === 'folderEntries') return `${number.format(value)} mục`;
  // Per-file limits are documented in binary units (25 MiB, 5 GiB); site totals in decimal ones.
  if (limit === 'fileBytes') {
    return value >= 2 ** 30 ? `${number.format(value / 2 ** 30)} GiB` : `${number.format(value / 2 ** 20)} MiB`;
  }
  if (value >= 1e9) return `${number.format(value / 1e9)} GB`;
  if (value >= 1e6) return `${number.format(value / 1e6)} MB`;
  return `${number.format(value / 1e3)} KB`;
}

function describe(finding: LimitFinding, host: string): string {
  const measured = amount(finding.limit, finding.value);
  const max = amount(finding.limit, finding.max);
  switch (finding.limit) {
    case 'totalBytes':
      return `cả trang nặng ${measured}, giới hạn của ${host} là ${max}`;
    case 'files':
      return `trang có ${measured}, giới hạn của ${host} là ${max}`;
    case 'fileBytes':
      return `tệp ${finding.subject} nặng ${measured}, giới hạn mỗi tệp của ${host} là ${max}`;
    case 'folderEntries':
      return `thư mục ${finding.subject} có ${measured}, giới hạn mỗi thư mục của ${host} là ${max}`;
  }
}

/**
 * The report's lines: each limit broken, then each limit over half used with the article count
 * at which it will be reached.
 *
 * @example
 * formatHostLimits(checkHostLimits(files, 'cloudflare'));
 * // ['Vượt giới hạn: trang có 24.000 tệp, giới hạn của Cloudflare Pages là 20.000 tệp (đạt tới ở khoảng 8.333 bài; nay có 10.000 bài).']
 */
export function formatHostLimits(report: HostLimitReport): string[] {
  const when = (finding: LimitFinding) =>
    finding.reachedAt === undefined
      ? ''
      : ` (${finding.value > finding.max ? 'đạt tới' : 'sẽ chạm'} ở khoảng ${number.format(finding.reachedAt)} bài; nay có ${number.format(report.articles)} bài)`;
  return [
    ...report.errors.map((finding) => `Vượt giới hạn: ${describe(finding, report.host.name)}${when(finding)}.`),
    ...report.warnings.map(
      (finding) =>
        `Cảnh báo: ${describe(finding, report.host.name)}${when(finding)}` +
        `: đã dùng ${Math.round((finding.value / finding.max) * 100)}%.`,
    ),
  ];
}
