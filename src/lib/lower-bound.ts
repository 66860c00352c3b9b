/**
 * Binary search in a list sorted ascending.
 */

/**
 * The first index whose value is not below `value`; the list's length when every value is.
 *
 * @example
 * lowerBound(Int32Array.of(2, 5, 9), 5); // 1
 * lowerBound(['da', 'lam', 'lat'], 'lan'); // 2
 * lowerBound(Int32Array.of(2, 5, 9), 10); // 3
 */
export function lowerBound<T extends number | string>(list: ArrayLike<T>, value: T): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
