/**
 * What `npm run deploy` says: the target it was given, why it refuses, what it changed.
 * Every message a journalist sees is Vietnamese and names what to do next.
 */
import type { DeployPlan } from './plan.ts';

export interface DeployTarget {
  bucket: string;
  /** Key prefix without slashes at either end; empty for the bucket's root. */
  prefix: string;
}

/**
 * Reads `s3://bucket/prefix`.
 *
 * @example
 * parseTarget('s3://bao-lam-dong/luu-tru/'); // { bucket: 'bao-lam-dong', prefix: 'luu-tru' }
 * parseTarget('bao-lam-dong'); // throws: Đích triển khai "bao-lam-dong" không đọc được…
 */
export function parseTarget(text: string | undefined): DeployTarget {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(text?.trim() ?? '');
  if (!match) {
    throw new Error(
      `Đích triển khai "${text ?? ''}" không đọc được: cần dạng s3://ten-bucket hoặc s3://ten-bucket/thu-muc ` +
        '(tên bucket gồm chữ thường, số, dấu chấm và gạch ngang).',
    );
  }
  return { bucket: match[1]!, prefix: (match[2] ?? '').replace(/^\/+|\/+$/g, '') };
}

/** The parts of an S3 error the message depends on. */
export interface StoreError {
  /** S3 error code (`NoSuchBucket`, `InvalidAccessKeyId`…) or Node's (`ECONNREFUSED`). */
  code: string | undefined;
  status: number | undefined;
  message: string;
}

/**
 * The Vietnamese explanation of a store's refusal, naming the settings to check.
 *
 * @example
 * storeErrorMessage({ code: 'NoSuchBucket', status: 404, message: '' }, { bucket: 'b', prefix: '' });
 * // 'Bucket "b" không tồn tại (hoặc ở vùng khác): …'
 */
export function storeErrorMessage(error: StoreError, target: DeployTarget): string {
  const code = error.code ?? '';
  if (code === 'CredentialsProviderError') {
    return 'Chưa có khoá truy cập kho lưu trữ: hãy đặt AWS_ACCESS_KEY_ID và AWS_SECRET_ACCESS_KEY.';
  }
  if (code === 'NoSuchBucket' || (error.status === 404 && code !== 'NoSuchKey')) {
    return (
      `Bucket "${target.bucket}" không tồn tại (hoặc ở vùng khác): hãy tạo bucket, ` +
      'hoặc kiểm tra tên bucket, AWS_REGION và AWS_ENDPOINT_URL_S3.'
    );
  }
  if (
    ['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AccessDenied', 'InvalidToken', 'ExpiredToken'].includes(code) ||
    error.status === 401 ||
    error.status === 403
  ) {
    return (
      `Kho lưu trữ từ chối khoá truy cập (${code || `HTTP ${error.status}`}): hãy kiểm tra ` +
      `AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY và quyền ghi, đọc, xoá trên bucket "${target.bucket}".`
    );
  }
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE'].includes(code)) {
    return `Không kết nối được tới kho lưu trữ (${code}): hãy kiểm tra AWS_ENDPOINT_URL_S3 và mạng.`;
  }
  return `Kho lưu trữ báo lỗi ${code || `HTTP ${error.status ?? '?'}`}: ${error.message}`;
}

/**
 * A byte count for people: B, KB, MB or GB with a decimal comma.
 *
 * @example
 * formatBytes(2_621_440); // '2,5 MB'
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0);
  return `${shown.replace('.', ',')} ${units[unit]}`;
}

/**
 * The lines `--dry-run` prints: each upload with its kind, then each deletion.
 *
 * @example
 * dryRunLines(plan); // ['gửi  asset  _astro/a.css (1,2 KB)', …, 'xoá bai-viet/cu/index.html']
 */
export function dryRunLines(plan: DeployPlan): string[] {
  return [
    ...plan.phases.flat().map((upload) => `gửi  ${upload.kind.padEnd(12)} ${upload.key} (${formatBytes(upload.size)})`),
    ...plan.deletions.map((key) => `xoá  ${key}`),
  ];
}

export interface DeployCounts {
  uploaded: number;
  unchanged: number;
  deleted: number;
  bytes: number;
}

/**
 * The closing summary.
 *
 * @example
 * deploySummary({ uploaded: 3, unchanged: 97, deleted: 1, bytes: 2048 }, false);
 * // 'Đã gửi 3 tệp (2,0 KB), 97 tệp không đổi, đã xoá 1 tệp.'
 */
export function deploySummary(counts: DeployCounts, dryRun: boolean): string {
  const size = formatBytes(counts.bytes);
  return dryRun
    ? `Chạy thử: sẽ gửi ${counts.uploaded} tệp (${size}), ${counts.unchanged} tệp không đổi, sẽ xoá ${counts.deleted} tệp. Chưa thay đổi gì.`
    : `Đã gửi ${counts.uploaded} tệp (${size}), ${counts.unchanged} tệp không đổi, đã xoá ${counts.deleted} tệp.`;
}
