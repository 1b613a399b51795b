/**
 * Publication date: machine values first (JSON-LD, article:published_time and kin),
 * then the site's visible date, then generic <time> and date elements. Every value
 * goes through the one date parser (Vietnamese formats, zone-less = +07:00).
 */
import { parseDate } from '../../normalize/dates.js';
import { cleanText } from '../../normalize/text.js';
import type { ExtractContext } from '../context.js';
import type { FieldSpec } from '../rules.js';
import { jsonLdRule, metaRule, selectorRule, siteRule } from './common.js';

export const publishedAtField: FieldSpec = {
  rules: [
    jsonLdRule('datePublished', 'dateCreated'),
    metaRule(
      'meta',
      'article:published_time', 'og:article:published_time', 'og:published_time', 'datepublished', 'pubdate',
      'publishdate', 'publish-date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'date', 'sailthru.date',
      'parsely-pub-date', 'article.published',
    ),
    siteRule('publishedAt'),
    selectorRule('time', [
      'article time[datetime]@datetime', '[itemprop="datePublished"]@content', '[itemprop="datePublished"]@datetime',
      'time[datetime]@datetime', '[itemprop="datePublished"]',
    ]),
    { name: 'date-text', read: (context) => visibleDates(context) },
  ],
  clean: (raw) => parseDate(raw),
};

/** Class or id words that mark a visible date ("ngày đăng" = date posted, "thời gian" = time). */
const DATE_MARK = /date|time|publish|posted|created|ngay|thoigian|thoi-gian|dateline/i;
const HAS_TIME = /\d{1,2}\s*[:h]\s*\d{2}/;

/**
 * Short texts of elements marked as dates, those showing a time of day first:
 * a date-only text is often the site header's "today", not the article's date.
 */
function visibleDates({ doc }: ExtractContext): string[] {
  const withTime: string[] = [];
  const dateOnly: string[] = [];
  doc.$('[class], [id], time').each((_, element) => {
    const marks = `${element.attribs['class'] ?? ''} ${element.attribs['id'] ?? ''}`;
    if (element.name !== 'time' && !DATE_MARK.test(marks)) return;
    const text = cleanText(doc.$(element).text());
    if (text === null || text.length > 120) return;
    (HAS_TIME.test(text) ? withTime : dateOnly).push(text);
  });
  return [...withTime, ...dateOnly];
}
