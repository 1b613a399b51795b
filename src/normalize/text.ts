/**
 * Text normalisation shared by every stage: NFC, whitespace, folding.
 */

const WHITESPACE = /[\s\u00a0\u200b\u200c\u200d\u2028\u2029\ufeff]+/gu;

/** NFC, collapse all whitespace (incl. nbsp and zero-width) to one space, trim. Empty → `null`. */
export function cleanText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const cleaned = value.normalize('NFC').replace(WHITESPACE, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/** Letters, digits and marks: the characters words are made of (FTS5's unicode61 tokenizer agrees on these). */
export const WORD_CHARACTERS = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

const COMBINING_MARKS = /[\u0300-\u036f]/gu;

/**
 * Fold text for matching: lower case, diacritics removed, `đ`→`d` (which has no
 * Unicode decomposition, so NFD alone never folds it). "Đà Nẵng" → "da nang".
 */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .normalize('NFC');
}
