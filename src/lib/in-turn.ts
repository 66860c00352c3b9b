/**
 * Work over a list a few items at a time, answers in the list's order as they come, and no
 * new item started once the work is no longer wanted: the search page's bundle searches, which
 * Pagefind's worker answers one at a time, so a search the reader has moved past must stop
 * adding to the queue.
 */

/**
 * Runs `work` on each item, at most `limit` at a time, and yields the answers in the items'
 * order, each as soon as it and those before it have answered. Once `current()` is false no
 * item is started (those already started still yield). An answer that fails throws when its
 * turn comes; none is left rejected unheard.
 *
 * @example
 * for await (const results of inTurn(bundles, 6, () => current === generation, (bundle) => bundle.search(query))) {
 *   show(results);
 * }
 */
export async function* inTurn<T, R>(
  items: readonly T[],
  limit: number,
  current: () => boolean,
  work: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const started: Promise<R>[] = [];
  const startNext = () => {
    if (started.length >= items.length || !current()) return;
    const answer = work(items[started.length]!);
    answer.catch(() => undefined);
    started.push(answer);
  };
  while (started.length < Math.min(Math.max(1, limit), items.length) && current()) startNext();
  for (let next = 0; next < started.length; next++) {
    const answer = await started[next]!;
    startNext();
    yield answer;
  }
}

/** Runs a task now or after others (see {@link sharedTurns}). */
export type Turns = <R>(task: () => Promise<R>, alone?: boolean) => Promise<R>;

/**
 * Tasks that run side by side, except one marked `alone`: it starts once every task started
 * before it has settled, and the tasks after it wait until it has settled. The search page's
 * searches of one bundle: most run at once, so their index chunks load together, but a search
 * matching the marks as typed switches an option of the bundle's instance for its duration.
 * A failed task fails only its own promise.
 *
 * @example
 * const turn = sharedTurns();
 * turn(() => search('da'));
 * turn(() => search('lat')); // at once
 * turn(() => searchExact('đà'), true); // once both have answered
 */
export function sharedTurns(): Turns {
  let alone: Promise<unknown> = Promise.resolve();
  const running = new Set<Promise<unknown>>();
  const settled = (promise: Promise<unknown>) => promise.then(noop, noop);
  return <R>(task: () => Promise<R>, own = false): Promise<R> => {
    if (own) {
      const next = Promise.all([settled(alone), ...running]).then(task);
      alone = next;
      return next;
    }
    const next = settled(alone).then(task);
    const done = settled(next);
    running.add(done);
    void done.then(() => running.delete(done));
    return next;
  };
}

function noop(): void {}
