/**
 * Vietnamese syllables in their folded form (no tone or vowel marks, `đ` as `d`, lowercase),
 * for search: whether a typed word is one syllable, and how a word typed without its spaces
 * ("dalat", "caphe") splits into syllables. Pure; the inventory is the spelling system's
 * onsets and rhymes, so any real syllable is known without a dictionary.
 */

/** Initial consonants as written (c/k, g/gh, ng/ngh are spelling variants). */
const ONSETS = new Set(
  '- b c ch d g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x'.split(' ').map((onset) => onset.replace('-', '')),
);

/**
 * Rhymes with their marks folded away ("ương" and "uông" are both "uong"); the `y`-initial
 * ones (yên, yêu) stand alone or follow `qu` (quyên).
 */
const RHYMES = new Set(
  (
    'a ac ach ai am an ang anh ao ap at au ay e ec ech em en eng enh eo ep et eu i ia ich iec iem ien ieng iep iet ' +
    'ieu im in inh ip it iu o oa oac oach oai oam oan oang oanh oao oap oat oay oc oe oen oeo oet oi om on ong ooc ' +
    'oong op ot u ua uan uang uat uay uc ue uech uenh ui um un ung uo uoc uoi uom uon uong uop uot uou up ut uu uy ' +
    'uya uych uyen uyet uynh uyt uyu y yem yen yet yeu'
  ).split(' '),
);

/** Onsets written only before a front vowel (e, ê, i, y), and those never written there. */
const FRONT_ONLY = new Set(['k', 'gh', 'ngh']);
const NOT_FRONT = new Set(['c', 'g', 'ng', 'q']);

/** The longest folded syllable: "nghieng". */
const LONGEST = 7;

/**
 * Whether a folded word (lowercase, no marks, `đ` as `d`) is one Vietnamese syllable.
 *
 * @example
 * isSyllable('nghieng'); // true
 * isSyllable('lat'); // true
 * isSyllable('dalat'); // false
 * isSyllable('biang'); // false
 */
export function isSyllable(word: string): boolean {
  if (word.length === 0 || word.length > LONGEST) return false;
  for (let split = 0; split <= Math.min(3, word.length - 1); split++) {
    const onset = word.slice(0, split);
    const rhyme = word.slice(split);
    if (!ONSETS.has(onset) || !RHYMES.has(rhyme)) continue;
    const front = /^[eiy]/.test(rhyme);
    if (FRONT_ONLY.has(onset) && !front) continue;
    if (NOT_FRONT.has(onset) && front && !(onset === 'g' && rhyme.startsWith('i'))) continue;
    // yên, yêu: the y-initial rhymes take no onset but qu.
    if (rhyme.startsWith('y') && rhyme.length > 1 && onset !== '' && onset !== 'qu') continue;
    return true;
  }
  return false;
}

/**
 * A folded word typed without its spaces, split into Vietnamese syllables: the split with the
 * fewest syllables, and among those the one whose breaks come earliest (a consonant between
 * two vowels opens the next syllable, as Vietnamese spells: "caphe" is "ca phe", not
 * "cap he"). `undefined` when the word is one syllable already, or does not split into
 * syllables at all (a name like "langbiang", an English word, a number).
 *
 * @example
 * splitSyllables('dalat'); // ['da', 'lat']
 * splitSyllables('ductrong'); // ['duc', 'trong']
 * splitSyllables('caphe'); // ['ca', 'phe']
 * splitSyllables('lat'); // undefined
 * splitSyllables('festival'); // undefined
 */
export function splitSyllables(word: string): string[] | undefined {
  if (!/^[a-z]+$/.test(word) || isSyllable(word)) return undefined;
  // best[i]: the best split of word.slice(i), or null when it has none.
  const best: (string[] | null)[] = Array.from({ length: word.length + 1 }, () => null);
  best[word.length] = [];
  for (let start = word.length - 1; start >= 0; start--) {
    for (let end = start + 1; end <= Math.min(word.length, start + LONGEST); end++) {
      const rest = best[end];
      if (rest === null || rest === undefined || !isSyllable(word.slice(start, end))) continue;
      const candidate = [word.slice(start, end), ...rest];
      const current = best[start];
      // Fewer syllables first; on a tie the shorter first syllable (the earlier break) wins,
      // and shorter lengths are tried first, so the first candidate found is kept.
      if (!current || candidate.length < current.length) best[start] = candidate;
    }
  }
  const split = best[0];
  return split && split.length > 1 ? split : undefined;
}
