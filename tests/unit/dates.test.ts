import { afterEach, describe, expect, it } from 'vitest';
import {
  dateRangeProblem,
  formatDateline,
  formatShortDate,
  fromVietnamParts,
  parseVietnamDate,
  toVietnamIso,
  vietnamParts,
  weekdayIndex,
  type DateParseResult,
} from '../../src/lib/dates.ts';

/** The instant of the seed article: 06:49 on Wednesday 11 May 2022 in Vietnam. */
const SEED = new Date('2022-05-10T23:49:00Z');

/** The instant a parse produced, or the journalist-facing reason it was refused. */
function outcome(result: DateParseResult): string {
  return result.ok ? result.date.toISOString() : `refused: ${result.problem.reason}`;
}

describe('vietnamParts', () => {
  it('reads the seed instant as Vietnam wall-clock fields', () => {
    expect(vietnamParts(SEED)).toEqual({ year: 2022, month: 5, day: 11, hour: 6, minute: 49, second: 0, weekday: 3 });
  });

  it('rolls over to the next day, month and year at 17:00 UTC', () => {
    expect(vietnamParts(new Date('2022-12-31T16:59:59Z'))).toMatchObject({ year: 2022, month: 12, day: 31, hour: 23 });
    expect(vietnamParts(new Date('2022-12-31T17:00:00Z'))).toMatchObject({
      year: 2023,
      month: 1,
      day: 1,
      hour: 0,
      weekday: 0,
    });
  });
});

describe('formatDateline', () => {
  it('formats the seed instant like the old site', () => {
    expect(formatDateline(SEED)).toBe('Thứ tư, 11/05/2022 - 06:49');
  });

  it('writes Sunday as "Chủ nhật"', () => {
    expect(formatDateline(new Date('2023-12-03T12:30:00Z'))).toBe('Chủ nhật, 03/12/2023 - 19:30');
  });

  it('zero-pads day, month, hour and minute', () => {
    expect(formatDateline(new Date('2024-01-05T01:05:00Z'))).toBe('Thứ sáu, 05/01/2024 - 08:05');
  });

  it('uses the Vietnam date for an instant that is already the next day there', () => {
    expect(formatDateline(new Date('2022-12-31T17:30:00Z'))).toBe('Chủ nhật, 01/01/2023 - 00:30');
  });
});

describe('formatShortDate', () => {
  it('gives the zero-padded Vietnam date', () => {
    expect(formatShortDate(SEED)).toBe('11/05/2022');
    expect(formatShortDate(new Date('2024-01-05T01:05:00Z'))).toBe('05/01/2024');
  });

  it('uses the Vietnam date, not the UTC date', () => {
    expect(formatShortDate(new Date('2022-12-31T17:30:00Z'))).toBe('01/01/2023');
  });
});

describe('toVietnamIso', () => {
  it('writes the instant with the +07:00 offset', () => {
    expect(toVietnamIso(SEED)).toBe('2022-05-11T06:49:00+07:00');
  });

  it('keeps seconds and crosses the date line correctly', () => {
    expect(toVietnamIso(new Date('2022-12-31T17:30:07Z'))).toBe('2023-01-01T00:30:07+07:00');
  });
});

describe('fromVietnamParts', () => {
  it('builds the instant from Vietnam wall-clock fields', () => {
    expect(outcome(fromVietnamParts(2022, 5, 11, 6, 49))).toBe('2022-05-10T23:49:00.000Z');
  });

  it('uses midnight Vietnam time when no time is given', () => {
    expect(outcome(fromVietnamParts(2022, 5, 11))).toBe('2022-05-10T17:00:00.000Z');
  });

  it('honours an explicit offset', () => {
    expect(outcome(fromVietnamParts(2022, 5, 11, 6, 49, 0, 0))).toBe('2022-05-11T06:49:00.000Z');
  });

  it('refuses 31 February', () => {
    expect(outcome(fromVietnamParts(2022, 2, 31))).toMatchInlineSnapshot(`"refused: tháng 2/2022 không có ngày 31"`);
  });

  it('accepts 29 February in a leap year and refuses it otherwise', () => {
    expect(outcome(fromVietnamParts(2024, 2, 29))).toBe('2024-02-28T17:00:00.000Z');
    expect(outcome(fromVietnamParts(2023, 2, 29))).toMatchInlineSnapshot(`"refused: tháng 2/2023 không có ngày 29"`);
  });

  it('refuses a month, day or time that does not exist', () => {
    expect(outcome(fromVietnamParts(2022, 13, 1))).toMatchInlineSnapshot(`"refused: tháng 13 không tồn tại"`);
    expect(outcome(fromVietnamParts(2022, 4, 0))).toMatchInlineSnapshot(`"refused: tháng 4/2022 không có ngày 0"`);
    expect(outcome(fromVietnamParts(2022, 5, 11, 24, 0))).toMatchInlineSnapshot(`"refused: giờ 24:00 không tồn tại"`);
    expect(outcome(fromVietnamParts(2022, 5, 11, 6, 60))).toMatchInlineSnapshot(`"refused: giờ 06:60 không tồn tại"`);
  });
});

describe('parseVietnamDate', () => {
  it('refuses years before 1900 (no two-digit years read as 19xx) and offsets no zone has', () => {
    expect(outcome(parseVietnamDate('01/01/0001 00:00'))).toMatchInlineSnapshot(
      `"refused: năm 1 quá xa: kho lưu trữ nhận bài từ năm 1900"`,
    );
    expect(outcome(parseVietnamDate('0099-05-11'))).toMatchInlineSnapshot(
      `"refused: năm 99 quá xa: kho lưu trữ nhận bài từ năm 1900"`,
    );
    expect(outcome(parseVietnamDate('2024-05-01T08:00:00+25:00'))).toMatchInlineSnapshot(
      `"refused: múi giờ +25:00 không tồn tại (từ -12:00 đến +14:00)"`,
    );
    expect(outcome(parseVietnamDate('2024-05-01T08:00:00-13:00'))).toMatchInlineSnapshot(
      `"refused: múi giờ -13:00 không tồn tại (từ -12:00 đến +14:00)"`,
    );
    expect(outcome(parseVietnamDate('2024-05-01T08:00:00+05:75'))).toMatchInlineSnapshot(
      `"refused: múi giờ +05:75 không tồn tại (từ -12:00 đến +14:00)"`,
    );
    expect(outcome(parseVietnamDate('2024-05-01T08:00:00+14:00'))).toBe('2024-04-30T18:00:00.000Z');
  });
  const seedIso = SEED.toISOString();

  it('reads ISO 8601 with an offset', () => {
    expect(outcome(parseVietnamDate('2022-05-11T06:49:00+07:00'))).toBe(seedIso);
    expect(outcome(parseVietnamDate('2022-05-10T23:49:00Z'))).toBe(seedIso);
    expect(outcome(parseVietnamDate('2022-05-10T18:49:00-05:00'))).toBe(seedIso);
    expect(outcome(parseVietnamDate('2022-05-11T06:49:00+0700'))).toBe(seedIso);
  });

  it('reads ISO 8601 without an offset as Vietnam time', () => {
    expect(outcome(parseVietnamDate('2022-05-11T06:49:00'))).toBe(seedIso);
    expect(outcome(parseVietnamDate('2022-05-11'))).toBe('2022-05-10T17:00:00.000Z');
  });

  it('reads "2022-05-11 06:49" (what YAML leaves as text) as Vietnam time', () => {
    expect(outcome(parseVietnamDate('2022-05-11 06:49'))).toBe(seedIso);
  });

  it('reads dd/mm/yyyy HH:mm and d/m/yyyy', () => {
    expect(outcome(parseVietnamDate('11/05/2022 06:49'))).toBe(seedIso);
    expect(outcome(parseVietnamDate('11/5/2022'))).toBe('2022-05-10T17:00:00.000Z');
  });

  it('reads the old site dateline', () => {
    expect(outcome(parseVietnamDate('Thứ tư, 11/05/2022 - 06:49'))).toBe(seedIso);
  });

  it('reads an unpadded dateline', () => {
    expect(outcome(parseVietnamDate('Chủ nhật, 3/12/2023 - 19:30'))).toBe('2023-12-03T12:30:00.000Z');
  });

  it('reads a dateline with the weekday written as a number (Thứ 4)', () => {
    // weekdayIndex accepts "Thứ 4" / "thu 4", and the old site wrote weekdays that way too.
    expect(outcome(parseVietnamDate('Thứ 4, 11/05/2022 - 06:49'))).toBe(seedIso);
    expect(outcome(parseVietnamDate('thu 4, 11/05/2022'))).toBe('2022-05-10T17:00:00.000Z');
  });

  it('reads a dateline with Sunday abbreviated to CN', () => {
    expect(outcome(parseVietnamDate('CN, 3/12/2023 - 19:30'))).toBe('2023-12-03T12:30:00.000Z');
  });

  it('reads a dateline pasted in decomposed (NFD) form', () => {
    const nfd = 'Thứ tư, 11/05/2022 - 06:49'.normalize('NFD');
    expect(nfd).not.toBe('Thứ tư, 11/05/2022 - 06:49');
    expect(outcome(parseVietnamDate(nfd))).toBe(seedIso);
  });

  it('tolerates extra spaces', () => {
    expect(outcome(parseVietnamDate('  Thứ tư,   11/05/2022  -  06:49 '))).toBe(seedIso);
  });

  it('refuses a weekday that contradicts the date, naming the real weekday', () => {
    expect(outcome(parseVietnamDate('Thứ năm, 11/05/2022 - 06:49'))).toMatchInlineSnapshot(
      `"refused: ngày 11/05/2022 là Thứ tư, không phải Thứ năm"`,
    );
  });

  it('refuses a weekday it does not know', () => {
    expect(outcome(parseVietnamDate('Thứ mười, 11/05/2022 - 06:49'))).toMatchInlineSnapshot(
      `"refused: không hiểu thứ "Thứ mười""`,
    );
  });

  it('refuses an impossible date in any form', () => {
    expect(outcome(parseVietnamDate('31/02/2022'))).toMatchInlineSnapshot(`"refused: tháng 2/2022 không có ngày 31"`);
    expect(outcome(parseVietnamDate('2023-02-29 08:00'))).toMatchInlineSnapshot(
      `"refused: tháng 2/2023 không có ngày 29"`,
    );
  });

  it('refuses text that is not a date', () => {
    expect(outcome(parseVietnamDate('hôm qua'))).toMatchInlineSnapshot(`"refused: không đúng dạng ngày tháng"`);
    expect(outcome(parseVietnamDate(''))).toMatchInlineSnapshot(`"refused: không đúng dạng ngày tháng"`);
  });

  it('passes a Date through and refuses an invalid one', () => {
    expect(outcome(parseVietnamDate(SEED))).toBe(seedIso);
    expect(outcome(parseVietnamDate(new Date('not a date')))).toMatchInlineSnapshot(`"refused: không đọc được ngày"`);
  });
});

describe('weekdayIndex', () => {
  it('recognises weekday names with or without diacritics', () => {
    expect(weekdayIndex('Thứ Tư')).toBe(3);
    expect(weekdayIndex('thu tu')).toBe(3);
    expect(weekdayIndex('Thứ 4')).toBe(3);
    expect(weekdayIndex('Thứ bảy')).toBe(6);
    expect(weekdayIndex('Thứ hai'.normalize('NFD'))).toBe(1);
  });

  it('recognises Sunday written out or as CN', () => {
    expect(weekdayIndex('Chủ nhật')).toBe(0);
    expect(weekdayIndex('CN')).toBe(0);
    expect(weekdayIndex('  chủ   nhật ')).toBe(0);
  });

  it('returns undefined for anything else', () => {
    expect(weekdayIndex('Thứ mười')).toBeUndefined();
    expect(weekdayIndex('Thứ 8')).toBeUndefined();
    expect(weekdayIndex('')).toBeUndefined();
  });
});

describe('independence from the machine time zone', () => {
  const originalTz = process.env['TZ'];
  afterEach(() => {
    if (originalTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = originalTz;
  });

  /** Offset of local time on 1 January 2022, as `getTimezoneOffset` reports it, per zone. */
  const zones: [string, number][] = [
    ['UTC', 0],
    ['America/New_York', 300],
    ['Asia/Ho_Chi_Minh', -420],
    ['Pacific/Kiritimati', -840],
  ];

  const inputs = [
    'Thứ tư, 11/05/2022 - 06:49',
    '2022-05-11 06:49',
    '2022-05-11',
    '11/5/2022',
    '31/12/2022 23:30',
    'Chủ nhật, 1/1/2023 - 00:30',
    '2022-03-13T02:30:00',
  ];

  const run = () => ({
    parsed: inputs.map((input) => outcome(parseVietnamDate(input))),
    formatted: ['2022-05-10T23:49:00Z', '2022-12-31T17:30:00Z', '2022-03-13T07:30:00Z'].map((iso) => {
      const date = new Date(iso);
      return [formatDateline(date), formatShortDate(date), toVietnamIso(date)];
    }),
  });

  const expected = {
    parsed: [
      '2022-05-10T23:49:00.000Z',
      '2022-05-10T23:49:00.000Z',
      '2022-05-10T17:00:00.000Z',
      '2022-05-10T17:00:00.000Z',
      '2022-12-31T16:30:00.000Z',
      '2022-12-31T17:30:00.000Z',
      '2022-03-12T19:30:00.000Z',
    ],
    formatted: [
      ['Thứ tư, 11/05/2022 - 06:49', '11/05/2022', '2022-05-11T06:49:00+07:00'],
      ['Chủ nhật, 01/01/2023 - 00:30', '01/01/2023', '2023-01-01T00:30:00+07:00'],
      ['Chủ nhật, 13/03/2022 - 14:30', '13/03/2022', '2022-03-13T14:30:00+07:00'],
    ],
  };

  for (const [zone, offset] of zones) {
    it(`parses and formats identically with TZ=${zone}`, () => {
      process.env['TZ'] = zone;
      // Proves the switch really happened in this process.
      expect(new Date(2022, 0, 1).getTimezoneOffset()).toBe(offset);
      expect(run()).toEqual(expected);
    });
  }
});

describe('dateRangeProblem', () => {
  const now = new Date('2026-12-06T00:00:00Z');
  it('accepts dates from 1900 to a year after now', () => {
    expect(dateRangeProblem(new Date('1900-01-01T00:00:00+07:00'), now)).toBeUndefined();
    expect(dateRangeProblem(new Date('2027-12-01T00:00:00+07:00'), now)).toBeUndefined();
  });

  it('names what is wrong with the others', () => {
    expect(dateRangeProblem(new Date('1899-12-31T23:00:00+07:00'), now)).toMatchInlineSnapshot(
      `"năm 1899 quá xa: kho lưu trữ nhận bài từ năm 1900"`,
    );
    expect(dateRangeProblem(new Date('2030-01-01T08:00:00+07:00'), now)).toMatchInlineSnapshot(
      `"ngày 01/01/2030 còn hơn một năm nữa mới tới (hôm nay 06/12/2026)"`,
    );
  });
});
