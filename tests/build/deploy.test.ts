/**
 * `npm run deploy` against a real S3-compatible server (s3rver) on loopback, started here and
 * stopped after, spoken to by the script with the same S3 client as in production. A private
 * copy of the basic fixture is built, verified and deployed, then edited, rebuilt and deployed
 * again; the server records every request, so the tests see what was sent and in what order.
 *
 * s3rver checks the signature of every request. For a bucket-level request (a listing, a batch
 * of deletions) it signs the path `/bucket` where the SDK, like S3, signs `/bucket/`; a small
 * middleware hands s3rver that request the way it signs `/bucket/` for virtual-hosted requests.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listObjects, storeClient } from '../../src/data/deploy-store.ts';
import { startLocalStore, type LocalStore } from '../../scripts/lib/local-s3.ts';
import { buildFixture, privateFixtureCopy, type FixtureBuild } from './build-fixture.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const NAME = 'basic/.deploy';
const BUCKET = 'bao-thu';
/** A bucket served as a website, as S3's website endpoint serves one. */
const WEBSITE = 'bao-web';
const WEBSITE_CONFIG =
  '<WebsiteConfiguration><IndexDocument><Suffix>index.html</Suffix></IndexDocument>' +
  '<ErrorDocument><Key>ban-sao/404.html</Key></ErrorDocument></WebsiteConfiguration>';
const ARTICLE = 'thoi-su-so-3';

let root: string;
let build: FixtureBuild;
let store: LocalStore | undefined;
let endpoint: string;
/** Every request the store received: `delete` for DeleteObjects (`POST /bucket/?delete`). */
let requests: { method: string; key: string; delete: boolean }[] = [];
/** Uploads the server accepts before it drops every connection; Infinity for none. */
let failAfterPuts = Infinity;

/** Runs a script of the project as a journalist or CI would, without blocking the server. */
function run(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT, script), ...args], {
      cwd: PROJECT,
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL_S3: endpoint,
        AWS_MAX_ATTEMPTS: '1',
        FORCE_COLOR: '0',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const deploy = (target = `s3://${BUCKET}/trang`, ...args: string[]) =>
  run('scripts/deploy.ts', [target, '--dir', path.join(root, 'dist'), ...args]);
const verify = () => run('scripts/verify-dist.ts', [path.join(root, 'dist')]);

function rebuild(): FixtureBuild {
  build = buildFixture(NAME);
  if (build.status !== 0) throw new Error(build.output);
  return build;
}

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

/** The files a deploy publishes (host configuration files aside), with their MD5. */
function publishedFiles(): Map<string, string> {
  return new Map(
    build
      .files()
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => file !== '_headers' && file !== '_redirects')
      .map((file) => [file, md5(readFileSync(path.join(build.dist, file)))]),
  );
}

/** The production client, for the test's own look at the store. */
const client = () =>
  storeClient({ AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_ENDPOINT_URL_S3: endpoint });

/** Keys (under the prefix) and ETags the store lists. */
async function storedObjects(prefix: string, bucket = BUCKET): Promise<Map<string, string>> {
  const objects = await listObjects(client(), bucket, prefix);
  return new Map(objects.map((object) => [object.key.slice(prefix.length + 1), object.etag.replace(/"/g, '')]));
}

const puts = () => requests.filter((request) => request.method === 'PUT').map((request) => request.key);
const deletions = () => requests.filter((request) => request.delete);
const lines = (text: string) => text.split('\n').filter((line) => line && !line.startsWith('Đọc các tệp'));

beforeAll(async () => {
  root = await privateFixtureCopy('basic', NAME);
  // Its dangerous-content article links to a picture that is not there: npm run verify refuses it.
  rmSync(path.join(root, 'content/articles/noi-dung-nguy-hiem.md'));
  rebuild();
  store = await startLocalStore({
    buckets: [{ name: BUCKET }, { name: WEBSITE, configs: [WEBSITE_CONFIG] }],
    // Records each request, and drops the connection once the fault is armed.
    first: async (ctx, next) => {
      const key = decodeURIComponent(ctx.path).replace(/^\/[^/]+\//, '');
      if (ctx.method === 'PUT' && puts().length >= failAfterPuts) {
        ctx.req.socket.destroy();
        return;
      }
      requests.push({ method: ctx.method, key, delete: ctx.method === 'POST' && 'delete' in ctx.query });
      await next();
    },
  });
  endpoint = store.endpoint;
});

afterAll(async () => {
  await store?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('npm run deploy', () => {
  it('refuses a missing dist/ and a dist/ not verified since its build', async () => {
    const missing = await run('scripts/deploy.ts', [`s3://${BUCKET}`, '--dir', path.join(root, 'khong-co')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.replace(root, '<root>')).toMatchInlineSnapshot(`
      "Không thấy trang đã dựng trong <root>/khong-co/: hãy chạy npm run build rồi npm run verify trước khi triển khai.
      Không có gì trong kho lưu trữ bị thay đổi hay xoá.
      "
    `);
    const unverified = await deploy();
    expect(unverified.status).toBe(1);
    expect(unverified.stderr.replace(root, '<root>')).toMatchInlineSnapshot(`
      "Thư mục <root>/dist/ chưa qua npm run verify kể từ lần dựng gần nhất (hoặc lần dựng đó bị lỗi, dừng giữa chừng): hãy chạy npm run build rồi npm run verify; chỉ bản dựng đã kiểm tra mới được triển khai.
      Không có gì trong kho lưu trữ bị thay đổi hay xoá.
      "
    `);
    expect(requests).toEqual([]);
    expect((await verify()).status).toBe(0);
  });

  it('refuses wrong keys and a missing bucket before sending or deleting anything', async () => {
    const target = [`s3://${BUCKET}/trang`, '--dir', path.join(root, 'dist')];
    const wrongSecret = await run('scripts/deploy.ts', target, { AWS_SECRET_ACCESS_KEY: 'KHOA-SAI' });
    expect(wrongSecret.status).toBe(1);
    expect(wrongSecret.stderr).toMatchInlineSnapshot(`
      "Kho lưu trữ từ chối khoá truy cập (SignatureDoesNotMatch): hãy kiểm tra AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY và quyền ghi, đọc, xoá trên bucket "bao-thu".
      Không có gì trong kho lưu trữ bị thay đổi hay xoá.
      "
    `);
    const wrongKey = await run('scripts/deploy.ts', target, { AWS_ACCESS_KEY_ID: 'KHOA-SAI' });
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stderr).toMatchInlineSnapshot(`
      "Kho lưu trữ từ chối khoá truy cập (InvalidAccessKeyId): hãy kiểm tra AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY và quyền ghi, đọc, xoá trên bucket "bao-thu".
      Không có gì trong kho lưu trữ bị thay đổi hay xoá.
      "
    `);
    const noBucket = await deploy('s3://khong-co-bucket/trang');
    expect(noBucket.status).toBe(1);
    expect(noBucket.stderr).toMatchInlineSnapshot(`
      "Bucket "khong-co-bucket" không tồn tại (hoặc ở vùng khác): hãy tạo bucket, hoặc kiểm tra tên bucket, AWS_REGION và AWS_ENDPOINT_URL_S3.
      Không có gì trong kho lưu trữ bị thay đổi hay xoá.
      "
    `);
    expect(puts()).toEqual([]);
    expect(deletions()).toEqual([]);
  });

  it('sends every file on the first deploy: what pages need first, the home page last', async () => {
    requests = [];
    const first = await deploy();
    expect(first.status, first.stderr).toBe(0);
    const files = publishedFiles();
    expect(lines(first.stdout).at(-1)).toMatch(
      new RegExp(`^Đã gửi ${files.size} tệp \\(.+\\), 0 tệp không đổi, đã xoá 0 tệp\\.$`),
    );
    expect(new Set(puts())).toEqual(new Set([...files.keys()].map((file) => `trang/${file}`)));
    expect(await storedObjects('trang')).toEqual(files);
    const order = puts();
    const lastNeeded = Math.max(
      ...order.map((key, index) =>
        /^trang\/(_astro|anh|pagefind\/[^/]+\/(fragment|index|filter))\//.test(key) ? index : -1,
      ),
    );
    const firstPage = order.findIndex((key) => key.endsWith('.html') || key.endsWith('.xml'));
    expect(lastNeeded).toBeGreaterThanOrEqual(0);
    expect(lastNeeded).toBeLessThan(firstPage);
    expect(order.at(-1)).toBe('trang/index.html');
  });

  it('stores each kind of file with its Content-Type and Cache-Control, and old URLs as redirects', async () => {
    const head = async (file: string) => {
      const response = await fetch(`${endpoint}/${BUCKET}/trang/${file}`, { method: 'HEAD' });
      expect(response.status, file).toBe(200);
      const header = (name: string) => response.headers.get(name);
      return [header('content-type'), header('cache-control'), header('x-amz-website-redirect-location')];
    };
    const stylesheet = build.files().find((file) => file.endsWith('.css'))!;
    const picture = build.files().find((file) => file.startsWith('anh/') && file.endsWith('.avif'))!;
    const fragment = build.files().find((file) => file.includes('/fragment/'))!;
    const entry = build.files().find((file) => file.endsWith('pagefind-entry.json'))!;
    const year = 'public, max-age=31536000, immutable';
    const minutes = 'public, max-age=300, must-revalidate';
    const rows: [string, (string | null)[]][] = [
      [stylesheet, ['text/css; charset=utf-8', year, null]],
      [picture, ['image/avif', year, null]],
      [fragment, ['application/octet-stream', year, null]],
      [entry, ['application/json; charset=utf-8', minutes, null]],
      ['index.html', ['text/html; charset=utf-8', minutes, null]],
      [`bai-viet/${ARTICLE}/index.html`, ['text/html; charset=utf-8', minutes, null]],
      ['rss.xml', ['text/xml; charset=utf-8', minutes, null]],
      ['sitemap-index.xml', ['text/xml; charset=utf-8', minutes, null]],
      ['du-lich/da-lat-don-khach-a123.html', ['text/html; charset=utf-8', null, '/bai-viet/da-lat-don-khach/']],
      ['tin/da-lat-don-khach/index.html', ['text/html; charset=utf-8', null, '/bai-viet/da-lat-don-khach/']],
      ['favicon.svg', ['image/svg+xml; charset=utf-8', 'public, max-age=86400', null]],
    ];
    for (const [file, headers] of rows) expect([file, ...(await head(file))]).toEqual([file, ...headers]);
    const redirectPage = await fetch(`${endpoint}/${BUCKET}/trang/tin/da-lat-don-khach/index.html`);
    expect(await redirectPage.text()).toContain(
      '<meta http-equiv="refresh" content="0; url=https://thu-nghiem.example/bai-viet/da-lat-don-khach/">',
    );
  });

  it('sends nothing when nothing changed', async () => {
    requests = [];
    const again = await deploy();
    expect(again.status, again.stderr).toBe(0);
    expect(lines(again.stdout).at(-1)).toBe(
      `Đã gửi 0 tệp (0 B), ${publishedFiles().size} tệp không đổi, đã xoá 0 tệp.`,
    );
    expect(puts()).toEqual([]);
    expect(deletions()).toEqual([]);
  });

  it('after one article is edited, sends its page, the pages and feeds that list it and the changed search bundle, nothing else', async () => {
    const before = publishedFiles();
    const file = path.join(root, 'content/articles', `${ARTICLE}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('tiêu đề: Thời sự số 3', 'tiêu đề: Bảo Lộc đón mùa mưa'));
    rebuild();
    expect((await verify()).status).toBe(0);
    const after = publishedFiles();
    const changed = [...after].filter(([file, md5]) => before.get(file) !== md5).map(([file]) => file);

    requests = [];
    const dryRun = await deploy(undefined, '--dry-run');
    expect(dryRun.status, dryRun.stderr).toBe(0);
    expect(puts()).toEqual([]);
    expect(lines(dryRun.stdout).filter((line) => line.startsWith('gửi')).length).toBe(changed.length);

    const edited = await deploy();
    expect(edited.status, edited.stderr).toBe(0);
    const sent = puts().map((key) => key.replace(/^trang\//, ''));
    expect(new Set(sent)).toEqual(new Set(changed));
    // By kind: the article's page and every page, feed or list that links to it; the search
    // bundle of its months; no stylesheet, script, font or picture.
    const linking = [...after.keys()].filter(
      (file) => /\.(html|xml|json)$/.test(file) && build.read(file).includes(`/bai-viet/${ARTICLE}/`),
    );
    const byKind = {
      pages: sent.filter((file) => file.endsWith('.html')).sort(),
      feeds: sent.filter((file) => file.endsWith('rss.xml')).sort(),
      search: sent.filter((file) => file.startsWith('pagefind/')).length > 0,
      other: sent.filter((file) => !/\.html$|rss\.xml$|^pagefind\//.test(file)),
    };
    expect(byKind).toEqual({
      pages: linking.filter((file) => file.endsWith('.html')).sort(),
      feeds: linking.filter((file) => file.endsWith('rss.xml')).sort(),
      search: true,
      // The sidebar's latest news, which lists the article.
      other: linking.filter((file) => file.endsWith('.json')),
    });
    expect(byKind.pages).toEqual(
      expect.arrayContaining([`bai-viet/${ARTICLE}/index.html`, 'chuyen-muc/thoi-su/index.html']),
    );
    expect(sent.filter((file) => file.startsWith('pagefind/') && !file.startsWith('pagefind/2023'))).toEqual([]);
    expect(await storedObjects('trang')).toEqual(after);
  });

  it("deletes a removed article's files only once the new pages are in place", async () => {
    rmSync(path.join(root, 'content/articles/thoi-su-so-1.md'));
    rebuild();
    requests = [];
    // Built again but not verified since: refused, nothing asked of the store.
    const unverified = await deploy();
    expect(unverified.status).toBe(1);
    expect(unverified.stderr).toContain('chưa qua npm run verify kể từ lần dựng gần nhất');
    expect(requests).toEqual([]);
    expect((await verify()).status).toBe(0);
    const result = await deploy();
    expect(result.status, result.stderr).toBe(0);
    const lastPut = requests.map((request) => request.method).lastIndexOf('PUT');
    expect(requests.findIndex((request) => request.delete)).toBeGreaterThan(lastPut);
    expect(puts()).toContain('trang/chuyen-muc/thoi-su/index.html');
    const stored = await storedObjects('trang');
    expect(stored.has('bai-viet/thoi-su-so-1/index.html')).toBe(false);
    expect(stored).toEqual(publishedFiles());
  });

  it('finishes a deploy cut off midway when run again, deleting nothing until then', async () => {
    await client().send(new PutObjectCommand({ Bucket: WEBSITE, Key: 'ban-sao/bai-viet/cu/index.html', Body: 'cũ' }));
    requests = [];
    failAfterPuts = 10;
    const cut = await deploy(`s3://${WEBSITE}/ban-sao`);
    failAfterPuts = Infinity;
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(/^Triển khai dừng giữa chừng sau \d+\/\d+ tệp: /);
    expect(cut.stderr).toContain('Chưa xoá tệp nào. Chạy lại npm run deploy để gửi nốt phần còn thiếu.');
    expect(deletions()).toEqual([]);
    const partial = await storedObjects('ban-sao', WEBSITE);
    expect(partial.has('bai-viet/cu/index.html')).toBe(true);
    expect(partial.has('index.html')).toBe(false);

    requests = [];
    const again = await deploy(`s3://${WEBSITE}/ban-sao`);
    expect(again.status, again.stderr).toBe(0);
    const files = publishedFiles();
    // What the cut-off run had stored whole is not sent again (an upload still finishing as it
    // stopped may be found whole too, so the count of what is sent is not fixed).
    const alreadyThere = [...partial].filter(([file, md5]) => files.get(file) === md5).map(([file]) => file);
    const sentAgain = new Set(puts().map((key) => key.replace(/^ban-sao\//, '')));
    expect(alreadyThere.length).toBeGreaterThan(0);
    expect(alreadyThere.filter((file) => sentAgain.has(file))).toEqual([]);
    expect(sentAgain.size).toBeLessThanOrEqual(files.size - alreadyThere.length);
    expect(lines(again.stdout).at(-1)).toMatch(/, đã xoá 1 tệp\.$/);
    expect(await storedObjects('ban-sao', WEBSITE)).toEqual(files);
  });

  it("serves pages from the bucket's website endpoint and sends old URLs on with a 301", async () => {
    const get = (url: string) => fetch(`${endpoint}/${WEBSITE}/ban-sao${url}`, { redirect: 'manual' });
    const article = await get(`/bai-viet/${ARTICLE}/`);
    expect(article.status).toBe(200);
    expect(article.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await article.text()).toContain('Bảo Lộc đón mùa mưa');
    const target = '/bai-viet/da-lat-don-khach/';
    for (const old of ['/tin/da-lat-don-khach/', '/du-lich/da-lat-don-khach-a123.html']) {
      const response = await get(old);
      expect([old, response.status, response.headers.get('location')]).toEqual([old, 301, target]);
    }
    const missing = await get('/bai-viet/khong-co/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<html lang="vi"');
  });
});
