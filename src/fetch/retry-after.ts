/**
 * Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date, turned into the
 * epoch time before which we must not ask the host again. A server asking for more
 * than MAX_RETRY_AFTER_MS gets that maximum: clamped, never ignored, so a typo'd
 * "wait a year" cannot switch a source off, and "wait 10 hours" still pauses it.
 */
import { FetchError } from '../errors.js';

/** The longest pause we accept from Retry-After: 6 hours. */
export const MAX_RETRY_AFTER_MS = 6 * 60 * 60 * 1000;

/**
 * A 429 or 503 answer: the host wants us to back off until `retryAt` (epoch ms).
 * `fromHeader` tells whether the time came from Retry-After or is our own default pause.
 */
export class RateLimitedError extends FetchError {
  constructor(
    message: string,
    status: number,
    /** Epoch milliseconds before which the host must not be asked again. */
    readonly retryAt: number,
    /** True when `retryAt` came from the response's Retry-After header. */
    readonly fromHeader: boolean,
  ) {
    super(message, 'rate-limited', status);
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`. */
const IMF_FIXDATE = /^[a-z]{3},\s*(\d{1,2})\s+([a-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s+(?:gmt|utc)$/i;
/** Obsolete RFC 850: `Sunday, 06-Nov-94 08:49:37 GMT`. */
const RFC_850 = /^[a-z]+,\s*(\d{1,2})-([a-z]{3})-(\d{2}|\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s+(?:gmt|utc)$/i;
/** Obsolete asctime: `Sun Nov  6 08:49:37 1994` (always UTC). */
const ASCTIME = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})$/i;
const DELAY_SECONDS = /^\d+(?:\.\d+)?$/;

/**
 * The epoch ms a Retry-After value asks us to wait until, seen at `now`: never
 * earlier than `now` (a past date means "now"), never later than `now + maxMs`.
 * `null` when the header is absent or not a valid delay or HTTP-date.
 */
export function parseRetryAfter(value: string | null, now: number, maxMs: number = MAX_RETRY_AFTER_MS): number | null {
  if (value === null) return null;
  const text = value.trim();
  let target: number | null;
  if (DELAY_SECONDS.test(text)) target = now + Number(text) * 1000;
  else target = parseHttpDate(text);
  if (target === null || !Number.isFinite(target)) return null;
  return Math.round(Math.min(Math.max(target, now), now + maxMs));
}

/** An HTTP-date in any of its three forms as epoch ms, or `null`. */
export function parseHttpDate(text: string): number | null {
  let match = IMF_FIXDATE.exec(text);
  if (match) return utc(match[3], match[2], match[1], match[4], match[5], match[6]);
  match = RFC_850.exec(text);
  if (match) return utc(twoDigitYear(match[3]), match[2], match[1], match[4], match[5], match[6]);
  match = ASCTIME.exec(text);
  if (match) return utc(match[6], match[1], match[2], match[3], match[4], match[5]);
  return null;
}

/** RFC 850 two-digit years: 70–99 are 19xx, 00–69 are 20xx. */
function twoDigitYear(year: string | undefined): string | undefined {
  if (year === undefined || year.length !== 2) return year;
  const value = Number(year);
  return String(value >= 70 ? 1900 + value : 2000 + value);
}

function utc(
  year: string | undefined,
  monthName: string | undefined,
  day: string | undefined,
  hours: string | undefined,
  minutes: string | undefined,
  seconds: string | undefined,
): number | null {
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase());
  const parts = [year, day, hours, minutes, seconds].map(Number);
  const [y = NaN, d = NaN, h = NaN, mi = NaN, s = NaN] = parts;
  if (month < 0 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const time = Date.UTC(y, month, d, h, mi, s);
  // Reject dates that roll over, e.g. 31 Feb.
  if (new Date(time).getUTCDate() !== d) return null;
  return time;
}
