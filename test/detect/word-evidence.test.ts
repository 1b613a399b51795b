import { describe, expect, it } from 'vitest';
import { scoreWords } from '../../src/detect/word-evidence.js';

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
