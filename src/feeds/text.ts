/**
 * Turning feed values into plain text: titles and summaries are HTML in practice
 * (escaped or inside CDATA, sometimes escaped twice), and author fields mix names
 * with e-mail addresses, roles and wire credits.
 */
import { Parser } from 'htmlparser2';
import { cleanByline, type Byline } from '../extract/clean/byline.js';
import { decodeResidualEntities } from '../normalize/entities.js';
import { cleanText } from '../normalize/text.js';

/** Summaries longer than this are cut at a word boundary and end with `…`. */
export const SUMMARY_MAX_LENGTH = 600;

/** Elements whose text is never shown. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'head']);

/** Elements that separate words: their edges become a space. */
const BREAKING = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'img', 'li', 'ol', 'p', 'pre', 'section',
  'table', 'td', 'th', 'tr', 'ul',
]);

/**
 * HTML (or text that may carry tags and entities) → one line of plain text:
 * tags stripped, scripts dropped, entities decoded (twice when the feed encoded
 * them twice: `&amp;amp;` → `&`), NFC, whitespace collapsed. Empty → `null`.
 */
export function htmlToText(html: string | null | undefined): string | null {
  if (html == null || html.trim() === '') return null;
  let text = '';
  let hiddenDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hiddenDepth += 1;
        else if (BREAKING.has(name)) text += ' ';
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        else if (BREAKING.has(name)) text += ' ';
      },
      ontext(chunk) {
        if (hiddenDepth === 0) text += chunk;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return cleanText(decodeResidualEntities(text));
}

/** Plain text of an HTML summary, cut near `SUMMARY_MAX_LENGTH` characters at a word boundary. */
export function summaryText(html: string | null | undefined): string | null {
  const text = htmlToText(html);
  if (text === null) return null;
  const chars = Array.from(text);
  if (chars.length <= SUMMARY_MAX_LENGTH) return text;
  let cut = chars.slice(0, SUMMARY_MAX_LENGTH).join('');
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace > SUMMARY_MAX_LENGTH * 0.6) cut = cut.slice(0, lastSpace);
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/** Any token with an `@` (`jane@example.com`, `name@x`): names never carry one. */
const EMAIL = /(?:mailto:)?[^\s@()<>[\],;]+@[^\s@()<>[\],;]+/giu;
const EMPTY_BRACKETS = /[(<[]\s*[)>\]]/gu;
const WRAPPED = /^[(<[]\s*(.*?)\s*[)>\]]$/u;
const EDGE_PUNCTUATION = /^[\s,;:|/\-–—]+|[\s,;:|/\-–—]+$/gu;

/**
 * A person's name from a feed author field: `jane@x.com (Jane Doe)` → `Jane Doe`,
 * `Jane Doe <jane@x.com>` → `Jane Doe`, `jane@x.com` → `null`. Tags and entities go too.
 */
export function personName(raw: string | null | undefined): string | null {
  const text = htmlToText(raw);
  if (text === null) return null;
  let name = text.replace(EMAIL, ' ').replace(EMPTY_BRACKETS, ' ');
  name = (cleanText(name) ?? '').replace(EDGE_PUNCTUATION, '');
  const wrapped = WRAPPED.exec(name);
  if (wrapped !== null) name = wrapped[1] ?? '';
  return cleanText(name.replace(EDGE_PUNCTUATION, ''));
}

/**
 * Several author fields → the names joined with ", " and the wire or outlet credits
 * joined with ", " (duplicates dropped), each `null` when there is none. Each field is
 * read as a name first (`personName`: e-mail forms), then cleaned like an article's
 * byline (`cleanByline`): "Theo TTXVN" is an attribution, "Jane Doe (Reuters)" a name
 * and an attribution, "Thu Hằng - PV" loses its role.
 */
export function bylineOf(rawNames: ReadonlyArray<string | null | undefined>): Byline {
  const names: string[] = [];
  const credits: string[] = [];
  for (const raw of rawNames) {
    const name = personName(raw);
    if (name === null) continue;
    const cleaned = cleanByline(name);
    for (const each of cleaned.byline?.split(', ') ?? []) addUnique(names, each);
    if (cleaned.attribution !== null) addUnique(credits, cleaned.attribution);
  }
  return { byline: joined(names), attribution: joined(credits) };
}

/**
 * A feed's author fields tried in order (its fallbacks): the names of the first field
 * that names anybody, the credit of the first that credits anything. A field that
 * only says "Theo TTXVN" does not hide a name in the next one.
 */
export function firstByline(...fields: ReadonlyArray<ReadonlyArray<string | null | undefined>>): Byline {
  let byline: string | null = null;
  let attribution: string | null = null;
  for (const rawNames of fields) {
    if (byline !== null && attribution !== null) break;
    const found = bylineOf(rawNames);
    byline ??= found.byline;
    attribution ??= found.attribution;
  }
  return { byline, attribution };
}

/** Append a value not already in the list. */
function addUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/** `a, b`, or `null` for none. */
function joined(values: readonly string[]): string | null {
  return values.length === 0 ? null : values.join(', ');
}
