/**
 * `node scripts/bench/local-store.ts`: an S3-compatible store on loopback for the benchmark's
 * deploy step (`scripts/lib/local-s3.ts`, as the deploy tests start it), with the bucket
 * `deploy-step.ts` names, in a process of its own so its work is not the benchmark's. Prints its
 * endpoint as one line, and closes and removes its objects when its standard input ends.
 */
import { startLocalStore } from '../lib/local-s3.ts';
import { BENCH_BUCKET } from './deploy-step.ts';

const store = await startLocalStore({ buckets: [{ name: BENCH_BUCKET }] });
console.log(store.endpoint);
process.stdin.resume();
process.stdin.on('end', () => {
  void store.close().then(() => process.exit(0));
});
