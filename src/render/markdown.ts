/**
 * The Markdown digest: grouped by language (Tiếng Việt, English, other), then by
 * source; each item a linked title, "byline · date" and the summary. All page text
 * is escaped so it cannot inject Markdown or HTML.
 */
import type { Item } from '../types.js';
import { formatDisplayDate } from './dates.js';
import { escapeMarkdown, markdownUrl } from './sanitize.js';

const LANGUAGE_SECTIONS: { lang: Item['lang']; heading: string }[] = [
  { lang: 'vi', heading: 'Tiếng Việt' },
  { lang: 'en', heading: 'English' },
  { lang: null, heading: 'Other' },
];

export function renderMarkdownDigest(items: readonly Item[], generatedAt: string): string {
  const lines: string[] = [`# News digest`, '', `Generated ${formatDisplayDate(generatedAt)} · ${items.length} item${items.length === 1 ? '' : 's'}`, ''];
  for (const section of LANGUAGE_SECTIONS) {
    const inSection = items.filter((item) => item.lang === section.lang);
    if (inSection.length === 0) continue;
    lines.push(`## ${section.heading}`, '');
    for (const [source, sourceItems] of groupBy(inSection, (item) => item.siteName ?? item.source)) {
      lines.push(`### ${escapeMarkdown(source)}`, '');
      for (const item of sourceItems) lines.push(...renderItem(item), '');
    }
  }
  if (items.length === 0) lines.push('_No items._', '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderItem(item: Item): string[] {
  const title = escapeMarkdown(item.title ?? item.url);
  const url = markdownUrl(item.url);
  const lines = [url === null ? `- **${title}**` : `- [${title}](${url})`];
  const meta = [item.byline, item.publishedAt === null ? null : formatDisplayDate(item.publishedAt)]
    .filter((part): part is string => part !== null)
    .map((part) => escapeMarkdown(part));
  if (meta.length > 0) lines.push(`  ${meta.join(' · ')}`);
  if (item.summary !== null) lines.push(`  ${escapeMarkdown(item.summary)}`);
  return lines;
}

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const k = key(value);
    const group = groups.get(k);
    if (group) group.push(value);
    else groups.set(k, [value]);
  }
  return groups;
}
