/**
 * What the search page makes of a query before it asks Pagefind: the words to find, in order,
 * each with the index words (Pagefind's keys) that hold it. Pure, shared by the page and tests.
 *
 * Pagefind folds tone and vowel marks in its index but keeps `đ` (it has no decomposition), so
 * a word folded to start with `d` is looked up both as `d…` and as `đ…`. Words typed without
 * their spaces ("dalat") are split into syllables ({@link splitSyllables}).
 */
import { splitSyllables } from './syllables.ts';
import { foldVietnamese } from './text.ts';
import { normalizeQuery, tokenize } from './search-fold.ts';

/** One word of the query. */
export interface QueryWord {
  /** As typed, lowercased, NFC ("đức"); for a split word, the syllable folded ("duc"). */
  typed: string;
  /** Folded: no marks, `đ` as `d`, lowercase ("duc"). */
  folded: string;
  /** The forms Pagefind indexes it under: marks folded, `đ` kept ("duc", "đuc"). */
  keys: string[];
  /** Whether the reader typed marks on it (then a match spelled alike ranks first). */
  marked: boolean;
  /** Whether it may be the start of a longer word: the last word, while the reader types. */
  prefix: boolean;
}

export interface ParsedQuery {
  /** The query normalised as shown back to the reader. */
  text: string;
  /** Quoted: the words must stand together, in order, exactly as typed (no split, no prefix). */
  quoted: boolean;
  words: QueryWord[];
  /** Words typed joined that were split into syllables ("dalat"), folded. */
  joined: string[];
}

const QUOTED = /^\s*["“”„«»](.+?)["“”„«»]?\s*$/u;

/**
 * Pagefind's form of a word: marks removed, `đ` kept, lowercase.
 *
 * @example
 * indexKey('Đức'); // 'đuc'
 */
export function indexKey(word: string): string {
  return word
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^đ]/gu, (char) => char.normalize('NFD').replace(/\p{M}/gu, ''));
}

function keysOf(folded: string): string[] {
  return folded.startsWith('d') ? [folded, `đ${folded.slice(1)}`] : [folded];
}

/**
 * Parses what the reader typed. The last word counts as a prefix unless the query is quoted
 * or ends with a space; joined syllables are split unless quoted or `split` is false (the
 * page parses again without splitting when the archive holds the joined word as written).
 *
 * @example
 * parseQuery('Đà Lạt').words.map((word) => word.keys); // [['da', 'đa'], ['lat']]
 * parseQuery('caphe ').words.map((word) => word.folded); // ['ca', 'phe']
 * parseQuery('"giao ước"').quoted; // true
 */
export function parseQuery(raw: string, options: { split?: boolean } = {}): ParsedQuery {
  const text = normalizeQuery(raw);
  const quotedMatch = QUOTED.exec(text);
  const quoted = Boolean(quotedMatch && /["“”„«»]\s*$/u.test(text));
  const body = quoted ? quotedMatch![1]! : text;
  const tokens = tokenize(body);
  const endsWord = !quoted && !/\s$/.test(raw.normalize('NFC'));
  const words: QueryWord[] = [];
  const joined: string[] = [];
  tokens.forEach((token, index) => {
    const typed = token.text.toLowerCase();
    const folded = foldVietnamese(typed);
    const last = index === tokens.length - 1;
    const split = quoted || options.split === false ? undefined : splitSyllables(folded);
    if (split) {
      joined.push(folded);
      split.forEach((syllable, at) =>
        words.push({
          typed: syllable,
          folded: syllable,
          keys: keysOf(syllable),
          marked: false,
          prefix: last && endsWord && at === split.length - 1,
        }),
      );
      return;
    }
    const key = indexKey(typed);
    words.push({
      typed,
      folded,
      keys: key.startsWith('đ') ? [key, folded] : keysOf(folded),
      marked: typed !== folded,
      prefix: last && endsWord,
    });
  });
  return { text, quoted, words, joined };
}

/**
 * The query with words replaced, as a suggestion to search instead.
 *
 * @example
 * replaceWords(parseQuery('festivalx hoa'), new Map([['festivalx', 'festival']])); // 'festival hoa'
 */
export function replaceWords(query: ParsedQuery, replacements: ReadonlyMap<string, string>): string {
  return tokenize(query.text)
    .map((token) => replacements.get(foldVietnamese(token.text)) ?? token.text)
    .join(' ');
}

/**
 * The query as searched, given which index words the archive holds (`held`): a word typed
 * joined is split into syllables unless the archive holds it as written ("langbiang"), and
 * the last word is the start of longer words only while the archive does not hold it whole
 * ("festiv" finds "festival"; "lo" is "lo", not "long").
 *
 * @example
 * const held = (key: string) => ['langbiang', 'lo'].includes(key);
 * resolveQuery('langbiang', held).words.map((word) => word.folded); // ['langbiang']
 * resolveQuery('sat lo', held).words.map((word) => word.prefix); // [false, false]
 * resolveQuery('sat l', held).words.map((word) => word.prefix); // [false, true]
 */
export function resolveQuery(typed: string, held: (key: string) => boolean): ParsedQuery {
  let query = parseQuery(typed);
  if (query.joined.some((word) => held(indexKey(word)))) query = parseQuery(typed, { split: false });
  const last = query.words.at(-1);
  if (last?.prefix && last.keys.some(held)) query.words[query.words.length - 1] = { ...last, prefix: false };
  return query;
}
