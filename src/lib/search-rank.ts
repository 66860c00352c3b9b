/**
 * The search page's ranking rule, pure so that every step is unit-tested:
 *
 * 1. Articles holding the query's words together and in order (a phrase: "Đà Lạt") come
 *    before articles holding them apart; the apart-only ones are shown only when no article
 *    holds the phrase (see {@link keepBest}).
 * 2. Within each group: the phrase spelled with the marks the reader typed before a folded
 *    match; then the phrase (apart: every word) in the title before the body; then newer before older.
 *
 * Positions are word locations in an article's text, which starts with its title.
 */
import { editDistance, foldVietnamese } from './text.ts';

/** What the ranking needs to know of one matching article. */
export interface Candidate {
  /** Whether the words stand together and in order somewhere in the article. */
  phrase: boolean;
  /** Whether they do (or, apart, appear) with the marks the reader typed. */
  accented: boolean;
  /**
   * Whether the title holds the phrase (found in the phrase index) or every word (found by
   * Pagefind: words apart, or under a filter, where only Pagefind knows which articles qualify).
   */
  title: boolean;
  /** The article's search bundle, newest bundle 0 (bundles hold consecutive months). */
  bundle: number;
  /** Its place in its bundle, newest first. */
  dateRank: number;
}

/** Relevance (the rule above) or newest first (phrase before apart, then date). */
export type RankOrder = 'relevance' | 'date';

/**
 * The first position at which the words stand together and in order: `locations[i]` are the
 * positions of word `i`. -1 when they never do. One word: its first position.
 *
 * @example
 * phraseStart([[3, 10], [11, 4]]); // 3
 * phraseStart([[3], [7]]); // -1
 */
export function phraseStart(locations: readonly (readonly number[])[]): number {
  const [first, ...rest] = locations;
  if (!first) return -1;
  const sets = rest.map((positions) => new Set(positions));
  let found = -1;
  for (const start of first) {
    if ((found === -1 || start < found) && sets.every((set, index) => set.has(start + index + 1))) found = start;
  }
  return found;
}

/**
 * Compares two candidates for the order given: negative when `a` comes first.
 *
 * @example
 * const base = { phrase: true, accented: false, title: false, bundle: 0, dateRank: 0 };
 * compareCandidates({ ...base, title: true, dateRank: 5 }, base, 'relevance'); // < 0: the title wins
 * compareCandidates({ ...base, title: true, dateRank: 5 }, base, 'date'); // > 0: the newer wins
 */
export function compareCandidates(a: Candidate, b: Candidate, order: RankOrder): number {
  const keys = (candidate: Candidate) => [
    candidate.phrase ? 0 : 1,
    ...(order === 'relevance' ? [candidate.accented ? 0 : 1, candidate.title ? 0 : 1] : []),
    candidate.bundle,
    candidate.dateRank,
  ];
  const left = keys(a);
  const right = keys(b);
  for (let index = 0; index < left.length; index++) {
    if (left[index] !== right[index]) return left[index]! - right[index]!;
  }
  return 0;
}

/**
 * The candidates to show, ranked: those holding the phrase when any does (the others are then
 * left out, not listed after them: with folded tones, "da lat" apart is "đã … lát", noise),
 * otherwise all of them.
 *
 * @example
 * keepBest([{ phrase: false, …, dateRank: 0 }, { phrase: true, …, dateRank: 1 }], 'relevance'); // [the phrase one]
 */
export function keepBest<T extends Candidate>(candidates: readonly T[], order: RankOrder): T[] {
  const phrase = candidates.filter((candidate) => candidate.phrase);
  return [...(phrase.length > 0 ? phrase : candidates)].sort((a, b) => compareCandidates(a, b, order));
}

/**
 * The closest word of the archive to one that matches nothing: within one edit for a word of
 * up to five letters, two beyond (folded on both sides), the nearest first, then the most
 * frequent. `vocabulary` maps words as written (lowercase) to how many articles hold them.
 *
 * @example
 * suggestWord('festivalx', new Map([['festival', 3], ['hoa', 9]])); // 'festival'
 * suggestWord('xyzqwv', new Map([['x', 1], ['hoa', 9]])); // undefined
 */
export function suggestWord(word: string, vocabulary: ReadonlyMap<string, number>): string | undefined {
  const folded = foldVietnamese(word);
  const limit = folded.length <= 5 ? 1 : 2;
  let best: { word: string; distance: number; count: number } | undefined;
  for (const [candidate, count] of vocabulary) {
    const other = foldVietnamese(candidate);
    if (other === folded || Math.abs(other.length - folded.length) > limit) continue;
    const distance = editDistance(folded, other);
    if (distance > limit) continue;
    if (!best || distance < best.distance || (distance === best.distance && count > best.count)) {
      best = { word: candidate, distance, count };
    }
  }
  return best?.word;
}

/**
 * A vocabulary file as the search index writes it (`word count` per line) read into a map;
 * several files add up.
 *
 * @example
 * readVocabulary(['festival 2\nhoa 5', 'hoa 1']); // Map { 'festival' => 2, 'hoa' => 6 }
 */
export function readVocabulary(files: readonly string[]): Map<string, number> {
  const vocabulary = new Map<string, number>();
  for (const file of files) {
    for (const line of file.split('\n')) {
      const [word, count] = line.split(' ');
      if (word && count) vocabulary.set(word, (vocabulary.get(word) ?? 0) + Number(count));
    }
  }
  return vocabulary;
}

/**
 * Beside each bundle: its articles' words with how many hold each ({@link vocabularyText}), which
 * the search page reads only to suggest a close word when a query word matches nothing.
 */
export const VOCABULARY_FILE = 'words.txt';

/**
 * A bundle's vocabulary file from how many of its pages hold each word: one `word count` a
 * line, in word order. The search page suggests from it and its index words come from it.
 *
 * @example
 * vocabularyText(new Map([['đà', 2], ['lạt', 1]])); // 'lạt 1\nđà 2\n'
 */
export function vocabularyText(counts: ReadonlyMap<string, number>): string {
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([word, count]) => `${word} ${count}\n`)
    .join('');
}
