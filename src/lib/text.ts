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

// C0 controls but tab and line feed (carriage returns are turned into line feeds on the way in),
// DEL and C1 controls, U+FFFD (what a decoder leaves of bytes that are not UTF-8), lone
// surrogates and noncharacters: none is text a journalist meant, and XML forbids several.
const FORBIDDEN_CHARACTER = /(?![\t\n])\p{Cc}|\uFFFD|\p{Cs}|\p{Noncharacter_Code_Point}/u;

/** A character that has no place in published text, where it is and how to name it. */
export interface ForbiddenCharacter {
  /** Index in the string (UTF-16 units). */
  index: number;
  /** `U+0001` */
  codePoint: string;
  /** Vietnamese description for an error message. */
  description: string;
}

/**
 * Finds the first character no article, registry or feed may carry: control characters other
 * than tab and line feed, bytes that were not valid UTF-8 (decoded as U+FFFD), lone surrogates
 * and noncharacters.
 *
 * @example
 * findForbiddenCharacter('Đà Lạt\u0001'); // { index: 6, codePoint: 'U+0001', description: 'ký tự điều khiển U+0001' }
 * findForbiddenCharacter('Đà Lạt\tmới\n'); // undefined
 */
export function findForbiddenCharacter(text: string): ForbiddenCharacter | undefined {
  const match = FORBIDDEN_CHARACTER.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0)!;
  const codePoint = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const description =
    code === 0xfffd
      ? 'byte không phải UTF-8 hợp lệ (hiện thành ký tự �)'
      : code <= 0x9f
        ? `ký tự điều khiển ${codePoint}`
        : code >= 0xd800 && code <= 0xdfff
          ? `nửa cặp ký tự UTF-16 lẻ ${codePoint}`
          : `ký tự không dùng được ${codePoint}`;
  return { index: match.index, codePoint, description };
}
