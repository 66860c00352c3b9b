/**
 * Whether a word is spelled as a Vietnamese syllable: an initial consonant, a rhyme from the
 * closed set of Vietnamese rhymes, at most one tone mark, sitting on a vowel, and the tone
 * rule of stopped syllables (a final p, t, c, ch takes only the acute or the dot below).
 * Text decoded with the wrong table (`Hoäi nghò`, `Thá»© tÆ°`) is full of words that fail
 * this, while real Vietnamese fails it only for foreign names and acronyms.
 */

const INITIALS = [
  'ngh',
  'ng',
  'gh',
  'gi',
  'kh',
  'nh',
  'ph',
  'qu',
  'th',
  'tr',
  'ch',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'q',
  'r',
  's',
  't',
  'v',
  'x',
];

/** Every rhyme (vowels and final consonant) without its tone; `k` finals are Central Highlands names (Đắk Lắk). */
const RHYMES = new Set(
  `a ac ach ai ak am an ang anh ao ap at au ay
   ăc ăk ăm ăn ăng ăp ăt
   âc âm ân âng âp ât âu ây
   e ec em en eng eo ep et
   ê êch êk êm ên ênh êp êt êu
   i ia ich im in inh ip it iu
   iêc iêm iên iêng iêp iêt iêu
   o oc oi ok om on ong op ot oong ooc
   oa oac oach oai oam oan oang oanh oao oap oat oay
   oăc oăm oăn oăng oăt
   oe oen oeo oet
   ô ôc ôi ôk ôm ôn ông ôp ôt
   ơ ơi ơk ơm ơn ơp ơt
   u uc ui uk um un ung up ut
   ua uôc uôi uôm uôn uông uôt
   uân uâng uât uây
   uê uêch uênh uơ
   uy uych uyn uynh uyp uyt uyu uya uyên uyêt
   ư ưa ưc ưi ưk ưm ưn ưng ưt ưu
   ươc ươi ươm ươn ương ươp ươt ươu
   y yêm yên yêng yêt yêu`.split(/\s+/),
);

const VOWELS = new Set('aăâeêioôơuưy');
/** Combining marks that make a letter (â, ă, ơ…) rather than a tone. */
const LETTER_MARKS = new Map([
  ['\u0302', 'aeo'], // circumflex: â ê ô
  ['\u0306', 'a'], // breve: ă
  ['\u031b', 'ou'], // horn: ơ ư
]);
const TONES = new Map([
  ['\u0300', 'huyền'],
  ['\u0301', 'sắc'],
  ['\u0303', 'ngã'],
  ['\u0309', 'hỏi'],
  ['\u0323', 'nặng'],
]);
const STOPPED = /(?:p|t|c|ch|k)$/;
/** Spelling rules: k, gh and ngh come only before i, e, ê and y; c, g and ng never do. */
const FRONT = /^[ieêy]/;
const BEFORE_FRONT_ONLY = new Set(['k', 'gh', 'ngh']);
const NEVER_BEFORE_FRONT = new Set(['c', 'g', 'ng']);

function spelled(initial: string, rhyme: string): boolean {
  if (!RHYMES.has(rhyme)) return false;
  if (BEFORE_FRONT_ONLY.has(initial)) return FRONT.test(rhyme);
  if (NEVER_BEFORE_FRONT.has(initial)) return !FRONT.test(rhyme);
  if (initial === 'q') return rhyme.startsWith('u');
  return true;
}

/**
 * True when `word` is spelled as one Vietnamese syllable (any case, NFC or NFD).
 *
 * @example
 * isVietnameseSyllable('Nguyễn'); // true
 * isVietnameseSyllable('khuỷu');  // true
 * isVietnameseSyllable('hoäi');   // false (ä is no Vietnamese letter)
 * isVietnameseSyllable('keát');   // false (no rhyme "eat")
 * isVietnameseSyllable('ñua');    // false (a tone mark on a consonant)
 * isVietnameseSyllable('nghò');   // false (ngh comes only before i, e, ê)
 * isVietnameseSyllable('hàt');    // false (a syllable ending in t takes only sắc or nặng)
 */
export function isVietnameseSyllable(word: string): boolean {
  let bare = '';
  let tone: string | undefined;
  // Ð (eth) stands in for Đ in much text typed on old keyboards and fonts.
  for (const char of word.toLowerCase().replaceAll('ð', 'đ').normalize('NFD')) {
    if (/[a-zđ]/.test(char)) {
      bare += char;
      continue;
    }
    const base = bare.at(-1) ?? '';
    const letterOf = LETTER_MARKS.get(char);
    if (letterOf !== undefined) {
      if (!letterOf.includes(base)) return false;
      bare += char;
      continue;
    }
    const toneName = TONES.get(char);
    if (toneName === undefined || tone !== undefined) return false;
    // The tone sits on the vowel (or on its â/ă/ơ… mark), never on a consonant (ñ).
    const bareBase = [...bare.normalize('NFC')].at(-1) ?? '';
    if (!VOWELS.has(bareBase)) return false;
    tone = toneName;
  }
  const letters = bare.normalize('NFC');
  for (const initial of ['', ...INITIALS]) {
    if (!letters.startsWith(initial)) continue;
    const rest = letters.slice(initial.length);
    // gi + a rhyme of i shares the i: gì, gìn, giếng.
    const rhyme = initial === 'gi' && !RHYMES.has(rest) ? `i${rest}` : rest;
    if (!spelled(initial, rhyme)) continue;
    if (STOPPED.test(rhyme) && tone !== undefined && tone !== 'sắc' && tone !== 'nặng') continue;
    return true;
  }
  return false;
}

export interface SyllableCheck {
  /** Words with a letter outside ASCII: the ones a wrong decoding shows in. */
  checked: number;
  /** Those of them that are not Vietnamese syllables, in text order, each once. */
  invalid: string[];
  /** How many of the checked words are not Vietnamese syllables (repeats included). */
  invalidCount: number;
}

/** Verdicts on words already seen: an archive repeats the same syllables millions of times. */
const known = new Map<string, boolean>();
const KNOWN_LIMIT = 100_000;

/**
 * Checks the words of a text that hold a letter outside ASCII. Words in plain ASCII (English,
 * acronyms, Vietnamese written without marks) and numbers are left out, so a loan word never
 * counts against a text, and what is left is where a wrong decoding shows. With `limit`, only
 * that many such words from the start are checked.
 *
 * @example
 * checkSyllables('Festival Hoa Đà Lạt 2022, HĐND'); // { checked: 3, invalid: ['HĐND'], invalidCount: 1 }
 * checkSyllables('Hoäi nghò toång keát');            // { checked: 4, invalid: ['Hoäi', 'nghò', 'toång', 'keát'], invalidCount: 4 }
 */
export function checkSyllables(text: string, limit = Infinity): SyllableCheck {
  let checked = 0;
  let invalidCount = 0;
  const invalid = new Set<string>();
  for (const [word] of text.normalize('NFC').matchAll(/[\p{L}\p{M}]+/gu)) {
    if (checked >= limit) break;
    if (/^[\p{ASCII}]*$/u.test(word)) continue;
    checked++;
    let valid = known.get(word);
    if (valid === undefined) {
      valid = isVietnameseSyllable(word);
      // Vietnamese has a few thousand syllables in each case, so this stays small on real text.
      if (known.size >= KNOWN_LIMIT) known.clear();
      known.set(word, valid);
    }
    if (!valid) {
      invalidCount++;
      invalid.add(word);
    }
  }
  return { checked, invalid: [...invalid], invalidCount };
}
