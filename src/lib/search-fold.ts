/**
 * Vietnamese search text, shared by the build (the `đ`-folded copy each article page hands
 * to Pagefind) and the browser (query normalisation and the highlighted excerpt). Pure
 * functions, no DOM, no I/O, so the client bundle stays small and every rule is unit-tested.
 * Why `đ` needs its own fold and the excerpt is rebuilt here: see docs/search.md, "Vietnamese, as readers type it".
 */
import { foldVietnamese } from './text.ts';

/** A word of a text and where it sits, in UTF-16 offsets. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** A piece of an excerpt: original text, marked when it matched the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

// Letters with their combining marks, and digits: what Pagefind treats as a word.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
// A word of WORD containing đ, found from its first đ (group 1: the word up to that đ, with
// any combining marks it starts with), so the words without đ, most of a text, are skipped.
const D_WORD = /[đĐ](?<=(?<![\p{L}\p{M}\p{N}])([\p{L}\p{M}\p{N}]+))[\p{L}\p{M}\p{N}]*/gu;
const LEADING_MARKS = /^\p{M}+/u;

/**
 * Turns `đ`/`Đ` into `d`/`D` and nothing else: the one fold Pagefind does not do itself.
 *
 * @example
 * foldD('Đường Đà Lạt'); // 'Dường Dà Lạt'
 */
export function foldD(text: string): string {
  return text.replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * Splits text into words (letters, combining marks, digits), keeping their offsets so the
 * original spelling can be shown and marked.
 *
 * @example
 * tokenize('Đà Lạt, 2024'); // [{ text: 'Đà', start: 0, end: 2 }, { text: 'Lạt', start: 3, end: 6 }, { text: '2024', start: 8, end: 12 }]
 */
export function tokenize(text: string): Token[] {
  return [...text.matchAll(WORD)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/**
 * What the reader typed, as Pagefind should receive it: NFC (keyboards and old exports
 * produce decomposed text), single spaces, trimmed. Diacritics are kept so that an exact,
 * accented match still ranks first.
 *
 * @example
 * normalizeQuery('  Đà   Lạt '.normalize('NFD')); // 'Đà Lạt'
 */
export function normalizeQuery(query: string): string {
  return query.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The query's words folded (no tones, `đ` to `d`, lowercase), without repeats.
 *
 * @example
 * queryTerms('Đà Lạt đà'); // ['da', 'lat']
 */
export function queryTerms(query: string): string[] {
  return [...new Set(tokenize(normalizeQuery(query)).map((token) => foldVietnamese(token.text)))];
}

/**
 * The distinct words of a text that contain `đ`, lowercased, with `đ` turned into `d` and
 * tones kept: the searchable copy that lets "duong" find "Đường". Only those words are
 * copied, so every other word keeps its single, original occurrence.
 *
 * @example
 * dWords('Đường về Đà Lạt, đường đẹp'); // ['dường', 'dà', 'dẹp']
 */
export function dWords(text: string): string[] {
  const words = new Set<string>();
  for (const match of text.normalize('NFC').matchAll(D_WORD)) {
    // The word up to its first đ, then the rest; a word starts at a letter or digit, as in WORD.
    const word = (match[1]! + match[0].slice(1)).replace(LEADING_MARKS, '');
    words.add(foldD(word).toLowerCase());
  }
  return [...words];
}

/**
 * {@link dWords} of several texts, as one space-separated string for a `data-pagefind-meta`
 * attribute.
 *
 * @example
 * foldedCopy(['Đức Trọng', 'Đơn Dương']); // 'dức dơn'
 */
export function foldedCopy(texts: readonly (string | undefined)[]): string {
  return dWords(texts.filter(Boolean).join(' ')).join(' ');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The text of an HTML fragment (the rendered Markdown of an article): tags become spaces,
 * `<script>`/`<style>` bodies are dropped, common and numeric entities are decoded.
 *
 * @example
 * textFromHtml('<p>Đà&nbsp;Lạt &amp; <b>Bảo Lộc</b></p>'); // ' Đà Lạt &  Bảo Lộc  '
 */
export function textFromHtml(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    });
}

/**
 * Removes leading pieces (a result's title and dateline, already shown above its excerpt)
 * from Pagefind's text of a page, with the `. ` Pagefind puts between blocks.
 *
 * @example
 * stripLeading('Đà Lạt đón khách. Thứ bảy, 01/06/2024 - 06:30. Khách đến…', ['Đà Lạt đón khách', 'Thứ bảy, 01/06/2024 - 06:30']);
 * // 'Khách đến…'
 */
export function stripLeading(content: string, prefixes: readonly (string | undefined)[]): string {
  let rest = content.trimStart();
  for (const prefix of prefixes) {
    if (prefix && rest.startsWith(prefix)) rest = rest.slice(prefix.length).replace(/^[.:]?\s*/, '');
  }
  return rest;
}

/**
 * Which words of `tokens` match the query terms, folded on both sides: a whole-word match
 * when the text has one, otherwise a prefix match (the reader is still typing "kh…").
 * Returns, for each token, the index of the term it matched or -1.
 *
 * @example
 * matchTokens(tokenize('Đà Lạt đón khách'), ['da', 'kh']); // [0, -1, -1, 1]
 */
export function matchTokens(tokens: readonly Token[], terms: readonly string[]): number[] {
  const folded = tokens.map((token) => foldVietnamese(token.text));
  const matches = folded.map(() => -1);
  terms.forEach((term, termIndex) => {
    if (!term) return;
    const whole = folded.some((word) => word === term);
    folded.forEach((word, index) => {
      if (matches[index] !== -1) return;
      if (whole ? word === term : word.startsWith(term)) matches[index] = termIndex;
    });
  });
  return matches;
}

/** Words to mark in an excerpt, as the ranking matched them (see `src/lib/search-query.ts`). */
export interface MarkSpec {
  /** The query's words folded, in order; a `prefix` word also marks the words it starts. */
  words: readonly { folded: string; prefix: boolean }[];
  /** Mark only where the words stand together and in order; otherwise each word anywhere. */
  phrase: boolean;
}

/**
 * Which words of `tokens` a ranked match consists of: with `phrase`, only runs of tokens that
 * spell the query's words in order; otherwise every token equal to a word. Returns, for each
 * token, the index of the word it matched or -1.
 *
 * @example
 * matchWords(tokenize('Đà Lạt đã lạt'), { words: [{ folded: 'da', prefix: false }, { folded: 'lat', prefix: false }], phrase: true });
 * // [0, 1, -1, -1]
 */
export function matchWords(tokens: readonly Token[], spec: MarkSpec): number[] {
  const folded = tokens.map((token) => foldVietnamese(token.text));
  const matches = folded.map(() => -1);
  const fits = (word: string, index: number) => {
    const query = spec.words[index]!;
    return query.prefix ? word.startsWith(query.folded) : word === query.folded;
  };
  if (spec.words.length === 0) return matches;
  if (!spec.phrase) {
    folded.forEach((word, index) => {
      matches[index] = spec.words.findIndex((_, term) => fits(word, term));
    });
    return matches;
  }
  for (let start = 0; start + spec.words.length <= folded.length; start++) {
    if (spec.words.every((_, term) => fits(folded[start + term]!, term))) {
      spec.words.forEach((_, term) => (matches[start + term] = term));
    }
  }
  return matches;
}

export interface ExcerptOptions {
  /** Longest excerpt, in words. */
  words?: number;
  /** Words of context shown before the first match. */
  lead?: number;
  /** Shown where the excerpt cuts the text. */
  ellipsis?: string;
}

/**
 * A short excerpt of `content` around the best cluster of query words, in the original
 * Vietnamese, split into parts with the matched words marked (consecutive matched words
 * separated only by spaces form one part). "da lat" marks "Đà Lạt"; "hoà" marks "hòa". A
 * {@link MarkSpec} marks what the ranking matched instead (a phrase: its runs alone). Without
 * any match, the excerpt is the start of the text.
 *
 * @example
 * excerpt('Khách đổ về Đà Lạt ngày càng đông.', 'da lat', { words: 4, lead: 1 });
 * // [{ text: '…về ', mark: false }, { text: 'Đà Lạt', mark: true }, { text: ' ngày…', mark: false }]
 */
export function excerpt(content: string, query: string | MarkSpec, options: ExcerptOptions = {}): ExcerptPart[] {
  const { words = 30, ellipsis = '…' } = options;
  const lead = Math.min(options.lead ?? 4, words - 1);
  const tokens = tokenize(content);
  if (tokens.length === 0) return content.trim() ? [{ text: content.trim(), mark: false }] : [];
  const matches = matchQuery(tokens, query);

  // Best window: most distinct terms, then most matched words, then earliest (so a match
  // near the top shows from the first word). Windows open `lead` words before a match.
  const starts = [0, ...matches.flatMap((term, index) => (term === -1 ? [] : [Math.max(0, index - lead)]))];
  let start = 0;
  let best = [-1, -1];
  for (const from of starts) {
    const inWindow = matches.slice(from, from + words).filter((match) => match !== -1);
    const score = [new Set(inWindow).size, inWindow.length];
    if (score[0]! > best[0]! || (score[0] === best[0] && score[1]! > best[1]!)) {
      best = score;
      start = from;
    }
  }
  return markedParts(content, tokens, matches, start, Math.min(tokens.length, start + words), ellipsis);
}

/**
 * The whole text split into parts with the words matching the query marked, as
 * {@link excerpt} marks them (for a result's title).
 *
 * @example
 * highlight('Đức Trọng mở rộng đường', 'duc trong');
 * // [{ text: 'Đức Trọng', mark: true }, { text: ' mở rộng đường', mark: false }]
 */
export function highlight(text: string, query: string | MarkSpec): ExcerptPart[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return text ? [{ text, mark: false }] : [];
  return markedParts(text, tokens, matchQuery(tokens, query), 0, tokens.length, '');
}

function matchQuery(tokens: readonly Token[], query: string | MarkSpec): number[] {
  return typeof query === 'string' ? matchTokens(tokens, queryTerms(query)) : matchWords(tokens, query);
}

function markedParts(
  text: string,
  tokens: readonly Token[],
  matches: readonly number[],
  start: number,
  end: number,
  ellipsis: string,
): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (piece: string, mark: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += piece;
    else if (piece) parts.push({ text: piece, mark });
  };
  push(start > 0 ? ellipsis : text.slice(0, tokens[0]!.start).trimStart(), false);
  for (let index = start; index < end; index++) {
    const token = tokens[index]!;
    push(token.text, matches[index] !== -1);
    if (index + 1 < end) {
      const gap = text.slice(token.end, tokens[index + 1]!.start);
      // A plain space between two marked words stays inside one mark.
      const joined = matches[index] !== -1 && matches[index + 1] !== -1 && /^[ \u00a0]+$/.test(gap);
      push(gap, joined);
    }
  }
  push(end < tokens.length ? ellipsis : text.slice(tokens[end - 1]!.end).trimEnd(), false);
  return parts;
}
