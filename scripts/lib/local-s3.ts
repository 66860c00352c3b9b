/**
 * An S3-compatible store on loopback (s3rver), for the deploy tests and the benchmark's deploy
 * step: the deploy code talks to it with the same client as to a real store. s3rver needs three
 * mends to answer as real stores do, made here once:
 *
 * - it encrypts a listing's continuation token with single DES, which OpenSSL 3 offers only with
 *   its legacy provider; two-key triple DES with both keys equal is the same cipher and is offered;
 * - it deletes a batch's keys at once and then removes each key's emptied folders, which fails
 *   when two keys share a folder: deletions run one at a time;
 * - it signs a bucket-level request (a listing, a batch of deletions) as `/bucket` where the SDK
 *   signs `/bucket/`: such a path is read without its slash after the signature is checked.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The request as s3rver's middleware sees it (a Koa context). */
export interface StoreContext {
  method: string;
  path: string;
  query: Record<string, unknown>;
  mountPath?: string;
  state: { vhost?: boolean };
  req: { socket: { destroy: () => void } };
}
export type StoreMiddleware = (ctx: StoreContext, next: () => Promise<void>) => Promise<void>;

/** The parts of s3rver (shipped without types) used here. */
interface S3rverServer {
  store: { deleteObject: (bucket: string, key: string) => Promise<void> };
  middleware: StoreMiddleware[];
  run: () => Promise<AddressInfo>;
  close: () => Promise<void>;
}

export interface LocalStoreOptions {
  /** s3rver's `configureBuckets`: `{ name }`, or `{ name, configs }` for a website bucket. */
  buckets: readonly { name: string; configs?: readonly string[] }[];
  /** Runs first for every request: to record requests, or to fail some on purpose. */
  first?: StoreMiddleware;
  /** Accept requests whatever their signature (a client signing for another endpoint). */
  allowMismatchedSignatures?: boolean;
}

export interface LocalStore {
  /** `http://127.0.0.1:<port>`, for `AWS_ENDPOINT_URL_S3`. */
  endpoint: string;
  /** Stops the server and removes what it stored. */
  close: () => Promise<void>;
}

let desMended = false;
function mendDes(): void {
  if (desMended) return;
  desMended = true;
  const crypto = require('node:crypto') as typeof import('node:crypto');
  const { createCipheriv, createDecipheriv } = crypto;
  const des = (key: Buffer) => Buffer.concat([key, key]);
  Object.assign(crypto, {
    createCipheriv: (algorithm: string, key: Buffer, iv: Buffer) =>
      algorithm === 'des' ? createCipheriv('des-ede-cbc', des(key), iv) : createCipheriv(algorithm, key, iv),
    createDecipheriv: (algorithm: string, key: Buffer, iv: Buffer) =>
      algorithm === 'des' ? createDecipheriv('des-ede-cbc', des(key), iv) : createDecipheriv(algorithm, key, iv),
  });
}

/**
 * Starts a store on a free loopback port, keeping its objects in a temporary folder.
 *
 * @example
 * const store = await startLocalStore({ buckets: [{ name: 'kho-thu' }] });
 * // AWS_ENDPOINT_URL_S3=store.endpoint, AWS_ACCESS_KEY_ID=S3RVER, AWS_SECRET_ACCESS_KEY=S3RVER
 * await store.close();
 */
export async function startLocalStore(options: LocalStoreOptions): Promise<LocalStore> {
  mendDes();
  const S3rver = require('@20minutes/s3rver') as new (options: object) => S3rverServer;
  const directory = await mkdtemp(path.join(tmpdir(), 's3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    allowMismatchedSignatures: options.allowMismatchedSignatures ?? false,
    configureBuckets: options.buckets,
  });
  const deleteObject = server.store.deleteObject.bind(server.store);
  let deleting = Promise.resolve();
  server.store.deleteObject = (bucket, key) => {
    const done = deleting.then(() => deleteObject(bucket, key));
    deleting = done.catch(() => undefined);
    return done;
  };
  if (options.first) server.middleware.unshift(options.first);
  // Last before the router, after s3rver's own virtual-host middleware.
  server.middleware.splice(server.middleware.length - 1, 0, async (ctx, next) => {
    if (/^\/[^/]+\/$/.test(ctx.path) && !ctx.state.vhost) {
      ctx.state.vhost = true;
      ctx.mountPath = '/';
      ctx.path = ctx.path.slice(0, -1);
    }
    await next();
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
