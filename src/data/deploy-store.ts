/**
 * The object store a deploy writes to, through the AWS SDK's S3 client, configured the way
 * the SDK is everywhere: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`, and
 * `AWS_ENDPOINT_URL_S3` for a store other than AWS (R2, B2, a local test server).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DeleteObjectsCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { StoreError } from '../lib/deploy/messages.ts';
import { RULES_METADATA } from '../lib/deploy/objects.ts';
import type { RemoteObject, Upload } from '../lib/deploy/plan.ts';

/** S3's limit on keys in one DeleteObjects request. */
const DELETE_BATCH = 1000;

/**
 * An S3 client for the environment's settings. Checksums only where S3 requires them: recent
 * SDK versions otherwise add CRC32 checksums (and a chunked body) to every upload, which
 * S3-compatible stores that do not know them refuse. Path-style URLs for a custom endpoint,
 * which every S3-compatible store serves and a local one needs.
 *
 * @example
 * const client = storeClient(process.env);
 */
export function storeClient(env: NodeJS.ProcessEnv): S3Client {
  const endpoint = env['AWS_ENDPOINT_URL_S3']?.trim() || env['AWS_ENDPOINT_URL']?.trim() || undefined;
  const accessKeyId = env['AWS_ACCESS_KEY_ID']?.trim();
  const secretAccessKey = env['AWS_SECRET_ACCESS_KEY']?.trim();
  const sessionToken = env['AWS_SESSION_TOKEN']?.trim();
  return new S3Client({
    // Keys from these settings; without them, the SDK's other sources (a profile, a role).
    ...(accessKeyId && secretAccessKey
      ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } }
      : {}),
    region: env['AWS_REGION']?.trim() || env['AWS_DEFAULT_REGION']?.trim() || (endpoint ? 'auto' : 'us-east-1'),
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/**
 * The code, status and message of a failed store request (or a network failure).
 *
 * @example
 * storeError(error); // { code: 'NoSuchBucket', status: 404, message: 'The specified bucket does not exist' }
 */
export function storeError(error: unknown): StoreError {
  if (error instanceof S3ServiceException) {
    return { code: error.name, status: error.$metadata.httpStatusCode, message: error.message };
  }
  const { code, name } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    name?: unknown;
  };
  return {
    code: typeof code === 'string' ? code : typeof name === 'string' ? name : undefined,
    status: undefined,
    message: error instanceof Error ? error.message : String(error),
  };
}

/**
 * Every object under the prefix, one listing page (1,000 keys) at a time. Also how the
 * deploy finds out, before it changes anything, that the bucket exists and the keys work.
 *
 * @example
 * await listObjects(client, 'bao-lam-dong', 'luu-tru'); // [{ key: 'luu-tru/index.html', etag: '"…"', size: 5120 }, …]
 */
export async function listObjects(client: S3Client, bucket: string, prefix: string): Promise<RemoteObject[]> {
  const objects: RemoteObject[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix ? `${prefix}/` : undefined, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) {
      if (object.Key) objects.push({ key: object.Key, etag: object.ETag ?? '', size: object.Size ?? 0 });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

/**
 * The rules digest an object was sent with, or undefined when it has none or does not exist.
 *
 * @example
 * await storedRulesDigest(client, 'bao-lam-dong', 'index.html'); // '5b1d0c…'
 */
export async function storedRulesDigest(client: S3Client, bucket: string, key: string): Promise<string | undefined> {
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return head.Metadata?.[RULES_METADATA];
  } catch (error) {
    if (storeError(error).status === 404) return undefined;
    throw error;
  }
}

/**
 * Sends one file of `dist/` in a single request (so its ETag is its MD5, which the next
 * deploy compares), with its headers, its MD5 for the store to check the bytes against, and
 * the rules digest.
 *
 * @example
 * await putFile(client, 'bao-lam-dong', 'dist', upload, rules);
 */
export async function putFile(
  client: S3Client,
  bucket: string,
  dist: string,
  upload: Upload,
  rulesDigest: string,
): Promise<void> {
  const body = await readFile(path.join(dist, upload.file));
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: upload.key,
      Body: body,
      ContentLength: body.length,
      ContentMD5: Buffer.from(upload.md5, 'hex').toString('base64'),
      ContentType: upload.contentType,
      CacheControl: upload.cacheControl,
      WebsiteRedirectLocation: upload.redirectLocation,
      Metadata: { [RULES_METADATA]: rulesDigest },
    }),
  );
}

/**
 * Deletes keys, a thousand per request; fails on the first key the store would not delete.
 *
 * @example
 * await deleteKeys(client, 'bao-lam-dong', ['bai-viet/cu/index.html'], (n) => bar.increment(n));
 */
export async function deleteKeys(
  client: S3Client,
  bucket: string,
  keys: readonly string[],
  done: (count: number) => void,
): Promise<void> {
  for (let start = 0; start < keys.length; start += DELETE_BATCH) {
    const batch = keys.slice(start, start + DELETE_BATCH);
    const result = await client.send(
      new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
      }),
    );
    const failed = result.Errors?.[0];
    if (failed) throw new Error(`${failed.Key}: ${failed.Code ?? ''} ${failed.Message ?? ''}`.trim());
    done(batch.length);
  }
}
