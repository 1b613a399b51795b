/**
 * Date parsing for news pages: machine formats (ISO 8601, RFC 2822) and the
 * visible Vietnamese and English date lines. Day always comes before month in
 * numeric dates, and a date without a zone is read in Vietnam time (+07:00, no DST).
 * Never `new Date(string)` on free text: it reads 12/08/2024 as 8 December.
 */

/** Options for `parseDate`. */
export interface ParseDateOptions {
  /** Offset from UTC, in minutes, for dates that name no zone. Default +420 (Vietnam). */
  defaultOffsetMinutes?: number;
}

/** Vietnam is UTC+7 all year round (no daylight saving): the one home of that fact. */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

/** The same offset as ISO 8601 writes it. */
export const VIETNAM_UTC_OFFSET = '+07:00';

/** The wall-clock time in Vietnam of an ISO date, `YYYY-MM-DDTHH:MM:SS.sss` (no zone); `null` when it is not a date. */
export function vietnamWallClock(iso: string): string | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + VIETNAM_OFFSET_MINUTES * 60_000).toISOString().slice(0, 23);
}

/** Longer strings are prose, not a date line; we do not hunt for dates inside them. */
const MAX_INPUT_LENGTH = 256;

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** The parts of a wall-clock date before it is placed on the UTC time line. */
interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** `null` when the text names no zone. */
  offsetMinutes: number | null;
}

/**
 * Parse a date as printed on a news page or in its metadata into an ISO 8601 UTC
 * string with milliseconds (`2024-08-12T03:30:00.000Z`), or `null` when the text
 * holds no valid date. Accepts ISO 8601 (with or without zone, `&#x2B;`/`&#43;`
 * for `+`, or a space where a URL-decoded `+` was), RFC 2822, Vietnamese lines such
 * as `Thứ hai, 12/8/2024, 10:30 (GMT+7)` or `Cập nhật thứ hai, ngày 24/12/12 11:05 tối`,
 * and English ones such as `March 24, 2026 | 05:12 pm GMT+7`. A date without a time
 * is midnight in its zone. Years outside 1990–2100 are rejected.
 *
 * Vietnamese parts of the day after a 12-hour time: `sáng` (morning) = AM;
 * `trưa` (midday) keeps 11 and 12 and adds 12 to 1–5; `chiều` (afternoon) and
 * `tối` (evening) add 12 to 1–11, and `tối` 12 is midnight (00) of the printed day;
 * `đêm`/`khuya` (night) add 12 to 6–11, keep 1–5 and read 12 as 00. `SA`/`CH` are
 * AM/PM. An hour of 13–23 followed by PM (`15:20 PM`, seen on real pages) is kept.
 */
export function parseDate(input: string | null, options: ParseDateOptions = {}): string | null {
  if (input == null) return null;
  const text = prepare(input);
  if (text === '' || text.length > MAX_INPUT_LENGTH) return null;

  const parts = parseIsoParts(text) ?? parseVisibleParts(text);
  if (parts === null) return null;
  return toIsoString(parts, options.defaultOffsetMinutes ?? VIETNAM_OFFSET_MINUTES);
}

/** NFC, lower case, the HTML-encoded `+` decoded, no-break spaces made plain. */
function prepare(input: string): string {
  return input
    .normalize('NFC')
    .replace(/&#x0*2b;|&#0*43;|&plus;/giu, '+')
    .replace(/&nbsp;|&#160;|&#xa0;/giu, ' ')
    .replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ')
    .replace(/\u2212/gu, '-')
    .trim()
    .toLowerCase();
}

// ---------------------------------------------------------------------------
// ISO 8601

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*(z|[+-]\d{2}(?::?\d{2})?)| (\d{2}:?\d{2}))?)?$/u;

/**
 * Strict ISO 8601 (`2024-08-12T10:30:00.5+07:00`, `…+0700`, `…Z`, `2024-08-12 10:30`,
 * `2024-08-12`), including `…T10:30:00 07:00` where a `+` was URL-decoded to a space.
 */
function parseIsoParts(text: string): DateParts | null {
  const match = ISO_PATTERN.exec(text);
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, fraction, zone, spacedZone] = match;
  const zoneText = zone ?? (spacedZone === undefined ? undefined : `+${spacedZone}`);
  const offsetMinutes = zoneText === undefined ? null : parseNumericOffset(zoneText);
  if (zoneText !== undefined && offsetMinutes === null) return null;
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: hour === undefined ? 0 : Number(hour),
    minute: minute === undefined ? 0 : Number(minute),
    second: second === undefined ? 0 : Number(second),
    millisecond: fraction === undefined ? 0 : fractionToMilliseconds(fraction),
    offsetMinutes,
  };
}

// ---------------------------------------------------------------------------
// Visible dates: find a date, a zone and a time anywhere in a short line.

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4,
  may: 5, jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9,
  september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{M}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{M}])';

/** A way of writing the calendar date, and how to read its groups. */
interface DatePattern {
  pattern: RegExp;
  read(match: RegExpExecArray): { year: number; month: number; day: number } | null;
}

const DATE_PATTERNS: readonly DatePattern[] = [
  {
    // 2024-08-12, 2024/08/12, 2024.08.12
    pattern: /(?<!\d)(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?!\d)/u,
    read: (m) => ({ year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) }),
  },
  {
    // 12/8/2024, 12-08-2024, 12.08.2024, 24/12/12 — day first
    pattern: /(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/u,
    read: (m) => ({ year: fullYear(m[4]), month: Number(m[3]), day: Number(m[1]) }),
  },
  {
    // 12 tháng 8 năm 2024, ngày 12 tháng 08, 2024
    pattern: /(?<!\d)(\d{1,2}) tháng (\d{1,2}),? (?:năm )?(\d{4})(?!\d)/u,
    read: (m) => ({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) }),
  },
  {
    // March 24, 2026 / Mar 24th 2026
    pattern: new RegExp(`${NOT_LETTER_BEFORE}${MONTH_NAME} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})(?!\\d)`, 'u'),
    read: (m) => monthNameDate(m[1], m[2], m[3]),
  },
  {
    // 24 March 2026 / 12 Aug 2024 (RFC 2822) / 24th of March, 2026
    pattern: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_NAME},? (\\d{4})(?!\\d)`, 'u'),
    read: (m) => monthNameDate(m[2], m[1], m[3]),
  },
];

/** `GMT+7`, `GMT+07:00`, `UTC +0700`, `(GMT+7)`. */
const NAMED_OFFSET_PATTERN = new RegExp(`${NOT_LETTER_BEFORE}(?:gmt|utc|ut) ?([+-]) ?(\\d{1,2})(?::?(\\d{2}))?(?!\\d)`, 'u');

/**
 * Zone names with a fixed offset, in minutes (RFC 2822 names plus ICT, Indochina Time).
 * Visible date lines read only these (see `ZONE_NAME_PATTERN`).
 */
export const ZONE_NAMES: Readonly<Record<string, number>> = {
  gmt: 0, utc: 0, ut: 0, z: 0, ict: 420,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};
const ZONE_NAME_PATTERN = new RegExp(`${NOT_LETTER_BEFORE}(gmt|utc|ut|ict|est|edt|cst|cdt|mst|mdt|pst|pdt)${NOT_LETTER_AFTER}`, 'u');

const MERIDIEM = '(a\\.?m\\.?|p\\.?m\\.?|sa|ch|sáng|trưa|chiều|tối|đêm|khuya)';
/** `10:30`, `10:30:05.123`, `10h30`, `10 giờ 30`, then an optional part of the day and offset. */
const TIME_PATTERN = new RegExp(
  `(?<![\\d:])(\\d{1,2})(?::|h| ?giờ ?)(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?(?![\\d:])` +
    `(?: ?${MERIDIEM}(?![\\p{L}\\p{M}]))?` +
    `(?: ?(z(?![\\p{L}\\p{M}])|[+-]\\d{2}:?\\d{2}(?!\\d)))?`,
  'u',
);

/** Find the date, then a named zone, then the time in a visible date line. */
function parseVisibleParts(text: string): DateParts | null {
  let rest = text;

  let date: { year: number; month: number; day: number } | null = null;
  for (const { pattern, read } of DATE_PATTERNS) {
    const match = pattern.exec(rest);
    if (match === null) continue;
    date = read(match);
    rest = cut(rest, match);
    break;
  }
  if (date === null) return null;

  let offsetMinutes: number | null = null;
  const namedOffset = NAMED_OFFSET_PATTERN.exec(rest);
  if (namedOffset !== null) {
    const [, sign, hours, minutes] = namedOffset;
    const offset = offsetFromParts(sign, hours, minutes);
    if (offset === null) return null;
    offsetMinutes = offset;
    rest = cut(rest, namedOffset);
  } else {
    const zoneName = ZONE_NAME_PATTERN.exec(rest);
    if (zoneName !== null) {
      offsetMinutes = ZONE_NAMES[zoneName[1] ?? ''] ?? null;
      rest = cut(rest, zoneName);
    }
  }

  let hour = 0;
  let minute = 0;
  let second = 0;
  let millisecond = 0;
  const time = TIME_PATTERN.exec(rest);
  if (time !== null) {
    const [, h, m, s, fraction, meridiem, zone] = time;
    const adjusted = applyMeridiem(Number(h), meridiem);
    if (adjusted === null) return null;
    hour = adjusted;
    minute = Number(m);
    second = s === undefined ? 0 : Number(s);
    millisecond = fraction === undefined ? 0 : fractionToMilliseconds(fraction);
    if (zone !== undefined && offsetMinutes === null) {
      const offset = parseNumericOffset(zone);
      if (offset === null) return null;
      offsetMinutes = offset;
    }
  }

  return { ...date, hour, minute, second, millisecond, offsetMinutes };
}

/** Remove a match from the text so later patterns do not read its digits again. */
function cut(text: string, match: RegExpExecArray): string {
  return `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
}

/**
 * Turn a 12-hour clock reading into 0–23. Returns `null` for a reading that
 * cannot be (AM with 13, an hour above 23).
 */
function applyMeridiem(hour: number, meridiem: string | undefined): number | null {
  if (hour > 23) return null;
  if (meridiem === undefined) return hour;
  const word = meridiem.replace(/\./gu, '');
  switch (word) {
    case 'am':
    case 'sa':
    case 'sáng':
      if (hour > 12) return null;
      return hour === 12 ? 0 : hour;
    case 'pm':
    case 'ch':
    case 'chiều':
      return hour >= 1 && hour < 12 ? hour + 12 : hour;
    case 'trưa':
      return hour >= 1 && hour <= 5 ? hour + 12 : hour;
    case 'tối':
      if (hour === 12) return 0;
      return hour >= 1 && hour < 12 ? hour + 12 : hour;
    case 'đêm':
    case 'khuya':
      if (hour === 12) return 0;
      return hour >= 6 && hour < 12 ? hour + 12 : hour;
    default:
      return hour;
  }
}

// ---------------------------------------------------------------------------
// Small helpers

/** `+07:00`, `+0700`, `+07`, `z` (lower case) → minutes; `null` when malformed or out of range (over 14 hours, 59 minutes). */
export function parseNumericOffset(zone: string): number | null {
  if (zone === 'z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/u.exec(zone);
  if (match === null) return null;
  return offsetFromParts(match[1], match[2], match[3]);
}

/** Sign, hours and optional minutes of an offset → minutes, or `null` when out of range. */
function offsetFromParts(sign: string | undefined, hours: string | undefined, minutes: string | undefined): number | null {
  const h = Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  if (h > 14 || m > 59) return null;
  return (sign === '-' ? -1 : 1) * (h * 60 + m);
}

/** `5` → 500 ms, `123456` → 123 ms. */
function fractionToMilliseconds(fraction: string): number {
  return Number(fraction.slice(0, 3).padEnd(3, '0'));
}

/** Two-digit years are this century: `12` → 2012. */
function fullYear(year: string | undefined): number {
  const value = Number(year);
  return year !== undefined && year.length === 2 ? 2000 + value : value;
}

/** A date written with an English month name. */
function monthNameDate(
  monthName: string | undefined,
  day: string | undefined,
  year: string | undefined,
): { year: number; month: number; day: number } | null {
  const month = MONTHS[monthName ?? ''];
  if (month === undefined) return null;
  return { year: Number(year), month, day: Number(day) };
}

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Check every field and place the wall-clock time on the UTC time line. */
function toIsoString(parts: DateParts, defaultOffsetMinutes: number): string | null {
  const { year, month, day, hour, minute, second, millisecond } = parts;
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offsetMinutes = parts.offsetMinutes ?? defaultOffsetMinutes;
  const utcMilliseconds =
    Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000;
  return new Date(utcMilliseconds).toISOString();
}
