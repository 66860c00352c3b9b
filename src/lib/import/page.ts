/**
 * Reads a plain-text save of one old article page: section line, title, dateline, lead
 * `(Lamdongtv.vn) - …`, body, byline, then the page's furniture (share line, comment form,
 * comment count, advertising slots), which is dropped. Pure: text in, article parts out.
 */
import { parseVietnamDate } from '../dates.ts';
import { foldVietnamese, toNfc } from '../text.ts';

/** The parts of an old article page. */
export interface OldPage {
  /** The section line as written (`Tin tức`). */
  section: string;
  title: string;
  /** The dateline as written (`Thứ tư, 11/05/2022 - 06:49`). */
  dateline: string;
  date: Date;
  /** The name in the lead's parenthesis (`Lamdongtv.vn`). */
  source?: string | undefined;
  /** The lead without its `(Source) - ` prefix. */
  summary?: string | undefined;
  /** Body paragraphs as plain text, one per line of the save. */
  paragraphs: string[];
  /** Names from the byline, as written; empty when the page has no byline. */
  authors: string[];
}

export type PageParseResult = { ok: true; page: OldPage } | { ok: false; reason: string };

// Spaces a browser's "save as text" leaves behind: no-break, thin, ideographic, tabs.
const ODD_SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * Normalises a save into its non-empty lines: NFC, any line ending, invisible characters
 * and odd spaces removed, runs of spaces collapsed, each line trimmed.
 *
 * @example
 * cleanLines('\ufeffTin tức\r\n\r\n  Cụm  thi đua\u00a0\r\n'); // ['Tin tức', 'Cụm thi đua']
 */
export function cleanLines(text: string): string[] {
  return toNfc(text)
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter(Boolean);
}

const fold = (line: string) => foldVietnamese(line).replace(/\s+/g, ' ').trim();

const FURNITURE_MAX_LENGTH = 240;
const FURNITURE_END = [
  /^thich va chia se bai viet/,
  /^chia se bai viet qua/,
  /^nhap binh luan cua ban/,
  /^y kien ban doc(?: \(\d+\))?$/,
];
const AD_SLOT = /^(?:quang cao(?: [^,]{1,40}, cot (?:giua|trai|phai|ben trai|ben phai|tren|duoi))? ?)+$/;

/**
 * Classifies a line of page furniture: `end` where the article stops (share line, comment
 * form, comment count, with any comments after it), `ad` for an advertising slot, which
 * may stand anywhere. Ordinary text gives `undefined`.
 *
 * @example
 * furnitureKind('Ý kiến bạn đọc (5)');                                     // 'end'
 * furnitureKind('Quảng cáo trang chủ, cột giữa Quảng cáo trang nội dung, cột giữa'); // 'ad'
 * furnitureKind('Quảng cáo sai sự thật bị xử phạt');                        // undefined
 */
export function furnitureKind(line: string): 'end' | 'ad' | undefined {
  // Furniture lines are short; folding every long body paragraph would dominate an import.
  if (line.length > FURNITURE_MAX_LENGTH) return undefined;
  const folded = fold(line);
  if (FURNITURE_END.some((pattern) => pattern.test(folded))) return 'end';
  if (AD_SLOT.test(folded)) return 'ad';
  return undefined;
}

const DATELINE = /^(?:[^\d,]{2,16},\s*)?\d{1,2}\/\d{1,2}\/\d{4}\s*(?:[-–—]\s*)?\d{1,2}[:h]\d{2}$/u;
/** The dateline sits under section and title; further down, a date line is body text. */
const DATELINE_SEARCH_LINES = 6;
const LEAD = /^\(([^()]{2,60})\)\s*[-–—:]\s*(.*)$/u;

const BYLINE_LABEL =
  /^(?:bài(?:\s*(?:,|và|\+|&)\s*ảnh)?|tin(?:\s*(?:,|và)\s*ảnh)?|ảnh|thực hiện|nhóm phóng viên)\s*:\s*/iu;
const NAME_SEPARATOR = /\s+[-–—&/]\s+|\s*[,;]\s*|\s+và\s+/u;
/** A word of a name: capitalised (`Lô`, `K'Dương`) or initials (`PV`, `TTXVN`, `H.`). */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.]*$/u;

/**
 * Reads a byline into names, or `undefined` when the line is body text rather than a
 * byline: bylines are short, unpunctuated and every word of every name is capitalised.
 * Several authors are split on ` - `, `,`, `;` and ` và `; initials stay as written.
 *
 * @example
 * readByline('Lô Thanh');             // ['Lô Thanh']
 * readByline('Minh Đức - Hoàng Yến'); // ['Minh Đức', 'Hoàng Yến']
 * readByline('Bài, ảnh: PV');         // ['PV']
 * readByline('Hội nghị kết thúc./.'); // undefined
 */
export function readByline(line: string): string[] | undefined {
  const text = line.replace(BYLINE_LABEL, '').trim();
  if (!text || text.length > 80 || /[.!?:;…"“”'’]$/u.test(text) || /^(?:theo|nguồn)\s/iu.test(text)) return undefined;
  const names = text
    .split(NAME_SEPARATOR)
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) return undefined;
  const isName = (name: string) => {
    const words = name.replace(/\s*\([^()]*\)$/u, '').split(' ');
    return words.length <= 6 && words.every((word) => NAME_WORD.test(word));
  };
  return names.every(isName) ? names : undefined;
}

/**
 * Parses an old article page save (already decoded). Refuses, with a Vietnamese reason, a
 * page without a dateline, with an impossible dateline, or without a title.
 *
 * @example
 * parseOldPage('Tin tức\n\nCụm thi đua\n\nThứ tư, 11/05/2022 - 06:49\n\n(Lamdongtv.vn) - Chiều 6/5 …\nTại hội nghị …\nLô Thanh\n');
 * // { ok: true, page: { section: 'Tin tức', title: 'Cụm thi đua', date: 2022-05-10T23:49:00.000Z,
 * //   source: 'Lamdongtv.vn', summary: 'Chiều 6/5 …', paragraphs: ['Tại hội nghị …'], authors: ['Lô Thanh'], … } }
 */
export function parseOldPage(text: string): PageParseResult {
  const lines: string[] = [];
  const ends: number[] = [];
  for (const line of cleanLines(text)) {
    const kind = furnitureKind(line);
    if (kind === 'ad') continue;
    if (kind === 'end') ends.push(lines.length);
    lines.push(line);
  }
  if (lines.length === 0) return { ok: false, reason: 'tệp trống' };
  const datelineIndex = lines.slice(0, DATELINE_SEARCH_LINES).findIndex((line) => DATELINE.test(line));
  if (datelineIndex === -1) {
    return { ok: false, reason: 'không tìm thấy dòng ngày tháng (dạng "Thứ tư, 11/05/2022 - 06:49") ở đầu tệp' };
  }
  const dateline = lines[datelineIndex]!;
  const parsedDate = parseVietnamDate(dateline.replace(/[–—]/g, '-'));
  if (!parsedDate.ok) return { ok: false, reason: `dòng ngày tháng "${dateline}" sai: ${parsedDate.problem.reason}` };

  const header = lines.slice(0, datelineIndex);
  if (header.length === 0) return { ok: false, reason: 'không có dòng chuyên mục và tiêu đề trước dòng ngày tháng' };
  if (header.length === 1) {
    return {
      ok: false,
      reason: `không tìm thấy tiêu đề: trước dòng ngày tháng chỉ có một dòng ("${header[0]}"), cần dòng chuyên mục rồi dòng tiêu đề`,
    };
  }

  const end = ends.find((index) => index > datelineIndex) ?? lines.length;
  const content = lines.slice(datelineIndex + 1, end);
  const lead = content.length > 0 ? LEAD.exec(content[0]!) : null;
  const body = lead ? content.slice(1) : content;
  const authors = body.length > 0 ? readByline(body.at(-1)!) : undefined;

  return {
    ok: true,
    page: {
      section: header[0]!,
      // A title too long for one line of the save wraps onto the next.
      title: header.slice(1).join(' '),
      dateline,
      date: parsedDate.date,
      source: lead?.[1]!.trim() || undefined,
      summary: lead?.[2]!.trim() || undefined,
      paragraphs: authors ? body.slice(0, -1) : body,
      authors: authors ?? [],
    },
  };
}
