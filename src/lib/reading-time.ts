/**
 * How long an article takes to read, for the line under its dateline. Vietnamese is written a
 * syllable a word, so words here are syllables, read at a steady adult pace.
 */

/** Syllables an adult reads in a minute, reading Vietnamese news for understanding. */
export const SYLLABLES_PER_MINUTE = 230;

/**
 * Whole minutes to read a text, at least one.
 *
 * @example
 * readingMinutes('Đà Lạt '.repeat(460)); // 4 (920 syllables)
 */
export function readingMinutes(text: string, perMinute = SYLLABLES_PER_MINUTE): number {
  const syllables = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return Math.max(1, Math.round(syllables / perMinute));
}
