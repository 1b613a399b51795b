/**
 * Text normalisation shared by every stage: NFC, whitespace, folding.
 */

const WHITESPACE = /[\s\u00a0\u200b\u200c\u200d\u2028\u2029\ufeff]+/gu;

/**
 * NFC, collapse all whitespace (incl. nbsp and zero-width) to one space, trim. Empty → `null`.
 * Text that is plainly NFC already, as most page text is, skips String.normalize (ICU)
 * and the Unicode whitespace pattern, which are cold after a page's parse; anything
 * else takes the general path, so results are the same.
 */
export function cleanText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const state = cleanState(value);
  if (state === CLEAN) return value;
  if (state === GENERAL) return cleanTextGeneral(value);
  // Plainly NFC, with only ASCII whitespace and no-break spaces to collapse.
  const cleaned = value.replace(SIMPLE_WHITESPACE, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/** NFC text as String.normalize('NFC') gives it, without ICU when the text is plainly NFC already. */
export function toNfc(text: string): string {
  return isPlainNfc(text) ? text : text.normalize('NFC');
}

const CLEAN = 0;
const COLLAPSE = 1;
const GENERAL = 2;
const SIMPLE_WHITESPACE = /[\t\n\v\f\r \u00a0]+/g;

/**
 * What cleaning the text takes: nothing (CLEAN: not empty, every character plainly
 * NFC, single spaces between other characters), collapsing ASCII whitespace and
 * no-break spaces (COLLAPSE: the rest plainly NFC), or the general path (GENERAL).
 */
function cleanState(text: string): number {
  const length = text.length;
  if (length === 0) return GENERAL;
  let state = CLEAN;
  let afterSpace = true;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      if (afterSpace) state = COLLAPSE;
      afterSpace = true;
    } else if (isNfcSafe(code) && code !== 0xa0) {
      afterSpace = false;
    } else if ((code >= 0x09 && code <= 0x0d) || code === 0xa0) {
      state = COLLAPSE;
      afterSpace = true;
    } else {
      return GENERAL;
    }
  }
  return afterSpace ? COLLAPSE : state;
}

/** Whether every character of the text is plainly NFC (see isNfcSafe). */
function isPlainNfc(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isNfcSafe(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Code units whose characters are NFC in any sequence: starters (combining class 0)
 * that NFC keeps and never composes with what precedes them. Printable ASCII,
 * Latin-1, Latin Extended-A/B and IPA (U+0020–U+02FF, below the combining marks),
 * Latin Extended Additional (U+1E00–U+1EFF: Vietnamese precomposed letters), and the
 * dashes, quotes and ellipsis of General Punctuation (U+2010–U+2027, U+2030–U+205E,
 * leaving out its spaces, separators and format characters). Control characters
 * are not listed: cleanState handles the whitespace ones itself.
 */
function isNfcSafe(code: number): boolean {
  if (code < 0x300) return code >= 0x20;
  if (code < 0x1e00) return false;
  return code <= 0x1eff || (code >= 0x2010 && code <= 0x2027) || (code >= 0x2030 && code <= 0x205e);
}

/** cleanText for any text: NFC through ICU, every kind of whitespace collapsed. */
function cleanTextGeneral(value: string): string | null {
  const cleaned = value.normalize('NFC').replace(WHITESPACE, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/**
 * One word character, as a regex class source: letters, digits, marks and private-use
 * characters (FTS5's unicode61 tokenizer agrees on these).
 */
export const WORD_CHARACTER_CLASS = '[\\p{L}\\p{N}\\p{M}\\p{Co}]';

/** Runs of word characters (WORD_CHARACTER_CLASS): the words of a text. */
export const WORD_CHARACTERS = new RegExp(`${WORD_CHARACTER_CLASS}+`, 'gu');

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
