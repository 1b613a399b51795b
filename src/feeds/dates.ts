/**
 * Feed dates: RFC 822/2822 (RSS `pubDate`) read strictly, with any zone; everything
 * else (ISO 8601 / RFC 3339 from Atom, RDF and JSON Feed, and the odd Vietnamese
 * date line) goes to the shared `parseDate`.
 */
import { parseDate, parseNumericOffset, ZONE_NAMES } from '../normalize/dates.js';

/**
 * `[Day,] DD Mon YYYY HH:MM[:SS] [zone]`, zone numeric (`+0700`, `+07:00`) or a name.
 * An optional trailing comment (`(ICT)`) is ignored.
 */
const RFC822_PATTERN =
  /^(?:[a-z]{3,9}\.?,?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4}|\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{2}:?\d{2}|[a-z]{1,5}))?(?:\s*\([^()]*\))?$/iu;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/**
 * Zone names feeds use beyond the shared table (`ZONE_NAMES`: the RFC 822 names and
 * ICT). Names in neither (and military letters) are read as UTC, as RFC 2822 §4.3
 * says for military zones, rather than as local time.
 */
const FEED_ZONE_NAMES: Readonly<Record<string, number>> = {
  ...ZONE_NAMES,
  wet: 0, bst: 60, cet: 60, west: 60, cest: 120, eet: 120, eest: 180, msk: 180,
  wib: 420, sgt: 480, hkt: 480, awst: 480, jst: 540, kst: 540, aest: 600, aedt: 660,
};

/**
 * Parse a date as written in a feed into an ISO 8601 UTC string, or `null`.
 * RFC 822 dates accept two-digit years (00–49 → 20xx, 50–99 → 19xx) and any zone;
 * a date that names no zone is read in Vietnam time like every other date here.
 */
export function parseFeedDate(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const text = raw.replace(/\s+/gu, ' ').trim();
  if (text === '') return null;
  return parseRfc822(text) ?? parseDate(text);
}

/** Strict RFC 822/2822; `null` when the text is not in that shape or not a real date. */
function parseRfc822(text: string): string | null {
  const match = RFC822_PATTERN.exec(text);
  if (match === null) return null;
  const [, day, monthName, yearText, hour, minute, second, zone] = match;
  const month = MONTHS[(monthName ?? '').slice(0, 3).toLowerCase()];
  if (month === undefined || yearText === undefined) return null;
  const shortYear = Number(yearText);
  const year = yearText.length === 2 ? (shortYear < 50 ? 2000 + shortYear : 1900 + shortYear) : shortYear;
  const offset = zone === undefined ? undefined : zoneOffset(zone);
  if (offset === null) return null;
  const wallClock = `${year}-${pad(month)}-${pad(Number(day))}T${pad(Number(hour))}:${minute}:${second ?? '00'}`;
  return parseDate(wallClock, offset === undefined ? {} : { defaultOffsetMinutes: offset });
}

/**
 * `+0700`, `+07:00`, `GMT`, `CEST` → minutes east of UTC; unknown names → 0;
 * `null` for a numeric offset out of range (`+0760`).
 */
function zoneOffset(zone: string): number | null {
  const name = zone.toLowerCase();
  if (/^[+-]/u.test(name)) return parseNumericOffset(name);
  return FEED_ZONE_NAMES[name] ?? 0;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
