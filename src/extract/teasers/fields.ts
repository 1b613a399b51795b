/**
 * The visible fields of one teaser: its headline (link text, or the `title`
 * attribute when the text is cut short or carries extras), and from the elements
 * around it the summary and the byline (a byline element, or the "Name |" line).
 */
import type { AnyNode, Element } from 'domhandler';
import { cleanText, toNfc } from '../../normalize/text.js';
import { rawText, SKIPPED_TAGS, textOf } from '../../parse/dom-index.js';
import { cleanByline } from '../clean/byline.js';
import { cleanSummary, hasRelatedLinks, stripOutletPrefix } from '../clean/summary.js';
import { BOILERPLATE, BYLINE, hintsOf, META, SUMMARY } from './hints.js';

const ELLIPSIS = /(?:…|\.\.\.)\s*$/u;

/**
 * Letters in a text, fast and close enough for length comparisons: ASCII letters and
 * every character from U+00C0 up except punctuation and symbol blocks.
 */
export function letterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xc0) {
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) count++;
    } else if (code !== 0xd7 && code !== 0xf7 && (code < 0x2000 || code > 0x2bff) && (code < 0x3000 || code > 0x303f)) {
      count++;
    }
  }
  return count;
}

/** Letters in an element's own text nodes (not its children's): prose around a link. */
export function ownLetters(element: Element): number {
  let count = 0;
  for (const child of element.children) if (child.type === 'text') count += letterCount(child.data);
  return count;
}

/** Whether any text (not only whitespace) shows under a node: an image-only link has none. */
export function hasVisibleText(node: AnyNode): boolean {
  if (node.type === 'text') return /\S/u.test(node.data);
  if (node.type !== 'tag' || SKIPPED_TAGS.has(node.name)) return false;
  for (const child of node.children) if (hasVisibleText(child)) return true;
  return false;
}

/** h1–h6. */
export function isHeading(element: Element): boolean {
  const name = element.name;
  if (name.length !== 2 || name.charCodeAt(0) !== 0x68) return false;
  const level = name.charCodeAt(1);
  return level >= 0x31 && level <= 0x36;
}

/** A headline as shown, and whether it only came from an attribute of an image link. */
export interface Headline {
  title: string;
  /** No visible text: the title came from the `title` attribute or the image's alt text. */
  weak: boolean;
}

/**
 * The headline of a link. The text wins, except when it is cut short ("…") and the
 * `title` attribute holds the whole headline, or when the text wraps the attribute's
 * headline in extras (a label, a comment count). An image-only link falls back to its
 * `title` or the image's `alt`.
 */
export function headlineOf(link: Element): Headline | null {
  const text = tidyText(textOf(link));
  const rawAttr = link.attribs['title'];
  if (text === null) {
    const alt = cleanText(rawAttr) ?? cleanText(firstImageAlt(link));
    return alt === null ? null : { title: alt, weak: true };
  }
  const attr = rawAttr === undefined || rawAttr === text ? null : cleanText(rawAttr);
  if (attr !== null && attr !== text && wordCount(attr) >= 2) {
    const truncated = ELLIPSIS.test(text);
    if (truncated || attr.length < text.length) {
      const shown = (truncated ? text.replace(ELLIPSIS, '') : text).toLowerCase();
      const full = attr.toLowerCase();
      if (truncated && full.startsWith(shown) && full.length > shown.length) return { title: attr, weak: false };
      if (!truncated && shown.includes(full) && attr.length >= text.length * 0.5) return { title: attr, weak: false };
    }
  }
  return { title: text, weak: false };
}

function firstImageAlt(element: Element): string | null {
  for (const child of element.children) {
    if (child.type !== 'tag') continue;
    if (child.name === 'img') return child.attribs['alt'] ?? null;
    const nested = firstImageAlt(child);
    if (nested !== null) return nested;
  }
  return null;
}

/** Whether a title reads like a headline: two words or more, not a paragraph. */
export function isHeadlineText(title: string): boolean {
  return title.length >= 6 && title.length <= 250 && wordCount(title) >= 2;
}

/** Space-separated words that start with a letter or digit (a lone "-" or "|" is no word). */
export function wordCount(text: string): number {
  let count = 0;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      atStart = true;
      continue;
    }
    if (atStart && isWordStart(code)) count++;
    atStart = false;
  }
  return count;
}

function isWordStart(code: number): boolean {
  if (code < 0xc0) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return code !== 0xd7 && code !== 0xf7 && (code < 0x2000 || code > 0x2bff) && (code < 0x3000 || code > 0x303f);
}


/** Where a teaser's summary and byline may be: the block (and siblings after a bare headline). */
export interface TeaserScope {
  roots: Element[];
  /** The headline link, or its heading: never part of the summary. */
  headline: Element;
  title: string;
  /** The teaser's article key: links elsewhere inside a lead are "related" links and are dropped. */
  key: string;
  keyOfLink: (link: Element) => string | null;
}

const MIN_SUMMARY_LETTERS = 20;
const MIN_PROSE_LETTERS = 30;
const TRAILING_MARKS = /[\s>»›|]+$/u;
const TRAILING_MARK_CHARS = '>»›|';
/** "Đức Long |", "Đức Long | 2 giờ trước": a name before a bar. */
const NAME_BAR = /^\s*([^|\d]{2,50}?)\s*\|/u;

/**
 * The teaser's summary and byline, in one walk of its scope. The summary is the first
 * summary-classed element (description, sapo, lead, "des"…), else the first element
 * carrying prose of its own, without "related" links to other articles; the byline is
 * a byline-classed element, or a "Name |" line.
 */
export function describeTeaser(scope: TeaserScope): { summary: string | null; byline: string | null } {
  // Elements around the headline (up to the scope's root) hold it and more: never a summary or byline themselves.
  const aroundHeadline: AnyNode[] = [];
  for (let node: AnyNode | null = scope.headline; node !== null; node = node.parent) {
    aroundHeadline.push(node);
    if (node === scope.roots[0]) break;
  }
  // Left out of a summary: the headline, bylines, dates and counters, in-page anchors
  // (comment counts) and "related" links to other articles.
  const leaveOut = (element: Element): boolean => {
    if (element === scope.headline || element.name === 'time' || (hintsOf(element) & (BYLINE | META)) !== 0) return true;
    if (element.name !== 'a') return false;
    if (element.attribs['href']?.includes('#')) return true;
    const key = scope.keyOfLink(element);
    return key !== null && key !== scope.key;
  };
  const summaryFrom = (element: Element): string | null => {
    const text = summaryText(textOf(element, Infinity, leaveOut));
    if (text === null) return null;
    const trimmed = TRAILING_MARK_CHARS.includes(text[text.length - 1]!) ? text.replace(TRAILING_MARKS, '') : text;
    if (letterCount(trimmed) < MIN_SUMMARY_LETTERS || wordCount(trimmed) < 4) return null;
    return sameText(trimmed, scope.title) ? null : trimmed;
  };

  let summary: string | null = null;
  let byline: string | null = null;
  let prose: Element | null = null;
  const visit = (element: Element): boolean => {
    if (element === scope.headline || SKIPPED_TAGS.has(element.name)) return false;
    const holdsHeadline = aroundHeadline.includes(element);
    const hints = holdsHeadline ? 0 : hintsOf(element);
    if ((hints & BOILERPLATE) !== 0) return false;
    if ((hints & BYLINE) !== 0) {
      byline ??= nameFrom(firstBarPart(textOf(element)));
      return summary !== null && byline !== null;
    }
    if (summary === null && (hints & SUMMARY) !== 0) {
      summary = summaryFrom(element);
      if (summary !== null) return byline !== null;
    }
    if (!holdsHeadline) {
      if (byline === null && ownTextHas(element, '|')) {
        const match = NAME_BAR.exec(rawText(element));
        if (match !== null) byline = nameFrom(match[1]!);
      }
      if (summary === null && prose === null && ownLetters(element) >= MIN_PROSE_LETTERS) prose = element;
    }
    for (const child of element.children) if (child.type === 'tag' && visit(child)) return true;
    return false;
  };
  for (const root of scope.roots) if (visit(root)) break;
  if (summary === null && prose !== null) summary = summaryFrom(prose);
  return { summary, byline };
}

/** The first non-empty part of "| Đức Long |" or "Đức Long | 2 giờ trước". */
function firstBarPart(text: string): string {
  for (const part of text.split('|')) if (part.trim() !== '') return part;
  return '';
}

/** Characters `cleanText` treats as whitespace: JS `\s`, no-break and zero-width spaces, BOM. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200d) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * `cleanText` in one pass (whitespace collapsed and trimmed, NFC; `null` when empty)
 * — the same result, several times faster on the many short texts of a listing page.
 */
export function tidyText(raw: string): string | null {
  let out = '';
  let start = -1;
  let pendingSpace = false;
  for (let i = 0; i < raw.length; i++) {
    if (isSpace(raw.charCodeAt(i))) {
      if (start !== -1) {
        out += raw.slice(start, i);
        start = -1;
        pendingSpace = out !== '';
      }
      continue;
    }
    if (start === -1) {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      start = i;
    }
  }
  if (start !== -1) out += raw.slice(start);
  return out === '' ? null : toNfc(out);
}

/**
 * `cleanSummary` (outlet prefix and related links removed) with its work skipped
 * when there is no related-link marker.
 */
function summaryText(raw: string): string | null {
  const text = tidyText(raw);
  if (text === null) return null;
  if (hasRelatedLinks(text)) return cleanSummary(text);
  // A removed prefix ends in the spaces after it: what is left is still tidy.
  return stripOutletPrefix(text);
}

/** Same text, ignoring case and spacing (a lead that repeats the headline is no summary). */
function sameText(a: string, b: string): boolean {
  return Math.abs(a.length - b.length) <= 4 && a.toLowerCase() === b.toLowerCase();
}

/** A capitalised name word or initials: "Đức", "H.V.". */
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)+$/u;

/** A person's name (1–6 capitalised words, no digits), cleaned; `null` otherwise. */
function nameFrom(raw: string): string | null {
  const text = cleanText(raw);
  if (text === null || text.length > 60 || /\d/u.test(text)) return null;
  const words = text.split(' ');
  if (words.length > 6) return null;
  const { byline } = cleanByline(text);
  if (byline === null) return null;
  return byline.split(/,\s*/u).every((name) => name.split(' ').every((word) => NAME_WORD.test(word))) ? byline : null;
}

function ownTextHas(element: Element, needle: string): boolean {
  for (const child of element.children) if (child.type === 'text' && child.data.includes(needle)) return true;
  return false;
}


