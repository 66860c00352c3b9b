/**
 * The VNI-Windows font encoding: ASCII letters followed by bytes that add a mark to the vowel
 * before them (`a` + `ù` = `á`, `a` + `á` = `ấ`), plus single bytes for đ, ơ, ư and the
 * marked i and ỵ. Old newsroom files come in it, either as raw bytes or, once opened as
 * Latin-1 and saved again, as UTF-8 text such as `Hoäi nghò`.
 */
import iconv from 'iconv-lite';

const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const [HUYEN, SAC, NGA, HOI, NANG] = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'] as const;

/** Bytes (lowercase form) that add marks to the vowel before them. */
const MODIFIERS = new Map<number, string>([
  [0xf9, SAC],
  [0xf8, HUYEN],
  [0xfb, HOI],
  [0xf5, NGA],
  [0xef, NANG],
  [0xe2, CIRCUMFLEX],
  [0xe1, CIRCUMFLEX + SAC],
  [0xe0, CIRCUMFLEX + HUYEN],
  [0xe5, CIRCUMFLEX + HOI],
  [0xe3, CIRCUMFLEX + NGA],
  [0xe4, CIRCUMFLEX + NANG],
  [0xea, BREVE],
  [0xe9, BREVE + SAC],
  [0xe8, BREVE + HUYEN],
  [0xfa, BREVE + HOI],
  [0xfc, BREVE + NGA],
  [0xeb, BREVE + NANG],
]);
/** Bytes (lowercase form) that are whole letters. */
const LETTERS = new Map<number, string>([
  [0xf1, 'đ'],
  [0xf4, 'ơ'],
  [0xf6, 'ư'],
  [0xed, 'í'],
  [0xec, 'ì'],
  [0xe6, 'ỉ'],
  [0xf3, 'ĩ'],
  [0xf2, 'ị'],
  [0xee, 'ỵ'],
]);
// The uppercase forms sit 0x20 lower, as in Latin-1 (Ù 0xd9 beside ù 0xf9).
for (const [byte, marks] of [...MODIFIERS]) MODIFIERS.set(byte - 0x20, marks);
for (const [byte, letter] of [...LETTERS]) LETTERS.set(byte - 0x20, letter.toUpperCase());

const MARKABLE = /[aeiouyơư]$/i;

/**
 * Decodes VNI-Windows bytes to NFC text, or `undefined` when a mark byte follows something
 * that is not a vowel (then the bytes are not VNI, and guessing would invent letters).
 *
 * @example
 * decodeVni(Buffer.from('Hoäi nghò toång keát', 'latin1')); // 'Hội nghị tổng kết'
 * decodeVni(Buffer.from('tù', 'latin1'));                  // undefined
 */
export function decodeVni(bytes: Uint8Array): string | undefined {
  let text = '';
  // The letter the next mark byte would go on, without its marks.
  let base = '';
  for (const byte of bytes) {
    const modifier = MODIFIERS.get(byte);
    if (modifier !== undefined) {
      if (!MARKABLE.test(base)) return undefined;
      text += modifier;
      continue;
    }
    const letter =
      LETTERS.get(byte) ?? (byte < 0x80 ? String.fromCharCode(byte) : iconv.decode(Buffer.of(byte), 'cp1252'));
    text += letter;
    base = letter.normalize('NFD')[0] ?? '';
    if (letter === 'ơ' || letter === 'ư' || letter === 'Ơ' || letter === 'Ư') base = letter;
  }
  return text.normalize('NFC');
}

/** Windows-1252 characters of the bytes 0x80 to 0x9f, for turning mis-opened text back into bytes. */
const CP1252_BYTES = new Map<string, number>(
  Array.from({ length: 0x20 }, (_, offset) => [iconv.decode(Buffer.of(0x80 + offset), 'cp1252'), 0x80 + offset]),
);

/**
 * The bytes a text had before it was opened as Latin-1 (or Windows-1252) and saved again, or
 * `undefined` when it holds a character those tables do not have (then it was not made that way).
 *
 * @example
 * latin1Bytes('Hoäi “x”'); // <Buffer 48 6f e4 69 20 93 78 94>
 * latin1Bytes('Hội');      // undefined
 */
export function latin1Bytes(text: string): Uint8Array | undefined {
  const chars = [...text.normalize('NFC')];
  const bytes = new Uint8Array(chars.length);
  for (const [index, char] of chars.entries()) {
    const code = char.codePointAt(0)!;
    const byte = code <= 0xff ? code : CP1252_BYTES.get(char);
    if (byte === undefined) return undefined;
    bytes[index] = byte;
  }
  return bytes;
}

const MARK_BYTES = new Map<string, number>([...MODIFIERS].filter(([byte]) => byte >= 0xe0).map(([b, m]) => [m, b]));
const LETTER_BYTES = new Map<string, number>([...LETTERS].map(([byte, letter]) => [letter, byte]));

/**
 * Encodes text as a VNI-Windows editor saves it. Used to make test inputs.
 *
 * @example
 * encodeVni('Hội nghị'); // <Buffer 48 6f e4 69 20 6e 67 68 f2>
 */
export function encodeVni(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const whole = LETTER_BYTES.get(char);
    if (whole !== undefined) {
      bytes.push(whole);
      continue;
    }
    const [base = '', ...marks] = char.normalize('NFD');
    const typography = marks.length === 0 ? CP1252_BYTES.get(char) : undefined;
    if (typography !== undefined || (marks.length === 0 && char >= '\u00a0' && char < '\u00c0')) {
      bytes.push(typography ?? char.charCodeAt(0));
      continue;
    }
    const horn = marks.includes('\u031b');
    const letter = horn ? LETTER_BYTES.get(`${base}\u031b`.normalize('NFC')) : base.charCodeAt(0);
    if (letter === undefined || letter >= 0x100 || (!horn && letter >= 0x80))
      throw new Error(`"${char}" has no VNI form`);
    bytes.push(letter);
    // The letter mark (circumflex, breve) comes before the tone in the table, whatever NFD's order.
    const ordered =
      marks.filter((mark) => mark === CIRCUMFLEX || mark === BREVE).join('') +
      marks.filter((mark) => mark !== CIRCUMFLEX && mark !== BREVE && mark !== '\u031b').join('');
    if (ordered) {
      const byte = MARK_BYTES.get(ordered);
      if (byte === undefined) throw new Error(`"${char}" has no VNI form`);
      bytes.push(base === base.toLowerCase() ? byte : byte - 0x20);
    }
  }
  return Buffer.from(bytes);
}
