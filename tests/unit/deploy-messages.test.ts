import { describe, expect, it } from 'vitest';
import {
  deploySummary,
  dryRunLines,
  formatBytes,
  parseTarget,
  storeErrorMessage,
} from '../../src/lib/deploy/messages.ts';
import type { DeployPlan } from '../../src/lib/deploy/plan.ts';

const TARGET = { bucket: 'bao-lam-dong', prefix: '' };

describe('parseTarget', () => {
  it('reads a bucket and an optional prefix', () => {
    expect(parseTarget('s3://bao-lam-dong')).toEqual({ bucket: 'bao-lam-dong', prefix: '' });
    expect(parseTarget(' s3://bao-lam-dong/luu-tru/2024/ ')).toEqual({
      bucket: 'bao-lam-dong',
      prefix: 'luu-tru/2024',
    });
  });

  it('refuses anything else in Vietnamese', () => {
    expect(() => parseTarget('bao-lam-dong')).toThrowErrorMatchingInlineSnapshot(
      `[Error: Đích triển khai "bao-lam-dong" không đọc được: cần dạng s3://ten-bucket hoặc s3://ten-bucket/thu-muc (tên bucket gồm chữ thường, số, dấu chấm và gạch ngang).]`,
    );
    expect(() => parseTarget(undefined)).toThrow(/^Đích triển khai "" không đọc được/);
    expect(() => parseTarget('s3://Bao_Lam_Dong')).toThrow(/không đọc được/);
  });
});

describe('storeErrorMessage', () => {
  it('names the settings to check for each refusal', () => {
    const message = (code: string, status?: number) => storeErrorMessage({ code, status, message: 'x' }, TARGET);
    expect(message('NoSuchBucket', 404)).toMatchInlineSnapshot(
      `"Bucket "bao-lam-dong" không tồn tại (hoặc ở vùng khác): hãy tạo bucket, hoặc kiểm tra tên bucket, AWS_REGION và AWS_ENDPOINT_URL_S3."`,
    );
    expect(message('SignatureDoesNotMatch', 403)).toMatchInlineSnapshot(
      `"Kho lưu trữ từ chối khoá truy cập (SignatureDoesNotMatch): hãy kiểm tra AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY và quyền ghi, đọc, xoá trên bucket "bao-lam-dong"."`,
    );
    expect(message('CredentialsProviderError')).toMatchInlineSnapshot(
      `"Chưa có khoá truy cập kho lưu trữ: hãy đặt AWS_ACCESS_KEY_ID và AWS_SECRET_ACCESS_KEY."`,
    );
    expect(message('ECONNREFUSED')).toMatchInlineSnapshot(
      `"Không kết nối được tới kho lưu trữ (ECONNREFUSED): hãy kiểm tra AWS_ENDPOINT_URL_S3 và mạng."`,
    );
    expect(message('Forbidden', 403)).toMatch(/^Kho lưu trữ từ chối khoá truy cập \(Forbidden\)/);
    expect(message('InternalError', 500)).toBe('Kho lưu trữ báo lỗi InternalError: x');
  });
});

describe('formatBytes', () => {
  it('writes sizes with a decimal comma', () => {
    expect([0, 999, 1536, 2_621_440, 250 * 2 ** 20, 2.5 * 2 ** 30].map(formatBytes)).toEqual([
      '0 B',
      '999 B',
      '1,5 KB',
      '2,5 MB',
      '250 MB',
      '2,5 GB',
    ]);
  });
});

const PLAN: DeployPlan = {
  phases: [
    [
      {
        file: '_astro/a.css',
        key: '_astro/a.css',
        kind: 'asset',
        size: 2048,
        md5: 'a',
        contentType: 'text/css',
        cacheControl: undefined,
        redirectLocation: undefined,
      },
    ],
  ],
  deletions: ['bai-viet/cu/index.html'],
  unchanged: 5,
  bytes: 2048,
  rulesChanged: false,
};

describe('dryRunLines', () => {
  it('lists each upload with its kind and size, then each deletion', () => {
    expect(dryRunLines(PLAN)).toEqual(['gửi  asset        _astro/a.css (2,0 KB)', 'xoá  bai-viet/cu/index.html']);
  });
});

describe('deploySummary', () => {
  it('counts what was sent, left and deleted, and says when nothing was changed', () => {
    const counts = { uploaded: 1, unchanged: 5, deleted: 1, bytes: 2048 };
    expect(deploySummary(counts, false)).toMatchInlineSnapshot(
      `"Đã gửi 1 tệp (2,0 KB), 5 tệp không đổi, đã xoá 1 tệp."`,
    );
    expect(deploySummary(counts, true)).toMatchInlineSnapshot(
      `"Chạy thử: sẽ gửi 1 tệp (2,0 KB), 5 tệp không đổi, sẽ xoá 1 tệp. Chưa thay đổi gì."`,
    );
  });
});
