/**
 * Page text is untrusted: it must not drive the terminal or inject markup.
 */

/** CSI (`ESC [ … final`), OSC (`ESC ] … BEL|ST`), other two-byte escapes. */
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/gu;
/** C0/C1 controls except tab and newline, DEL, and bidi overrides that reorder what is shown. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** Remove terminal control sequences and control characters (tab and newline stay). */
export function stripControl(text: string): string {
  return text.replace(ANSI, '').replace(CONTROL, '');
}

/** One line for a terminal: controls removed, all whitespace (newlines too) collapsed. */
export function terminalLine(text: string | null): string {
  if (text === null) return '';
  return stripControl(text).replace(/\s+/gu, ' ').trim();
}

/** Characters that start Markdown syntax mid-line; `(`/`)` are harmless once `[`/`]` are escaped. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|~&]/gu;

/** Escape text so Markdown renderers show it literally and never parse HTML from it. */
export function escapeMarkdown(text: string): string {
  return terminalLine(text)
    .replace(MARKDOWN_SPECIAL, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
    .replace(/^(\d+)([.)])/u, '$1\\$2')
    .replace(/^([-+=])/u, '\\$1');
}

/** A URL safe inside Markdown link parentheses: http(s) only, no spaces or parentheses. */
export function markdownUrl(url: string): string | null {
  if (!/^https?:\/\//iu.test(url)) return null;
  return stripControl(url).replace(/[\s()<>]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
