/**
 * Vietnamese text primitives: NFC normalisation on the way in and diacritic folding for
 * keys, slugs and search. Pure functions, no I/O.
 */

const COMBINING_MARKS = /\p{M}/gu;

/**
 * Normalises text to NFC, the form every string is stored in (old exports arrive decomposed).
 *
 * @example
 * toNfc('Lạt'.normalize('NFD')) === 'Lạt'; // true
 */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Strips every diacritic, maps `đ`/`Đ` to `d`/`D` and lowercases: the form used to match
 * what readers and journalists type without accents. Works on NFC and NFD input alike.
 *
 * @example
 * foldVietnamese('Đà Lạt, Hoà Bình'); // 'da lat, hoa binh'
 */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * Levenshtein edit distance, used to suggest the nearest known key or category.
 *
 * @example
 * editDistance('tac gia', 'tac gai'); // 2
 */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * Picks the candidate closest to `input` by edit distance, or `undefined` when none is
 * within `maxDistance` (by default, half the input's length, at least 2).
 *
 * @example
 * nearest('tac gai', ['tac gia', 'tieu de']); // 'tac gia'
 */
export function nearest(
  input: string,
  candidates: readonly string[],
  maxDistance = Math.max(2, Math.ceil(input.length / 2)),
): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(input, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= maxDistance ? best : undefined;
}
