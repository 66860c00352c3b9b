/**
 * `npm run deploy -- s3://bucket/prefix [--dir dist] [--dry-run] [--no-redirect-metadata]`: publishes the built site to
 * an S3-compatible object store (AWS S3, Cloudflare R2, Backblaze B2), sending only the files
 * whose content changed.
 *
 * Refuses, before changing anything, when `dist/` is missing or has not passed `npm run verify`
 * since it was built, when the keys are wrong or the bucket does not exist. Sends hashed
 * assets, pictures and search bundles first, then pages, feeds and sitemaps, the home page
 * last, and deletes what the new site no longer has only once everything is in place. Run it
 * again after any failure: what is already in the store is not sent again.
 *
 * Old URLs' redirect pages carry `x-amz-website-redirect-location` for S3's website endpoint;
 * `--no-redirect-metadata` leaves it out for a store that refuses it (the pages still redirect).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mapConcurrently } from '../src/data/concurrency.ts';
import { digestFiles, listDist, type ListedFile } from '../src/data/deploy-files.ts';
import {
  deleteKeys,
  listObjects,
  putFile,
  storeClient,
  storedRulesDigest,
  storeError,
} from '../src/data/deploy-store.ts';
import {
  deploySummary,
  dryRunLines,
  parseTarget,
  storeErrorMessage,
  type DeployTarget,
} from '../src/lib/deploy/messages.ts';
import { HOST_FILES, objectKey, redirectTargets, UPLOAD_PHASES, type ObjectKind } from '../src/lib/deploy/objects.ts';
import { planDeploy, rulesDigest, type Upload } from '../src/lib/deploy/plan.ts';
import { parseHeadersFile } from '../src/lib/headers-file.ts';
import { redirectFilePath } from '../src/lib/redirects.ts';
import { startProgress } from './lib/deploy-progress.ts';
import { isVerified } from './lib/deploy-verified.ts';

/** Uploads in flight at once: enough to hide each request's round trip. */
const UPLOADS_AT_ONCE = 16;

/** What each of UPLOAD_PHASES sends, in its order. */
const PHASE_LABELS = [
  'Gửi tài nguyên, ảnh và chỉ mục tìm kiếm',
  'Gửi tệp mở đầu của chỉ mục tìm kiếm',
  'Gửi trang, nguồn tin và sơ đồ trang',
  'Gửi trang chủ',
];
const phaseLabel = (kind: ObjectKind) => PHASE_LABELS[UPLOAD_PHASES.findIndex((kinds) => kinds.includes(kind))]!;

function refuse(message: string): never {
  console.error(`${message}\nKhông có gì trong kho lưu trữ bị thay đổi hay xoá.`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    'dry-run': { type: 'boolean', default: false },
    'redirect-metadata': { type: 'boolean', default: true },
  },
  allowPositionals: true,
  allowNegative: true,
});
const dryRun = values['dry-run'];
let target: DeployTarget;
try {
  target = parseTarget(positionals[0]);
} catch (error) {
  refuse((error as Error).message);
}
const dir = values.dir.replace(/\/+$/, '') || '.';
const dist = path.resolve(dir);
const tty = Boolean(process.stdout.isTTY);

let listing: ListedFile[] = [];
try {
  listing = await listDist(dist);
} catch {
  // listing stays empty: refused below
}
if (!listing.some((entry) => entry.file === 'index.html')) {
  refuse(`Không thấy trang đã dựng trong ${dir}/: hãy chạy npm run build rồi npm run verify trước khi triển khai.`);
}
if (!(await isVerified(dist, listing))) {
  refuse(
    `Thư mục ${dir}/ chưa qua npm run verify kể từ lần dựng gần nhất (hoặc lần dựng đó bị lỗi, dừng giữa chừng): ` +
      'hãy chạy npm run build rồi npm run verify; chỉ bản dựng đã kiểm tra mới được triển khai.',
  );
}

const readOptional = (file: string) => readFile(path.join(dist, file), 'utf8').catch(() => '');
const headersText = await readOptional('_headers');
const { rules, problems } = parseHeadersFile(headersText);
if (problems.length) {
  refuse(problems.map((problem) => `${dir}/_headers:${problem.line}: ${problem.message}`).join('\n'));
}
const redirects = redirectTargets(await readOptional('_redirects'), redirectFilePath);
const redirectMetadata = values['redirect-metadata'];
const digest = rulesDigest(headersText, redirects, redirectMetadata);

const published = listing.filter((entry) => !HOST_FILES.has(entry.file));
const reading = startProgress('Đọc các tệp đã dựng', published.length, tty);
const files = await digestFiles(dist, published, () => reading.increment());
reading.stop();

const client = storeClient(process.env);
let plan;
try {
  const remote = await listObjects(client, target.bucket, target.prefix);
  const remoteDigest = await storedRulesDigest(client, target.bucket, objectKey(target.prefix, 'index.html'));
  plan = planDeploy({
    files,
    remote,
    prefix: target.prefix,
    rules,
    redirects,
    redirectMetadata,
    rulesDigest: digest,
    remoteRulesDigest: remoteDigest,
  });
} catch (error) {
  refuse(storeErrorMessage(storeError(error), target));
}

const uploads = plan.phases.flat();
const counts = {
  uploaded: uploads.length,
  unchanged: plan.unchanged,
  deleted: plan.deletions.length,
  bytes: plan.bytes,
};
if (dryRun) {
  for (const line of dryRunLines(plan)) console.log(line);
  console.log(deploySummary(counts, true));
  process.exit(0);
}
if (plan.rulesChanged) console.log('Quy tắc tiêu đề (_headers) hoặc chuyển hướng đã đổi: gửi lại mọi tệp.');

let sent = 0;
for (const phase of plan.phases) {
  const progress = startProgress(phaseLabel(phase[0]!.kind), phase.length, tty);
  try {
    await mapConcurrently(phase, UPLOADS_AT_ONCE, async (upload: Upload) => {
      await putFile(client, target.bucket, dist, upload, digest);
      sent++;
      progress.increment();
    });
  } catch (error) {
    progress.stop();
    console.error(
      `Triển khai dừng giữa chừng sau ${sent}/${uploads.length} tệp: ${storeErrorMessage(storeError(error), target)}\n` +
        'Chưa xoá tệp nào. Chạy lại npm run deploy để gửi nốt phần còn thiếu.',
    );
    process.exit(1);
  }
  progress.stop();
}

if (plan.deletions.length) {
  const progress = startProgress('Xoá tệp trang mới không còn', plan.deletions.length, tty);
  try {
    await deleteKeys(client, target.bucket, plan.deletions, (count) => progress.increment(count));
  } catch (error) {
    progress.stop();
    console.error(
      `Đã gửi đủ trang mới nhưng chưa xoá xong tệp cũ: ${storeErrorMessage(storeError(error), target)}\n` +
        'Chạy lại npm run deploy để xoá nốt.',
    );
    process.exit(1);
  }
  progress.stop();
}
console.log(deploySummary(counts, false));
