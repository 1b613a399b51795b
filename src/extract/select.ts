/**
 * Reading site-rule selectors (`css` → text, `css@attr` → attribute) from the DOM.
 */
import type { CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { cleanText } from '../normalize/text.js';

/** Values of every element matching the selector, in document order. */
export function selectValues($: CheerioAPI, selector: string): string[] {
  const at = selector.lastIndexOf('@');
  const hasAttr = at > 0 && !selector.slice(at).includes(']');
  const css = hasAttr ? selector.slice(0, at) : selector;
  const attr = hasAttr ? selector.slice(at + 1) : null;
  const values: string[] = [];
  $(css).each((_, element) => {
    const raw = attr === null ? elementText($, element as Element) : (element as Element).attribs?.[attr] ?? null;
    const value = cleanText(raw);
    if (value !== null) values.push(value);
  });
  return values;
}

/** Visible text of an element: scripts/styles dropped, block boundaries kept as spaces. */
export function elementText($: CheerioAPI, element: Element): string {
  const clone = $(element).clone();
  clone.find('script, style, noscript, template').remove();
  clone.find('br, p, div, li, h1, h2, h3, h4, h5, h6').before(' ');
  return clone.text();
}
