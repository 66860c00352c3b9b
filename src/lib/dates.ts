import { foldVietnamese } from './text.ts';

/**
 * Dates in Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving since 1975), whatever
 * the build machine's time zone: every calculation shifts the instant by the fixed offset
 * and reads UTC fields, so `TZ` never leaks in. `Intl` has no form for our dateline.
 */

/** Vietnam's offset from UTC in minutes. */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VIETNAM_OFFSET_MINUTES * 60_000;

/** Weekday names as the newsroom writes them, indexed like `Date#getUTCDay()` (0 = Sunday). */
export const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'] as const;

/** Calendar fields of an instant as seen on a wall clock in Vietnam. */
export interface VietnamParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Chủ nhật … 6 = Thứ bảy */
  weekday: number;
}

/**
 * Reads an instant as Vietnam wall-clock fields.
 *
 * @example
 * vietnamParts(new Date('2022-05-10T23:49:00Z')); // { year: 2022, month: 5, day: 11, hour: 6, minute: 49, … }
 */
export function vietnamParts(date: Date): VietnamParts {
  const shifted = new Date(date.getTime() + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
  };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * The old site's dateline: weekday, zero-padded day/month/year, dash, 24-hour time.
 *
 * @example
 * formatDateline(new Date('2022-05-10T23:49:00Z')); // 'Thứ tư, 11/05/2022 - 06:49'
 */
export function formatDateline(date: Date): string {
  const p = vietnamParts(date);
  return `${WEEKDAYS[p.weekday]}, ${pad(p.day)}/${pad(p.month)}/${p.year} - ${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * Short date for lists and search results: `11/05/2022`.
 *
 * @example
 * formatShortDate(new Date('2022-05-10T23:49:00Z')); // '11/05/2022'
 */
export function formatShortDate(date: Date): string {
  const p = vietnamParts(date);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/**
 * ISO 8601 with Vietnam's offset, as schema.org and the news sitemap want it.
 *
 * @example
 * toVietnamIso(new Date('2022-05-10T23:49:00Z')); // '2022-05-11T06:49:00+07:00'
 */
export function toVietnamIso(date: Date): string {
  const p = vietnamParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+07:00`;
}

/** The earliest year an archive date may carry: older ones are typing mistakes (0001, 202). */
export const EARLIEST_YEAR = 1900;

/** How far ahead of the build an article may be dated. */
export const LATEST_AHEAD_DAYS = 366;

/**
 * Why a date is out of a news archive's range, or `undefined` when it is in range: from
 * {@link EARLIEST_YEAR} to {@link LATEST_AHEAD_DAYS} days after `now`.
 *
 * @example
 * dateRangeProblem(new Date('2030-01-01T00:00:00Z'), new Date('2026-12-06T00:00:00Z'));
 * // 'ngày 01/01/2030 còn hơn một năm nữa mới tới (hôm nay 06/12/2026)'
 */
export function dateRangeProblem(date: Date, now: Date): string | undefined {
  if (vietnamParts(date).year < EARLIEST_YEAR) {
    return `năm ${vietnamParts(date).year} quá xa: kho lưu trữ nhận bài từ năm ${EARLIEST_YEAR}`;
  }
  if (date.getTime() - now.getTime() > LATEST_AHEAD_DAYS * 86_400_000) {
    return `ngày ${formatShortDate(date)} còn hơn một năm nữa mới tới (hôm nay ${formatShortDate(now)})`;
  }
  return undefined;
}

/** Why a date string was refused, in Vietnamese, ready for a journalist. */
export interface DateProblem {
  reason: string;
}

export type DateParseResult = { ok: true; date: Date } | { ok: false; problem: DateProblem };

/** Forms accepted in front matter, shown to journalists when a date is refused. */
export const ACCEPTED_DATE_FORMS =
  'ISO 8601 (2022-05-11T06:49:00+07:00 hoặc 2022-05-11 06:49), dd/mm/yyyy HH:mm (11/05/2022 06:49), d/m/yyyy (11/5/2022) hoặc dòng ngày tháng của trang cũ (Thứ tư, 11/05/2022 - 06:49)';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const DMY = /^(?:([^,]+),\s*)?(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s*(?:-\s*)?(\d{1,2})[:h](\d{2}))?$/i;

/**
 * Builds an instant from Vietnam wall-clock fields, refusing impossible dates such as 31/02.
 *
 * @example
 * fromVietnamParts(2022, 5, 11, 6, 49); // { ok: true, date: 2022-05-10T23:49:00.000Z }
 */
export function fromVietnamParts(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  offsetMinutes = VIETNAM_OFFSET_MINUTES,
): DateParseResult {
  if (year < EARLIEST_YEAR) return fail(`năm ${year} quá xa: kho lưu trữ nhận bài từ năm ${EARLIEST_YEAR}`);
  if (month < 1 || month > 12) return fail(`tháng ${month} không tồn tại`);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return fail(`tháng ${month}/${year} không có ngày ${day}`);
  if (hour > 23 || minute > 59 || second > 59) return fail(`giờ ${pad(hour)}:${pad(minute)} không tồn tại`);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  return { ok: true, date: new Date(utc) };
}

function fail(reason: string): DateParseResult {
  return { ok: false, problem: { reason } };
}

/** Offsets in use on Earth run from -12:00 to +14:00. */
function parseOffset(text: string): number | undefined {
  if (/^z$/i.test(text)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(text)!;
  const hours = Number(match[2]);
  const minutes = hours * 60 + Number(match[3]);
  if (Number(match[3]) > 59 || (match[1] === '-' ? minutes > 12 * 60 : minutes > 14 * 60)) return undefined;
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * Parses a front-matter or dateline date. Without an offset the time is Vietnam time.
 * A weekday that contradicts the date, or an impossible date, is refused with a reason.
 *
 * @example
 * parseVietnamDate('Thứ tư, 11/05/2022 - 06:49'); // { ok: true, date: 2022-05-10T23:49:00.000Z }
 * parseVietnamDate('31/02/2022');                 // { ok: false, problem: { reason: 'tháng 2/2022 không có ngày 31' } }
 */
export function parseVietnamDate(input: string | Date): DateParseResult {
  if (input instanceof Date) {
    return Number.isNaN(input.getTime()) ? fail('không đọc được ngày') : { ok: true, date: input };
  }
  const text = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', , offset] = iso;
    const offsetMinutes = offset ? parseOffset(offset) : VIETNAM_OFFSET_MINUTES;
    if (offsetMinutes === undefined) return fail(`múi giờ ${offset} không tồn tại (từ -12:00 đến +14:00)`);
    return fromVietnamParts(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), offsetMinutes);
  }
  const dmy = DMY.exec(text);
  if (dmy) {
    const [, weekdayName, d, mo, y, h = '0', mi = '0'] = dmy;
    const result = fromVietnamParts(Number(y), Number(mo), Number(d), Number(h), Number(mi));
    if (!result.ok || !weekdayName) return result;
    const written = weekdayIndex(weekdayName);
    if (written === undefined) return fail(`không hiểu thứ "${weekdayName.trim()}"`);
    const actual = vietnamParts(result.date).weekday;
    if (written !== actual) {
      return fail(
        `ngày ${pad(Number(d))}/${pad(Number(mo))}/${y} là ${WEEKDAYS[actual]}, không phải ${WEEKDAYS[written]}`,
      );
    }
    return result;
  }
  return fail('không đúng dạng ngày tháng');
}

/**
 * Recognises a weekday name with or without diacritics (`Thứ tư`, `thu 4`, `CN`).
 *
 * @example
 * weekdayIndex('Thứ Tư'); // 3
 */
export function weekdayIndex(name: string): number | undefined {
  const folded = foldVietnamese(name).replace(/\s+/g, ' ').trim();
  const words: Record<string, number> = {
    'chu nhat': 0,
    cn: 0,
    'thu hai': 1,
    'thu 2': 1,
    'thu ba': 2,
    'thu 3': 2,
    'thu tu': 3,
    'thu 4': 3,
    'thu nam': 4,
    'thu 5': 4,
    'thu sau': 5,
    'thu 6': 5,
    'thu bay': 6,
    'thu 7': 6,
  };
  return words[folded];
}
