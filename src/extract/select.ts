/**
 * Reading site-rule selectors (`css` → text, `css@attr` → attribute) from the
 * indexed DOM.
 */
import type { Element } from 'domhandler';
import type { ParsedDocument } from '../parse/document.js';
import { textOf } from '../parse/dom-index.js';
import { cleanText } from '../normalize/text.js';

/** Split `css@attr` into its parts (`@` inside brackets belongs to the CSS). */
export function splitSelector(selector: string): { css: string; attr: string | null } {
  const at = selector.lastIndexOf('@');
  if (at <= 0 || selector.slice(at).includes(']')) return { css: selector, attr: null };
  return { css: selector.slice(0, at), attr: selector.slice(at + 1) };
}

/** Values of every element matching the selector, in document order. */
export function selectValues(doc: ParsedDocument, selector: string): string[] {
  return [...eachValue(doc, selector)];
}

/** The values of the elements matching the selector, in document order, each read when reached. */
export function* eachValue(doc: ParsedDocument, selector: string): Generator<string> {
  const { css, attr } = splitSelector(selector);
  for (const element of doc.index.query(css)) {
    const value = cleanText(attr === null ? textOf(element) : element.attribs[attr] ?? null);
    if (value !== null) yield value;
  }
}

/** Visible text of an element, cleaned (NFC, whitespace collapsed), or `null`. */
export function elementText(element: Element): string | null {
  return cleanText(textOf(element));
}
