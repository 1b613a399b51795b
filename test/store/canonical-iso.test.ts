import { describe, expect, it } from 'vitest';
import { canonicalIso } from '../../src/store/items.js';

/** What canonicalIso must return: the text Date prints for the time, or the input when Date cannot read it. */
function throughDate(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

describe('canonicalIso', () => {
  it.each([
    ['2026-11-27T03:30:00.000Z', '2026-11-27T03:30:00.000Z'],
    ['2026-11-27T10:30:00+07:00', '2026-11-27T03:30:00.000Z'],
    ['2026-11-27T03:30:00Z', '2026-11-27T03:30:00.000Z'],
    ['2026-02-29T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
    ['2024-02-29T00:00:00.000Z', '2024-02-29T00:00:00.000Z'],
    ['2026-04-31T12:00:00.000Z', '2026-05-01T12:00:00.000Z'],
    ['2026-11-27T24:00:00.000Z', '2026-11-28T00:00:00.000Z'],
    ['not a date', 'not a date'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalIso(input)).toBe(expected);
  });

  it('gives what Date gives for 20,000 timestamps of the canonical shape, days 29–31, hour 24 and minute 60 included', () => {
    let seed = 7;
    const next = (limit: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % limit;
    };
    for (let n = 0; n < 20_000; n++) {
      const value = `${pad(1900 + next(200), 4)}-${pad(1 + next(13), 2)}-${pad(1 + next(31), 2)}T${pad(next(25), 2)}:${pad(next(61), 2)}:${pad(next(60), 2)}.${pad(next(1000), 3)}Z`;
      expect(canonicalIso(value)).toBe(throughDate(value));
    }
  });
});
