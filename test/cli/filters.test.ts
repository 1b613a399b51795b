import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseLang, parsePositiveInt, parseTimeBound, wantsColorFor } from './filters-helpers.js';

const now = new Date('2026-11-27T12:00:00.000Z');

describe('parseTimeBound', () => {
  it.each([
    ['24h', '2026-11-26T12:00:00.000Z'],
    ['7d', '2026-11-20T12:00:00.000Z'],
    ['90m', '2026-11-27T10:30:00.000Z'],
    ['2w', '2026-11-13T12:00:00.000Z'],
    ['2026-11-01', '2026-10-31T17:00:00.000Z'],
    ['2026-11-01T08:00:00Z', '2026-11-01T08:00:00.000Z'],
    ['2026-11-01T08:00', '2026-11-01T01:00:00.000Z'],
  ])('%j → %j', (value, expected) => {
    expect(parseTimeBound(value, now)).toBe(expected);
  });

  it.each(['yesterday', '24', '2026-13-01', ''])('rejects %j', (value) => {
    expect(() => parseTimeBound(value, now)).toThrow(InvalidArgumentError);
  });
});

describe('parseLang and parsePositiveInt', () => {
  it('accepts vi/en in any case and rejects others', () => {
    expect(parseLang('VI')).toBe('vi');
    expect(parseLang('en')).toBe('en');
    expect(() => parseLang('fr')).toThrow(/expected "vi" or "en"/);
  });
  it('accepts positive integers only', () => {
    expect(parsePositiveInt('20')).toBe(20);
    expect(() => parsePositiveInt('0')).toThrow(InvalidArgumentError);
    expect(() => parsePositiveInt('2.5')).toThrow(InvalidArgumentError);
    expect(() => parsePositiveInt('-1')).toThrow(InvalidArgumentError);
  });
});

describe('colour decision', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { TERM: 'dumb' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [true, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
  ])('tty=%j env=%j → %j', (tty, env, expected) => {
    expect(wantsColorFor(tty, env)).toBe(expected);
  });
});
