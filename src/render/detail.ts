/**
 * `news show`: one item in full, as labelled lines for people.
 */
import { Chalk } from 'chalk';
import type { Item } from '../types.js';
import { formatDisplayDate } from './dates.js';
import { terminalLine } from './sanitize.js';

export function renderDetail(item: Item, options: { color: boolean }): string {
  const style = new Chalk({ level: options.color ? 1 : 0 });
  const date = (iso: string | null): string | null => (iso === null ? null : `${formatDisplayDate(iso)}  ${iso}`);
  const rows: [string, string | null][] = [
    ['Title', item.title],
    ['Byline', item.byline],
    ['Credit', item.attribution],
    ['Published', date(item.publishedAt)],
    ['Language', item.lang === null ? null : `${item.lang}${item.declaredLang && item.declaredLang !== item.lang ? ` (page declares ${item.declaredLang})` : ''}`],
    ['Site', item.siteName === null ? item.source : `${item.siteName} (${item.source})`],
    ['URL', item.url],
    ['Canonical', item.canonicalUrl !== item.url ? item.canonicalUrl : null],
    ['Image', item.imageUrl],
    ['First seen', date(item.firstSeenAt)],
    ['Fetched', date(item.fetchedAt)],
    ['Id', String(item.id)],
  ];
  const lines = rows
    .filter((row): row is [string, string] => row[1] !== null)
    .map(([label, value]) => `${style.bold(label.padEnd(10))}  ${terminalLine(value)}`);
  if (item.summary !== null) lines.push('', terminalLine(item.summary));
  return `${lines.join('\n')}\n`;
}
