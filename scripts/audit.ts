/**
 * `npm run audit [-- DIR] [--min 95] [--preset mobile|desktop] [--cpu-slowdown auto|N] [--runs N] [--report DIR]`
 *
 * Runs Lighthouse (driving Debian's Chromium) on a built site (default `dist/`), served on
 * loopback with the CDN headers of its `_headers` file: the home page, the newest article,
 * a category page and the search page (skipped, with a note, when the site has none).
 * Prints a table and fails when any page scores below the minimum (default 95) in
 * performance, accessibility, best practices or SEO. Not part of `npm test`: it needs a
 * built site and takes a minute.
 *
 * Lighthouse's mobile preset slows the CPU down 4x, which assumes a fast desktop host. With
 * `--cpu-slowdown auto` (the default) a first run measures the host (Lighthouse's
 * benchmarkIndex) and the multiplier follows Lighthouse's calibration table
 * (docs/throttling.md), so a slower or busy CI machine still emulates the same mid-tier
 * phone instead of a far slower one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';
import { CHROMIUM_FLAGS, chromiumPath } from './lib/chromium.ts';
import { serveDirectory } from './lib/static-server.ts';

const CATEGORIES = [
  ['performance', 'hiệu năng'],
  ['accessibility', 'trợ năng'],
  ['best-practices', 'thực hành tốt'],
  ['seo', 'SEO'],
] as const;

const { values, positionals } = parseArgs({
  options: {
    min: { type: 'string', default: '95' },
    preset: { type: 'string', default: 'mobile' },
    runs: { type: 'string', default: '1' },
    'cpu-slowdown': { type: 'string', default: 'auto' },
    report: { type: 'string' },
  },
  allowPositionals: true,
});
const dir = path.resolve(positionals[0] ?? 'dist');
const min = Number(values.min);
const runs = Math.max(1, Math.floor(Number(values.runs)));
if (!existsSync(path.join(dir, 'index.html'))) {
  console.error(`Không thấy ${path.relative(process.cwd(), dir) || dir}/index.html: hãy chạy npm run build trước.`);
  process.exit(1);
}
if (values.preset !== 'mobile' && values.preset !== 'desktop') {
  console.error(`--preset là mobile hoặc desktop, không phải "${values.preset}".`);
  process.exit(2);
}
const fixedSlowdown = values['cpu-slowdown'] === 'auto' ? undefined : Number(values['cpu-slowdown']);
if (fixedSlowdown !== undefined && !(fixedSlowdown >= 1)) {
  console.error(`--cpu-slowdown là auto hoặc một số từ 1 trở lên, không phải "${values['cpu-slowdown']}".`);
  process.exit(2);
}

/**
 * The CPU multiplier that makes this host emulate a mid-tier phone, from Lighthouse's
 * calibration table: high-end desktop (benchmarkIndex 1500+) 4x, low-end desktop or
 * high-end mobile (800-1500) 2x, slower hosts 1x.
 */
const slowdownFor = (benchmarkIndex: number) => (benchmarkIndex >= 1500 ? 4 : benchmarkIndex >= 800 ? 2 : 1);

/** The first link on the home page that matches, so the audit follows the site as it is. */
function firstLink(pattern: RegExp): string | undefined {
  const home = readFileSync(path.join(dir, 'index.html'), 'utf8');
  for (const match of home.matchAll(/href="([^"]+)"/g)) if (pattern.test(match[1]!)) return match[1];
  return undefined;
}

const pages: [name: string, url: string | undefined][] = [
  ['trang chủ', '/'],
  ['bài viết mới nhất', firstLink(/^\/bai-viet\/[^/]+\/$/)],
  ['chuyên mục', firstLink(/^\/chuyen-muc\/[^/]+\/$/)],
  ['tìm kiếm', existsSync(path.join(dir, 'tim-kiem/index.html')) ? '/tim-kiem/' : undefined],
];

const site = await serveDirectory(dir, { headers: true });
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath(),
  chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
});

interface Row {
  name: string;
  url: string;
  scores: Record<string, number>;
  failing: string[];
  /** The host's speed during the runs: a low value means a busy machine, not a slow page. */
  benchmarkIndex: number;
}
const rows: Row[] = [];
let cpuSlowdown = fixedSlowdown ?? 4;
let benchmark: number | undefined;
const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

try {
  if (values.preset === 'mobile' && fixedSlowdown === undefined) {
    const calibration = await lighthouse(`${site.url}/`, {
      port: Number(chrome.port),
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    benchmark = calibration?.lhr.environment.benchmarkIndex;
    if (benchmark) cpuSlowdown = slowdownFor(benchmark);
  }
  for (const [name, url] of pages) {
    if (!url) {
      console.log(`Bỏ qua trang ${name}: trang web này chưa có trang đó.`);
      continue;
    }
    const results: Result[] = [];
    for (let run = 0; run < runs; run++) {
      const flags: Flags = {
        port: Number(chrome.port),
        output: 'html',
        logLevel: 'error',
        onlyCategories: CATEGORIES.map(([id]) => id),
        ...(values.preset === 'mobile' ? { throttling: { cpuSlowdownMultiplier: cpuSlowdown } } : {}),
      };
      const result = await lighthouse(
        `${site.url}${url}`,
        flags,
        values.preset === 'desktop' ? desktopConfig : undefined,
      );
      if (!result) throw new Error(`Lighthouse không trả kết quả cho ${url}`);
      results.push(result.lhr);
      if (values.report) {
        await mkdir(values.report, { recursive: true });
        const file = `${url.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'trang-chu'}.html`;
        await writeFile(path.join(values.report, file), String(result.report));
      }
    }
    const scores = Object.fromEntries(
      CATEGORIES.map(([id]) => [id, median(results.map((lhr) => Math.round((lhr.categories[id]?.score ?? 0) * 100)))]),
    );
    // What to fix: the audits that cost points in a category below the minimum, in the run
    // whose performance score is the median one.
    const byPerformance = [...results].sort(
      (a, b) => (a.categories['performance']?.score ?? 0) - (b.categories['performance']?.score ?? 0),
    );
    const lhr = byPerformance[Math.floor(byPerformance.length / 2)]!;
    const failing = CATEGORIES.filter(([id]) => scores[id]! < min).flatMap(([id, label]) =>
      (lhr.categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
        .map((ref) => `${label}: ${lhr.audits[ref.id]!.title} (${lhr.audits[ref.id]!.displayValue ?? ref.id})`),
    );
    rows.push({
      name,
      url,
      scores,
      failing,
      benchmarkIndex: median(results.map((lhr) => lhr.environment.benchmarkIndex)),
    });
  }
} finally {
  chrome.kill();
  await site.close();
}

const header = ['trang', ...CATEGORIES.map(([, label]) => label), 'benchmarkIndex'];
const table = [
  header,
  ...rows.map((row) => [
    `${row.name} (${row.url})`,
    ...CATEGORIES.map(([id]) => String(row.scores[id])),
    String(Math.round(row.benchmarkIndex)),
  ]),
];
const widths = header.map((_, column) => Math.max(...table.map((cells) => cells[column]!.length)));
console.log(
  `\nLighthouse (${values.preset}` +
    (values.preset === 'mobile'
      ? `, CPU chậm ${cpuSlowdown}x${benchmark ? ` theo benchmarkIndex ${Math.round(benchmark)}` : ''}`
      : '') +
    `${runs > 1 ? `, trung vị của ${runs} lần` : ''}), mức tối thiểu ${min}:\n\n` +
    table.map((cells) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n'),
);
const low = rows.filter((row) => Object.values(row.scores).some((score) => score < min));
if (low.length) {
  console.error(`\nDưới ${min} điểm:`);
  for (const row of low)
    console.error(`- ${row.name} (${row.url}):\n    ${row.failing.join('\n    ') || 'xem báo cáo (--report)'}`);
  process.exit(1);
}
console.log(`\nMọi trang đạt từ ${min} điểm trở lên ở cả bốn mục.`);
