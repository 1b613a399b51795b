import { describe, expect, it } from 'vitest';
import { urlHash } from '../../src/store/url-hash.js';

describe('urlHash', () => {
  // Stored in every database since schema 7: these values must never change.
  it.each([
    ['', 101945795579267],
    ['a', 47998453774593],
    ['https://vnexpress.net/gia-vang-tang-4812345.html', 93514306136182],
    ['https://tuoitre.vn/đà-nẵng.htm', 113841146442700],
  ])('%j → %d', (key, expected) => {
    expect(urlHash(key)).toBe(expected);
  });

  it('fits in 47 bits (six bytes in SQLite) and spreads 100k similar keys without a collision', () => {
    const seen = new Set<number>();
    for (let n = 0; n < 100_000; n++) {
      const hash = urlHash(`https://vnexpress.net/bai-viet-${n}.html`);
      expect(Number.isSafeInteger(hash) && hash >= 0 && hash < 2 ** 47).toBe(true);
      seen.add(hash);
    }
    expect(seen.size).toBe(100_000);
  });
});
