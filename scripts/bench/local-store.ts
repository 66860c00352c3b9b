/**
 * `node --openssl-legacy-provider scripts/bench/local-store.ts`: an S3-compatible store on
 * loopback for the benchmark's deploy step (s3rver, as `tests/build/deploy.test.ts` starts
 * it), with the bucket `deploy-step.ts` names. Prints its endpoint as one line, and closes and
 * removes its objects when its standard input ends.
 *
 * s3rver signs a bucket-level request (a listing, a batch of deletions) as `/bucket` where the
 * SDK signs `/bucket/`, and deletes a batch's keys at once, which fails for keys sharing a
 * folder: both are handled as the deploy tests handle them.
 */
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BENCH_BUCKET } from './deploy-step.ts';

/** The parts of s3rver (a Koa application, shipped without types) used here. */
interface StoreContext {
  path: string;
  mountPath?: string;
  state: { vhost?: boolean };
}
interface S3rverServer {
  store: { deleteObject: (bucket: string, key: string) => Promise<void> };
  middleware: ((ctx: StoreContext, next: () => Promise<void>) => Promise<void>)[];
  run: () => Promise<AddressInfo>;
  close: () => Promise<void>;
}

const S3rver = createRequire(import.meta.url)('@20minutes/s3rver') as new (options: object) => S3rverServer;
const directory = await mkdtemp(path.join(tmpdir(), 'bench-s3rver-'));
const store = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: [{ name: BENCH_BUCKET }],
});
const deleteObject = store.store.deleteObject.bind(store.store);
let deleting = Promise.resolve();
store.store.deleteObject = (bucket, key) => {
  const done = deleting.then(() => deleteObject(bucket, key));
  deleting = done.catch(() => undefined);
  return done;
};
store.middleware.splice(store.middleware.length - 1, 0, async (ctx, next) => {
  if (/^\/[^/]+\/$/.test(ctx.path) && !ctx.state.vhost) {
    ctx.state.vhost = true;
    ctx.mountPath = '/';
    ctx.path = ctx.path.slice(0, -1);
  }
  await next();
});
const address = await store.run();
console.log(`http://127.0.0.1:${address.port}`);
process.stdin.resume();
process.stdin.on('end', () => {
  void store
    .close()
    .then(() => rm(directory, { recursive: true, force: true }))
    .then(() => process.exit(0));
});
