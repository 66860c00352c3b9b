/**
 * Spreads a list of jobs over worker threads, one per core, in batches, keeping results in
 * job order. Shared by the content loader, `npm run check` and the importer: the per-file
 * work (parse, validate, render) is what makes large archives slow on one core.
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';

export interface WorkerPoolOptions<J, R> {
  /** Module that calls {@link serveBatches}. */
  worker: URL;
  jobs: readonly J[];
  /** The same work in this thread, used below `threshold` jobs. */
  inProcess: (job: J) => R;
  /** Below this many jobs, starting threads costs more than it saves. */
  threshold?: number;
  batchSize?: number;
  /** Sent once to each worker as `workerData` (e.g. the category registry). */
  context?: unknown;
  /** Called as batches complete, with how many jobs just finished. */
  onDone?: (count: number) => void;
}

/**
 * @example
 * const outcomes = await mapOnWorkers({ worker: new URL('./article-worker.ts', import.meta.url), jobs, inProcess });
 */
export async function mapOnWorkers<J, R>(options: WorkerPoolOptions<J, R>): Promise<R[]> {
  const { jobs, inProcess, threshold = 400, batchSize = 250, onDone = () => {} } = options;
  const threads = Math.min(availableParallelism(), Math.ceil(jobs.length / batchSize));
  if (jobs.length < threshold || threads < 2) {
    return jobs.map((job) => {
      const result = inProcess(job);
      onDone(1);
      return result;
    });
  }
  const results = new Array<R>(jobs.length);
  const workers: Worker[] = [];
  let next = 0;
  const run = async () => {
    const worker = new Worker(options.worker, { workerData: options.context });
    workers.push(worker);
    while (next < jobs.length) {
      const start = next;
      next += batchSize;
      const batch = jobs.slice(start, start + batchSize);
      const done = await new Promise<R[]>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage(batch);
      });
      worker.removeAllListeners('error');
      done.forEach((result, offset) => (results[start + offset] = result));
      onDone(done.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: threads }, run));
  } finally {
    // Also on failure: a live worker would keep the process from exiting.
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}

/**
 * Worker side of {@link mapOnWorkers}: answers each batch with its results, in order.
 *
 * @example
 * serveBatches((job: ArticleJob) => processArticle(job));
 */
export function serveBatches<J, R>(work: (job: J) => R): void {
  parentPort?.on('message', (batch: J[]) => parentPort?.postMessage(batch.map(work)));
}
