/**
 * The command line of `npm run import`: options, the report as lines, the progress bar and
 * the exit code. Every problem, with an option, the setup or an input, is printed in
 * Vietnamese; none ends in a stack trace.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_AUTHOR, encodingName } from '../../src/lib/import/convert.ts';
import { fsReason, ImportSetupError, removePendingFiles } from './import-files.ts';
import { importFiles, type ImportProgress, type ImportSummary } from './import-run.ts';

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
  --force                ghi đè bài do lệnh nhập ghi (chưa ai sửa) khi nội dung sẽ thay đổi
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

function parseOptions(argv: readonly string[]) {
  return parseArgs({
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
}

/** Runs the command line; returns the exit code (0 ok, 1 some file failed, 2 bad usage or setup). */
export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseOptions(argv);
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
  for (const option of ['out', 'root', 'aliases', 'category-map', 'default-author'] as const) {
    if (values[option]?.trim() === '') {
      console.error(`Tùy chọn không hợp lệ: tùy chọn --${option} cần một giá trị.\n\n${USAGE}`);
      return 2;
    }
  }
  const bar = process.stderr.isTTY ? createProgressBar(process.stderr) : undefined;
  // Stopped halfway (Ctrl+C): no temporary file stays beside the articles.
  const stop = (signal: NodeJS.Signals) => {
    removePendingFiles();
    bar?.clear();
    console.error(`Đã dừng (${signal}); các bài đã ghi xong vẫn giữ, không còn tệp tạm nào.`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
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
    console.error(`Không nhập được: ${error instanceof ImportSetupError ? error.message : fsReason(error)}`);
    return 2;
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
  }
  bar?.clear();
  for (const line of formatReport(summary)) (line.error ? console.error : console.log)(line.text);
  return summary.counts.failed > 0 ? 1 : 0;
}
