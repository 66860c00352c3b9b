/**
 * Turns the bytes of an old page save into text, or refuses them with a Vietnamese reason (the
 * encodings read: {@link decodeSave}). VNI and TCVN3 bytes are also valid Windows-1258, so a
 * decoding is kept only when its words are Vietnamese syllables: a wrong guess would be written
 * to the archive as mojibake.
 */
import iconv from 'iconv-lite';
import { checkSyllables } from '../vietnamese-syllables.ts';
import { decodeVni, latin1Bytes } from './vni.ts';

/** The encodings the importer reads. */
export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'vni' | 'vni-latin1';

export type DecodeResult = { ok: true; text: string; encoding: SourceEncoding } | { ok: false; reason: string };

/** Vietnamese letters outside ASCII, both cases, precomposed (NFC). */
const VIETNAMESE_LETTERS = new Set(
  'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ'
    .split('')
    .flatMap((letter) => [letter, letter.toUpperCase()]),
);
/** Non-ASCII characters a Vietnamese newsroom types besides letters. */
const TYPOGRAPHY = new Set('\u00a0\ufeff“”‘’–—…•«»°·×€₫©®™'.split(''));

// Classic UTF-8 read as Windows-1252/Latin-1 and saved again ("Thá»© tÆ°", "Ä‘"): no
// Vietnamese word holds these pairs, so they mean the save itself is already broken.
const MOJIBAKE = /Ã[\u0080-\u00bf]|á[\u00ba\u00bb]|Ä[\u0080-\u00bf\u0192\u2018\u2019]|Æ[\u00a0-\u00b0]/;

const LEGACY_REFUSAL =
  'tệp không phải UTF-8 và không đọc được theo Windows-1258 hay VNI; có thể là bảng mã TCVN3 (ABC). Hãy chuyển tệp sang Unicode UTF-8 (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nhập lại';

/**
 * Share of the non-ASCII characters that are Vietnamese letters or ordinary typography:
 * close to 1 for Vietnamese decoded with the right table, far lower for VNI or TCVN3
 * bytes read as Windows-1258 (`Thöù tö`, `Thø t−`).
 *
 * @example
 * vietnameseShare('Thứ tư, 11/05/2022'); // 1
 * vietnameseShare('Thöù tö');            // 0.33…
 */
export function vietnameseShare(text: string): number {
  let foreign = 0;
  let total = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    total++;
    if (!VIETNAMESE_LETTERS.has(char) && !TYPOGRAPHY.has(char)) foreign++;
  }
  return total === 0 ? 1 : 1 - foreign / total;
}

function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  // Vietnamese in UTF-16 is mostly ASCII and Latin Extended: one byte of every pair is NUL,
  // which never happens in UTF-8 or an 8-bit encoding.
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] === 0) {
      if (index % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  const pairs = sample.length / 2;
  if (pairs === 0 || Math.max(evenZeros, oddZeros) < pairs * 0.3) return undefined;
  return oddZeros > evenZeros ? 'utf-16le' : 'utf-16be';
}

/** Above this share of words with marks that are no Vietnamese syllable, a text is mojibake. */
export const MOJIBAKE_SHARE = 0.2;
/** Fewer such words than this are foreign names or acronyms, whatever the share. */
const MOJIBAKE_WORDS = 3;
/** Words with marks checked from the start of a file. */
const SAMPLE_WORDS = 300;

/**
 * Whether text reads as Vietnamese: few of its words with marks fail the syllable check.
 * Real articles stay under a twentieth (foreign names, HĐND); text decoded with the wrong
 * table fails most of its words.
 *
 * @example
 * readsAsVietnamese('Hội nghị tổng kết năm 2022 của HĐND'); // true
 * readsAsVietnamese('Hoäi nghò toång keát naêm 2022');     // false
 */
export function readsAsVietnamese(text: string): boolean {
  // A wrong decoding spoils a whole file alike, so its first few hundred words tell.
  const { checked, invalidCount } = checkSyllables(text, SAMPLE_WORDS);
  return invalidCount < MOJIBAKE_WORDS || invalidCount <= checked * MOJIBAKE_SHARE;
}

function notVietnamese(text: string): string {
  const { checked, invalid, invalidCount } = checkSyllables(text);
  const examples = invalid
    .slice(0, 3)
    .map((word) => `"${word}"`)
    .join(', ');
  return `chữ trong tệp không đọc được thành tiếng Việt: ${invalidCount} trong ${checked} từ có dấu không phải âm tiết tiếng Việt (ví dụ ${examples}); có thể tệp đã bị mở bằng sai bảng mã rồi lưu lại. Cần bản lưu gốc, hoặc chuyển lại bảng mã (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nhập lại`;
}

function checked(text: string, encoding: SourceEncoding): DecodeResult {
  const mojibake = MOJIBAKE.exec(text);
  if (mojibake) {
    return {
      ok: false,
      reason: `chữ trong tệp đã bị hỏng mã từ trước (có "${mojibake[0]}", kiểu "Thá»© tÆ°" thay cho "Thứ tư"); cần bản lưu gốc`,
    };
  }
  if (text.includes('\ufffd')) {
    return { ok: false, reason: 'tệp có ký tự hỏng (�): bản lưu đã mất chữ ở những chỗ đó; cần bản lưu gốc' };
  }
  const normalized = text.normalize('NFC');
  if (readsAsVietnamese(normalized)) return { ok: true, text: normalized, encoding };
  // A VNI file once opened as Latin-1 and saved again: undo both steps, and keep the result
  // only if it reads as Vietnamese.
  const bytes = latin1Bytes(normalized);
  const vni = bytes && decodeVni(bytes);
  if (vni !== undefined && readsAsVietnamese(vni)) return { ok: true, text: vni, encoding: 'vni-latin1' };
  return { ok: false, reason: notVietnamese(normalized) };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes an old page save: BOMs are honoured and dropped, UTF-16 is recognised by its NUL
 * bytes even without a BOM, invalid UTF-8 is tried as Windows-1258 (whose separate tone
 * marks are composed to NFC) and then as VNI, each kept only when the result reads as
 * Vietnamese; UTF-8 that reads as VNI opened as Latin-1 is turned back into Vietnamese.
 *
 * @example
 * decodeSave(Buffer.from('\ufeffTin tức', 'utf8'));     // { ok: true, text: 'Tin tức', encoding: 'utf-8-bom' }
 * decodeSave(Buffer.from([0x54, 0x68, 0xfd, 0xec]));   // { ok: true, text: 'Thứ', encoding: 'windows-1258' }
 * decodeSave(Buffer.from('Th\xf6\xf9 t\xf6', 'latin1')); // { ok: true, text: 'Thứ tư', encoding: 'vni' }
 * decodeSave(Buffer.from('Hoäi nghò', 'utf8'));          // { ok: true, text: 'Hội nghị', encoding: 'vni-latin1' }
 */
export function decodeSave(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return checked(utf8.decode(bytes.subarray(3)), 'utf-8-bom');
    } catch {
      return { ok: false, reason: 'tệp đánh dấu UTF-8 (BOM) nhưng có byte không hợp lệ trong UTF-8; cần bản lưu gốc' };
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(iconv.decode(bytes.subarray(2), 'utf-16le'), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(iconv.decode(bytes.subarray(2), 'utf-16be'), 'utf-16be');
  const utf16 = utf16Order(bytes);
  if (utf16) return checked(iconv.decode(bytes, utf16), utf16);
  let text: string | undefined;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined) return checked(text, 'utf-8');
  const legacy = iconv.decode(bytes, 'cp1258').normalize('NFC');
  if (vietnameseShare(legacy) >= 0.97 && readsAsVietnamese(legacy)) return checked(legacy, 'windows-1258');
  const vni = decodeVni(bytes);
  if (vni !== undefined && readsAsVietnamese(vni)) return checked(vni, 'vni');
  return { ok: false, reason: LEGACY_REFUSAL };
}

/** Tone marks Windows-1258 stores as separate combining characters. */
const CP1258_TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/**
 * Encodes text the way a Windows-1258 editor saves it: letters that have a code point in
 * the table as themselves, the others as base letter plus combining tone mark. Used to
 * make test inputs; iconv-lite's own encoder turns such letters into `?`.
 *
 * @example
 * encodeWindows1258('Thứ'); // <Buffer 54 68 fd ec>
 */
export function encodeWindows1258(text: string): Buffer {
  const parts: Buffer[] = [];
  for (const char of text.normalize('NFC')) {
    const direct = iconv.encode(char, 'cp1258');
    if (direct.length === 1 && (direct[0] !== 0x3f || char === '?')) {
      parts.push(direct);
      continue;
    }
    // NFD orders a dot below before a circumflex (ộ = o + ̣ + ̂), so pick the tone out.
    const marks = [...char.normalize('NFD')];
    const tone = marks.find((mark) => CP1258_TONES.has(mark));
    const base = iconv.encode(
      marks
        .filter((mark) => mark !== tone)
        .join('')
        .normalize('NFC'),
      'cp1258',
    );
    if (!tone || base.length !== 1 || (base[0] === 0x3f && char !== '?')) {
      throw new Error(`"${char}" has no Windows-1258 form`);
    }
    parts.push(base, iconv.encode(tone, 'cp1258'));
  }
  return Buffer.concat(parts);
}
