/**
 * cleanText gives exactly what the general cleaner (NFC through ICU, every kind of
 * whitespace collapsed) gives, whichever path it takes (unchanged, ASCII whitespace
 * collapsed, or the general path), and
 * toNfc exactly what String.normalize('NFC') gives. The characters the fast path
 * trusts to be NFC stay NFC in any pair.
 */
import { describe, expect, it } from 'vitest';
import { cleanText, toNfc } from '../../src/normalize/text.js';

/** The general cleaner, written out: what every path of cleanText must give. */
function sharedCleanText(text: string): string | null {
  const cleaned = text.normalize('NFC').replace(/[\s\u00a0\u200b\u200c\u200d\u2028\u2029\ufeff]+/gu, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

const CASES = [
  'Hà Nội mở thêm 12 tuyến xe buýt', '  Hà  Nội \n\t mở ', 'plain', ' lead', 'trail ', 'a  b', '', ' ', '\n\t ', 'a\u00a0b',
  '\u00a0a\u00a0', 'a\u200bb', 'a\u2028b', 'a\ufeffb', 'a\u3000b', 'a\u202fb', 'e\u0301', 'Nguye\u0302\u0303n', 'Ảnh: “Tiêu đề” – thêm…',
  'x\u0085y', 'x\u0000y', 'x\u001fy', '\u000b\u000c\r', 'Ω ℃ ﬁ', '한국어', '中文 标题', '𝐀𝐁', '\ud800', 'a\u2010b\u2027c\u2030d\u205ee\u205ff',
];

/** Characters the fast path treats as plainly NFC (printable ASCII to U+02FF, U+1E00–U+1EFF, most of U+2010–U+205E). */
const SAFE: string[] = [];
for (const [from, to] of [[0x20, 0x2ff], [0x1e00, 0x1eff], [0x2010, 0x2027], [0x2030, 0x205e]] as const) {
  for (let code = from; code <= to; code++) SAFE.push(String.fromCharCode(code));
}

/** Random strings mixing safe letters, whitespace of every kind, marks and other scripts. */
function randomTexts(count: number): string[] {
  const pool = ['a', 'Đ', 'ệ', 'ư', ' ', '  ', '\t', '\n', '\u00a0', '\u200b', '\u2028', '\u0301', '\u0323', '–', '…', '“', 'ﬁ', '中', '𝐀', '\ud800', '.', '1'];
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: next(12) }, () => pool[next(pool.length)]).join(''));
}

describe('cleanText (fast paths)', () => {
  it.each(CASES)('%j cleans as the shared cleaner does', (text) => {
    expect(cleanText(text)).toBe(sharedCleanText(text));
  });

  it('agrees with the shared cleaner on random mixed text', () => {
    for (const text of randomTexts(5000)) expect(cleanText(text)).toBe(sharedCleanText(text));
  });

  it.each([null, undefined])('%s is null', (value) => {
    expect(cleanText(value)).toBeNull();
  });
});

describe('toNfc', () => {
  it.each(CASES)('%j is NFC as String.normalize gives it', (text) => {
    expect(toNfc(text)).toBe(text.normalize('NFC'));
  });

  it('trusts only characters that stay NFC next to each other', () => {
    for (const first of SAFE) {
      for (const second of SAFE) {
        const pair = first + second;
        if (pair.normalize('NFC') !== pair) expect.fail(`${first.charCodeAt(0).toString(16)} ${second.charCodeAt(0).toString(16)}`);
      }
    }
  });
});
