/**
 * Escaping page text for HTML and XML output. Page text is untrusted: after these,
 * a title holding `<script>` or `]]>` is shown as text and never parsed as markup.
 */
import { stripControl } from './sanitize.js';

/** Characters XML 1.0 forbids even as references (besides the controls stripControl drops). */
// With the `u` flag a well-formed surrogate pair is one code point, so only lone halves match.
const NOT_XML = /[\ufffe\uffff\ud800-\udfff]/gu;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A quick test (no `u` flag: any surrogate half matches) for text that may need
 * cleaning; most page text has none of these, and the thorough passes are slow.
 */
const MAYBE_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]/;
const SPECIAL = /[&<>"']/;

/** Text fit for an XML or HTML document: control characters, non-characters and lone surrogates removed. */
export function markupSafe(text: string): string {
  if (!MAYBE_UNSAFE.test(text)) return text;
  return stripControl(text).replace(NOT_XML, '');
}

/** Escape text for an HTML/XML text node or a quoted attribute value (`& < > " '`). */
export function escapeMarkup(text: string): string {
  const safe = markupSafe(text);
  return SPECIAL.test(safe) ? safe.replace(/[&<>"']/gu, (c) => ENTITIES[c]!) : safe;
}

/** The URL when it is http(s) (safe to link to), else `null` (no `javascript:` links). */
export function httpUrl(url: string | null): string | null {
  if (url === null) return null;
  const clean = markupSafe(url).trim();
  return /^https?:\/\/[^\s]+$/iu.test(clean) ? clean : null;
}
