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
