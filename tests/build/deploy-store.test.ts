/**
 * The deploy's store functions against a real S3-compatible server (s3rver) on loopback: a
 * listing past one page of 1,000 keys, deletions past one request of 1,000 keys, and what one
 * upload stores.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStore, type LocalStore } from '../../scripts/lib/local-s3.ts';
import { mapConcurrently } from '../../src/data/concurrency.ts';
import {
  deleteKeys,
  listObjects,
  putFile,
  storeClient,
  storedRulesDigest,
  storeError,
} from '../../src/data/deploy-store.ts';

const BUCKET = 'kho-thu';
const MANY = 1001;
const dir = mkdtempSync(path.join(tmpdir(), 'deploy-store-'));
let server: LocalStore | undefined;
let client: ReturnType<typeof storeClient>;
let endpoint: string;
let deleteRequests = 0;

beforeAll(async () => {
  server = await startLocalStore({
    buckets: [{ name: BUCKET }],
    allowMismatchedSignatures: true,
    first: async (ctx, next) => {
      if (ctx.method === 'POST' && 'delete' in ctx.query) deleteRequests++;
      await next();
    },
  });
  endpoint = server.endpoint;
  client = storeClient({ AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_ENDPOINT_URL_S3: endpoint });
  const keys = Array.from({ length: MANY }, (_, i) => `nhieu/${String(i).padStart(4, '0')}.txt`);
  await mapConcurrently(keys, 16, (key) => client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: key })));
  // A thousand and one uploads to a server on loopback: more than a unit test's default time.
}, 60_000);

afterAll(async () => {
  client?.destroy();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('storeClient', () => {
  it("sends no checksum the store does not know, which the SDK's defaults send and the store refuses", async () => {
    const body = () => Readable.from([Buffer.from('Tổng kiểm')]);
    const put = (key: string) =>
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body(), ContentLength: Buffer.byteLength('Tổng kiểm') });
    const defaults = new S3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await expect(defaults.send(put('thu/mac-dinh.txt'))).rejects.toThrow(/x-amz-content-sha256 must be/);
    defaults.destroy();
    await expect(client.send(put('thu/cua-trang.txt'))).resolves.toBeDefined();
  });
});

describe('listObjects', () => {
  it('lists every key under the prefix, past the first page of 1,000, with its MD5 as ETag', async () => {
    const objects = await listObjects(client, BUCKET, 'nhieu');
    expect(objects).toHaveLength(MANY);
    const last = objects.find((object) => object.key === 'nhieu/1000.txt')!;
    expect(last.etag.replace(/"/g, '')).toBe(createHash('md5').update('nhieu/1000.txt').digest('hex'));
    expect(await listObjects(client, BUCKET, 'khong-co')).toEqual([]);
  });
});

describe('deleteKeys', () => {
  it('deletes in requests of at most 1,000 keys, counting as it goes', async () => {
    const keys = (await listObjects(client, BUCKET, 'nhieu')).map((object) => object.key);
    const counts: number[] = [];
    deleteRequests = 0;
    await deleteKeys(client, BUCKET, keys, (count) => counts.push(count));
    expect(counts).toEqual([1000, 1]);
    expect(deleteRequests).toBe(2);
    expect(await listObjects(client, BUCKET, 'nhieu')).toEqual([]);
  });
});

describe('putFile', () => {
  it('stores the bytes with their headers, the website redirect and the rules digest', async () => {
    const dist = path.join(dir, 'dist');
    rmSync(dist, { recursive: true, force: true });
    mkdirSync(path.join(dist, 'tin'), { recursive: true });
    const body = '<!doctype html><title>Đà Lạt đón khách</title>';
    writeFileSync(path.join(dist, 'tin/a.html'), body);
    await putFile(
      client,
      BUCKET,
      dist,
      {
        file: 'tin/a.html',
        key: 'trang/tin/a.html',
        kind: 'redirect',
        size: Buffer.byteLength(body),
        md5: createHash('md5').update(body).digest('hex'),
        contentType: 'text/html; charset=utf-8',
        cacheControl: 'public, max-age=300',
        redirectLocation: '/bai-viet/a/',
      },
      'abc123',
    );
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'trang/tin/a.html' }));
    expect({
      type: head.ContentType,
      cache: head.CacheControl,
      redirect: head.WebsiteRedirectLocation,
      length: head.ContentLength,
      metadata: head.Metadata,
    }).toEqual({
      type: 'text/html; charset=utf-8',
      cache: 'public, max-age=300',
      redirect: '/bai-viet/a/',
      length: Buffer.byteLength(body),
      metadata: { rules: 'abc123' },
    });
  });
});

describe('storedRulesDigest', () => {
  it("reads an object's rules digest, and nothing for a missing object", async () => {
    expect(await storedRulesDigest(client, BUCKET, 'trang/tin/a.html')).toBe('abc123');
    expect(await storedRulesDigest(client, BUCKET, 'trang/khong-co.html')).toBeUndefined();
  });
});

describe('storeError', () => {
  it("reads the store's error code and status, a network error's code, and anything else", async () => {
    const refused = await client
      .send(new HeadObjectCommand({ Bucket: 'khong-co-bucket', Key: 'a' }))
      .catch((error: unknown) => error);
    expect(storeError(refused)).toMatchObject({ status: 404 });
    const listing = await listObjects(client, 'khong-co-bucket', '').catch((error: unknown) => error);
    expect(storeError(listing)).toMatchObject({ code: 'NoSuchBucket', status: 404 });
    const network = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(storeError(network)).toEqual({ code: 'ECONNREFUSED', status: undefined, message: network.message });
    expect(storeError(undefined)).toEqual({ code: undefined, status: undefined, message: 'undefined' });
  });
});
