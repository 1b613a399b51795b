/**
 * `news export --format rss`: RSS 2.0, newest first, streamed item by item. Authors
 * and per-item language use Dublin Core (`dc:creator`, `dc:language`): RSS's own
 * `<author>` must be an e-mail address. `<description>` is HTML by convention, so the
 * plain summary is HTML-escaped before it is XML-escaped (readers show it as text).
 * RSS has no element for related links, so a story's other reports (grouped
 * export) are an "also:" paragraph of links at the end of the description.
 */
import type { GroupedItem, Item } from '../types.js';
import type { ExportContext, ExportFormat, ExportRenderer } from './export-format.js';
import { bylineNames, FEED_DESCRIPTION, feedTitle, GENERATOR, itemId, PROJECT_URL, rfc822 } from './feed-meta.js';
import { publishedOrSeen, siteLabel } from './sections.js';
import { escapeMarkup, httpUrl } from './markup.js';

export const rssFormat: ExportFormat = {
  order: 'newest',
  create: (context) => createRssRenderer(context),
};

function createRssRenderer(context: ExportContext): ExportRenderer {
  return {
    start: () =>
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">',
        '<channel>',
        element('title', feedTitle(context)),
        element('link', PROJECT_URL),
        element('description', FEED_DESCRIPTION),
        context.lang === null ? null : element('language', context.lang),
        element('lastBuildDate', rfc822(context.generatedAt)),
        element('generator', `${GENERATOR.name} ${GENERATOR.version}`),
        element('docs', 'https://www.rssboard.org/rss-specification'),
        '',
      ]
        .filter((line): line is string => line !== null)
        .join('\n'),
    item: (item) => rssItem(item),
    end: () => '</channel>\n</rss>\n',
  };
}

/** One `<item>` element (with a trailing newline). */
export function rssItem(item: Item | GroupedItem): string {
  const link = httpUrl(item.url);
  const description = [item.summary === null ? null : escapeMarkup(item.summary), alsoParagraph(item)].filter((part) => part !== null);
  const lines: (string | null)[] = [
    '<item>',
    element('title', item.title ?? item.url),
    link === null ? null : element('link', link),
    description.length === 0 ? null : element('description', description.join('\n')),
    `<guid isPermaLink="false">${escapeMarkup(itemId(item))}</guid>`,
    element('pubDate', rfc822(publishedOrSeen(item))),
    ...bylineNames(item).map((name) => element('dc:creator', name)),
    item.lang === null ? null : element('dc:language', item.lang),
    element('category', siteLabel(item)),
    '</item>',
    '',
  ];
  return lines.filter((line): line is string => line !== null).join('\n');
}

/** `<p>also: <a href="…">source</a>, …</p>` (HTML) for a story's other reports with a web link, or `null`. */
function alsoParagraph(item: Item | GroupedItem): string | null {
  if (!('also' in item)) return null;
  const links = item.also.flatMap((other) => {
    const url = httpUrl(other.url);
    return url === null ? [] : [`<a href="${escapeMarkup(url)}">${escapeMarkup(other.source)}</a>`];
  });
  return links.length === 0 ? null : `<p>also: ${links.join(', ')}</p>`;
}

/** `<name>escaped text</name>`, or `null` (left out) when there is no value. */
function element(name: string, value: string | null): string | null {
  return value === null ? null : `<${name}>${escapeMarkup(value)}</${name}>`;
}
