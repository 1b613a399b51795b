import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, parseHttpDate, parseRetryAfter } from '../../src/fetch/retry-after.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const SECOND = 1000;

describe('parseRetryAfter', () => {
  it.each<[string, string | null, number | null]>([
    ['absent', null, null],
    ['delay seconds', '120', NOW + 120 * SECOND],
    ['zero seconds', '0', NOW],
    ['seconds with spaces around', '  7 ', NOW + 7 * SECOND],
    ['fractional seconds', '1.5', NOW + 1500],
    ['IMF-fixdate in the future', 'Wed, 15 Jan 2025 12:05:00 GMT', NOW + 300 * SECOND],
    ['RFC 850 date', 'Wednesday, 15-Jan-25 12:00:30 GMT', NOW + 30 * SECOND],
    ['asctime date', 'Wed Jan 15 12:01:00 2025', NOW + 60 * SECOND],
    ['a past date means now', 'Tue, 14 Jan 2025 12:00:00 GMT', NOW],
    ['huge seconds are clamped to the maximum', '99999999', NOW + MAX_RETRY_AFTER_MS],
    ['a far date is clamped to the maximum', 'Fri, 01 Jan 2100 00:00:00 GMT', NOW + MAX_RETRY_AFTER_MS],
    ['seven hours is clamped to six', String(7 * 3600), NOW + 6 * 3600 * SECOND],
    ['garbage', 'soon', null],
    ['empty', '', null],
    ['negative seconds', '-5', null],
    ['a number is seconds, not a year', '2030', NOW + 2030 * SECOND],
    ['a date without a zone', 'Wed, 15 Jan 2025 12:05:00', null],
    ['an impossible date', 'Mon, 31 Feb 2025 12:00:00 GMT', null],
    ['an ISO date (not an HTTP-date)', '2025-01-15T12:05:00Z', null],
  ])('%s: %j', (_name, value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it('takes a smaller maximum', () => {
    expect(parseRetryAfter('600', NOW, 60 * SECOND)).toBe(NOW + 60 * SECOND);
  });

  it('caps at six hours', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(6 * 60 * 60 * 1000);
  });
});

describe('parseHttpDate', () => {
  it.each<[string, number | null]>([
    ['Sun, 06 Nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Sun Nov  6 08:49:37 1994', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['sun, 06 nov 1994 08:49:37 gmt', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Sun, 06 Foo 1994 08:49:37 GMT', null],
    ['Sun, 06 Nov 1994 25:49:37 GMT', null],
  ])('%j', (value, expected) => {
    expect(parseHttpDate(value)).toBe(expected);
  });
});
