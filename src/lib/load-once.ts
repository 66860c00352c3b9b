/**
 * A value loaded once per key and kept for the callers after, such as a search bundle's files in
 * the browser. Pure: the loading is passed in.
 */

/** Where loads are kept: a `Map` or a `WeakMap`. */
export interface LoadStore<K, V> {
  get(key: K): Promise<V> | undefined;
  set(key: K, value: Promise<V>): unknown;
  delete(key: K): unknown;
}

/**
 * The load kept under `key`, started with `load` if there is none. A load that fails is
 * forgotten once it has failed, so the next caller loads again instead of failing for good.
 *
 * @example
 * const files = new Map<string, Promise<string>>();
 * await loadOnce(files, 'keys/d.txt', () => fetchText('keys/d.txt')); // fetched
 * await loadOnce(files, 'keys/d.txt', () => fetchText('keys/d.txt')); // the same text, not fetched again
 */
export function loadOnce<K, V>(store: LoadStore<K, V>, key: K, load: () => Promise<V>): Promise<V> {
  const kept = store.get(key);
  if (kept) return kept;
  const loading = load();
  loading.catch(() => {
    if (store.get(key) === loading) store.delete(key);
  });
  store.set(key, loading);
  return loading;
}
