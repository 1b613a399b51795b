/**
 * memoize: a pure string function's results are kept, including null ones, and the
 * table stays bounded.
 */
import { describe, expect, it } from 'vitest';
import { memoize } from '../../src/extract/memo.js';

describe('memoize', () => {
  it('computes each value once and returns the kept result after', () => {
    const seen: string[] = [];
    const upper = memoize((value: string) => {
      seen.push(value);
      return value.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a'), upper('a')]).toEqual(['A', 'B', 'A', 'A']);
    expect(seen).toEqual(['a', 'b']);
  });

  it.each([null, undefined, '', 0, false])('keeps a %s result', (result) => {
    let calls = 0;
    const constant = memoize(() => {
      calls++;
      return result;
    });
    expect(constant('x')).toBe(result);
    expect(constant('x')).toBe(result);
    expect(calls).toBe(1);
  });

  it('empties the table when it reaches its limit, and stays correct', () => {
    let calls = 0;
    const length = memoize((value: string) => {
      calls++;
      return value.length;
    }, 3);
    for (const value of ['a', 'bb', 'ccc']) length(value);
    expect(calls).toBe(3);
    expect(length('dddd')).toBe(4); // table full: emptied, then 'dddd' kept
    expect(calls).toBe(4);
    expect(length('a')).toBe(1); // computed again
    expect(calls).toBe(5);
    expect(length('dddd')).toBe(4);
    expect(calls).toBe(5);
  });
});
