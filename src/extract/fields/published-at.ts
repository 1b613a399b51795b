/**
 * Publication date. Machine values (JSON-LD, article:published_time and kin) are
 * precise but sometimes wrong or date-only; the date printed near the headline is
 * what readers see. So the visible date (site rule, or the date-marked element
 * nearest the article, never one inside a teaser of another article) wins when it
 * adds a time to a date-only machine value or disagrees with it; otherwise machine
 * values come first. Every value goes through the one date parser (Vietnamese
 * formats, zone-less = +07:00).
 */
import type { Element } from 'domhandler';
import { decodeHTML } from 'entities';
import { parseDate } from '../../normalize/dates.js';
import { rawText } from '../../parse/dom-index.js';
import { findBody, hasMark, inOtherArticle } from '../body.js';
import type { ExtractContext } from '../context.js';
import { memoize } from '../memo.js';
import { runField, type FieldSpec, type Rule } from '../rules.js';
import { elementText } from '../select.js';
import { jsonLdRule, metaRule, selectorRule, siteRule } from './common.js';

const machineRules: Rule[] = [
  jsonLdRule('datePublished', 'dateCreated'),
  metaRule(
    'meta',
    'article:published_time', 'og:article:published_time', 'og:published_time', 'datepublished', 'pubdate',
    'publishdate', 'publish-date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'date', 'sailthru.date',
    'parsely-pub-date', 'article.published',
  ),
];
const timeRule = selectorRule('time', [
  'article time[datetime]@datetime', '[itemprop="datePublished"]@content', '[itemprop="datePublished"]@datetime',
  'time[datetime]@datetime', '[itemprop="datePublished"]',
]);

export const publishedAtField: FieldSpec = {
  rules: [
    { name: 'visible', read: (context) => visibleOverMachine(context) },
    ...machineRules,
    siteRule('publishedAt'),
    timeRule,
    { name: 'date-text', read: (context) => visibleDates(context).map((c) => c.text) },
    { name: 'script', read: (context) => scriptFilledDates(context) },
  ],
  clean: (raw) => parsedDate(raw),
};

/** Dates are parsed once: the machine values are read again after the visible check. */
const parsedDate = memoize((raw: string) => parseDate(raw), 500);

const machineSpec: FieldSpec = { rules: machineRules, clean: (raw) => parsedDate(raw) };
const visibleSpec: FieldSpec = {
  rules: [siteRule('publishedAt'), { name: 'date-text', read: (context) => visibleDates(context).filter((c) => c.hasTime).map((c) => c.text) }],
  clean: (raw) => (HAS_TIME.test(raw) ? parsedDate(raw) : null),
};

/** The visible date with a time, when the machine value lacks the time or disagrees. */
function visibleOverMachine(context: ExtractContext): string | null {
  const machine = runField(machineSpec, context).value;
  if (machine === null) return null;
  const visible = runField(visibleSpec, context).value;
  if (visible === null) return null;
  return Math.abs(Date.parse(visible) - Date.parse(machine)) > 60_000 ? visible : null;
}

/** Class or id words that mark a visible date ("ngày đăng" = date posted, "thời gian" = time). */
const DATE_MARK = /date|time|publish|posted|created|ngay|thoigian|thoi-gian|dateline/i;
const HAS_TIME = /\d{1,2}\s*[:h]\s*\d{2}/;
const FULL_DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/;
const INLINE_CONTAINERS = new Set(['span', 'p', 'div', 'td', 'em', 'i', 'small', 'strong', 'b', 'font', 'li']);
const BLOCKS = new Set(['p', 'div', 'table', 'ul', 'ol', 'li', 'section', 'article']);

interface DateCandidate {
  text: string;
  hasTime: boolean;
  element: Element;
}

const candidatesByPage = new WeakMap<ExtractContext, DateCandidate[]>();

/**
 * Short texts of date-marked elements outside teasers of other articles, those with
 * a time of day first (a date-only text is often the header's "today"), each group
 * ordered by distance from the article body.
 */
function visibleDates(context: ExtractContext): DateCandidate[] {
  const cached = candidatesByPage.get(context);
  if (cached !== undefined) return cached;
  const { index } = context.doc;
  const found: DateCandidate[] = [];
  const body = findBody(context);
  const anchor = body === null ? 0 : index.position(body);
  const seen = new Set<Element>();
  const consider = (element: Element, requireFullDate: boolean): void => {
    if (seen.has(element)) return;
    seen.add(element);
    const text = elementText(element);
    if (text === null || text.length > 120 || !/\d/.test(text)) return;
    if (requireFullDate && !(FULL_DATE.test(text) && HAS_TIME.test(text) && text.length <= 80)) return;
    if (inOtherArticle(context, element)) return;
    found.push({ text, hasTime: HAS_TIME.test(text), element });
  };
  for (const element of index.elements) {
    if (element.name === 'time' || hasMark(element, DATE_MARK)) consider(element, false);
  }
  // Microdata: the element holding <meta itemprop="datePublished"> shows the date as text.
  for (const meta of index.query('meta[itemprop="datePublished"]')) {
    if (meta.parent !== null && meta.parent.type === 'tag') consider(meta.parent as Element, false);
  }
  // Unmarked short texts with a full date and time just above or at the top of the body.
  if (body !== null) {
    for (let i = Math.max(0, anchor - 150); i < Math.min(index.elements.length, anchor + 30); i++) {
      const element = index.elements[i]!;
      if (INLINE_CONTAINERS.has(element.name) && element.children.every((child) => child.type !== 'tag' || !BLOCKS.has((child as Element).name))) {
        consider(element, true);
      }
    }
  }
  const distance = (c: DateCandidate): number => Math.abs(index.position(c.element) - anchor);
  found.sort((a, b) => Number(b.hasTime) - Number(a.hasTime) || distance(a) - distance(b));
  candidatesByPage.set(context, found);
  return found;
}

/**
 * Dates written into an empty date element by an inline script
 * (`document.getElementById("pDateTime").innerHTML="Thứ năm, 20/12/2012, 16:10 GMT+7"`),
 * as on the VnExpress family's older pages.
 */
function scriptFilledDates({ doc }: ExtractContext): string[] {
  const ids = doc.index.elements
    .filter((element) => element.attribs['id'] !== undefined && DATE_MARK.test(element.attribs['id']!) && element.children.length === 0)
    .map((element) => element.attribs['id']!);
  if (ids.length === 0) return [];
  const values: string[] = [];
  for (const script of doc.index.query('script')) {
    const code = rawText(script);
    for (const id of ids) {
      const at = code.indexOf(id);
      if (at === -1) continue;
      const match = /innerHTML\s*=\s*(["'])(.{4,120}?)\1/.exec(code.slice(at, at + 300));
      if (match !== null) values.push(decodeHTML(match[2]!.replace(/<[^>]+>/g, ' ')));
    }
  }
  return values;
}

