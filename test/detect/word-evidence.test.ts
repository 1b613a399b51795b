import { describe, expect, it } from 'vitest';
import { scoreWords, splitWords } from '../../src/detect/word-evidence.js';

describe('scoreWords', () => {
  it.each([
    // text, vi points, en points
    // A lower-case accented Vietnamese word: 2.
    ['bò', 2, 0],
    // Capitalised words are names: nothing.
    ['Hà Nội', 0, 0],
    ['Nguyễn Lưu Trung', 0, 0],
    // English function words: 3 when not Vietnamese-shaped ("and"), 0.5 when they are ("the").
    ['and', 0, 3],
    ['the', 0, 0.5],
    // …nothing when such a word ends a sentence ("cam on" = cảm ơn), unless it is the whole sentence.
    ['cam on', 0.5, 0],
    ['on', 0, 0.5],
    // Plain words: Vietnamese function word 1, Vietnamese-shaped 0.5, not Vietnamese-shaped 1.
    ['cua', 1, 0],
    ['vang', 0.5, 0],
    ['street', 0, 1],
    // No vowel: a unit or abbreviation, no evidence.
    ['km', 0, 0],
    // Accented but not a Vietnamese syllable.
    ['café', 0, 0],
    // A capitalised sentence start followed by a lower-case word counts at half.
    ['Storm kills', 0, 1.5],
    ['Gia vang', 0.75, 0],
    // …but not when a capitalised word follows: a name.
    ['Nguyen Hoang Giang', 0, 0],
    // Capitalised accented Vietnamese function words count in full.
    ['Những', 2, 0],
    // All capitals: Vietnamese-looking words at half (they may be names).
    ['THỜI SỰ', 2, 0],
    ['HANOI STREETS', 0, 2],
    // Title case: accented words at a quarter.
    ['Phạm Minh Chính Meets Investors', 1.5, 2],
  ] as const)('%j → vi %d, en %d', (text, vi, en) => {
    expect(scoreWords(text)).toMatchObject({ vi, en });
  });

  it('counts function words and accented words, which settle mixed texts', () => {
    expect(scoreWords('Why Hanoians queue for hours for bánh cuốn')).toEqual({
      vi: 4,
      en: 9.5,
      functionWords: { vi: 0, en: 3 },
      accentedWords: 2,
    });
    expect(scoreWords('Concert của BlackPink: fan Việt săn vé online')).toMatchObject({
      functionWords: { vi: 1, en: 0 },
      accentedWords: 4,
    });
  });
});

describe('splitWords', () => {
  /** The words and sentence edges as the Unicode word pattern finds them. */
  function byPattern(text: string): { word: string; sentenceStart: boolean; sentenceEnd: boolean }[] {
    const words: { word: string; sentenceStart: boolean; sentenceEnd: boolean }[] = [];
    let previousEnd = 0;
    for (const match of text.matchAll(/[\p{L}\p{M}]+/gu)) {
      const breaks = words.length === 0 || /[.!?:;…|\n]/u.test(text.slice(previousEnd, match.index));
      if (breaks && words.length > 0) words[words.length - 1]!.sentenceEnd = true;
      words.push({ word: match[0], sentenceStart: breaks, sentenceEnd: false });
      previousEnd = match.index + match[0].length;
    }
    if (words.length > 0) words[words.length - 1]!.sentenceEnd = true;
    return words;
  }

  const strip = (text: string) => splitWords(text).map(({ word, sentenceStart, sentenceEnd }) => ({ word, sentenceStart, sentenceEnd }));

  it.each([
    'Hà Nội mở thêm 12 tuyến xe buýt điện. Từ tháng 9, thêm tuyến!', 'Nguye\u0302\u0303n Va\u0306n A', "Why Hanoians queue for bánh cuốn: it's cheap",
    '𝐀𝐁𝐂 word 😀 emoji', 'lone \ud800 surrogate \udc00 halves', '中文标题 한국어 العربية', 'ǅemal ß ﬁ', '', '  .. !! ', '\u0301leading mark',
  ])('%j: the same words and edges as /[\\p{L}\\p{M}]+/gu', (text) => {
    expect(strip(text)).toEqual(byPattern(text));
  });

  it('agrees with the pattern on random text of letters, marks, digits, emoji and punctuation', () => {
    const pool = ['a', 'Z', 'đ', 'ệ', 'e\u0301', '\u0301', ' ', '.', '!', '\n', '1', '𝐀', '😀', '\ud800', '\udc00', '中', '|', ':', '…', 'ß', '\u0903'];
    let seed = 3;
    const next = (n: number): number => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: next(16) }, () => pool[next(pool.length)]).join('');
      expect(strip(text)).toEqual(byPattern(text));
    }
  });
});
