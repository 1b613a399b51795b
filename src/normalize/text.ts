/**
 * Text normalisation shared by every stage: NFC, whitespace, folding.
 */
import { decodeHTML } from 'entities';

const WHITESPACE = /[\s\u00a0\u200b\u200c\u200d\u2028\u2029\ufeff]+/gu;

/** NFC, collapse all whitespace (incl. nbsp and zero-width) to one space, trim. Empty → `null`. */
export function cleanText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const cleaned = value.normalize('NFC').replace(WHITESPACE, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/** An HTML entity left in text that was encoded twice (`&amp;quot;` in a meta tag). */
const RESIDUAL_ENTITY = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/iu;

/** Decode entities once more when a value still carries them (meta and JSON-LD values). */
export function decodeResidualEntities(value: string): string {
  return RESIDUAL_ENTITY.test(value) ? decodeHTML(value) : value;
}

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
