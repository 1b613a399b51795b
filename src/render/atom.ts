/**
 * `news export --format atom`: Atom 1.0 (RFC 4287), newest first, streamed entry by
 * entry. Each entry carries its language as `xml:lang`, its texts as `type="text"`
 * (never parsed as markup), and at least one author: the byline's names, else the
 * site that published it (RFC 4287 requires an author on every entry).
 */
import type { GroupedItem, Item } from '../types.js';
import type { ExportContext, ExportFormat, ExportRenderer } from './export-format.js';
import { bylineNames, FEED_DESCRIPTION, feedId, feedTitle, GENERATOR, itemId, PROJECT_URL, rfc3339 } from './feed-meta.js';
import { escapeMarkup, httpUrl } from './markup.js';
import { siteLabel } from './sections.js';

export const atomFormat: ExportFormat = {
  order: 'newest',
  create: (context) => createAtomRenderer(context),
};

function createAtomRenderer(context: ExportContext): ExportRenderer {
  const lang = context.lang === null ? '' : ` xml:lang="${context.lang}"`;
  return {
    start: () =>
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        `<feed xmlns="http://www.w3.org/2005/Atom"${lang}>`,
        `<id>${escapeMarkup(feedId(context))}</id>`,
        text('title', feedTitle(context)),
        text('subtitle', FEED_DESCRIPTION),
        `<updated>${rfc3339(context.generatedAt) ?? new Date(0).toISOString()}</updated>`,
        `<link rel="related" href="${PROJECT_URL}"/>`,
        `<generator uri="${GENERATOR.uri}" version="${escapeMarkup(GENERATOR.version)}">${GENERATOR.name}</generator>`,
        '',
      ].join('\n'),
    item: (item) => atomEntry(item),
    end: () => '</feed>\n',
  };
}

/** One `<entry>` element (with a trailing newline). */
export function atomEntry(item: Item | GroupedItem): string {
  const link = httpUrl(item.url);
  const names = bylineNames(item);
  const authors = names.length > 0 ? names : [siteLabel(item)];
  const published = rfc3339(item.publishedAt);
  const lines: (string | null)[] = [
    item.lang === null ? '<entry>' : `<entry xml:lang="${item.lang}">`,
    `<id>${escapeMarkup(itemId(item))}</id>`,
    text('title', item.title ?? item.url),
    link === null
      ? null
      : `<link rel="alternate" type="text/html" href="${escapeMarkup(link)}"${item.lang === null ? '' : ` hreflang="${item.lang}"`}/>`,
    // The story's other reports (grouped export) as related links.
    ...('also' in item ? item.also : [])
      .filter((other) => httpUrl(other.url) !== null)
      .map((other) => `<link rel="related" type="text/html" href="${escapeMarkup(httpUrl(other.url)!)}" title="${escapeMarkup(other.source)}"/>`),
    published === null ? null : `<published>${published}</published>`,
    `<updated>${rfc3339(item.updatedAt) ?? published ?? rfc3339(item.firstSeenAt)}</updated>`,
    ...authors.map((name) => `<author><name>${escapeMarkup(name)}</name></author>`),
    item.summary === null ? null : text('summary', item.summary),
    // Without an alternate link RFC 4287 asks for content; give the summary (or title) as text.
    link === null ? text('content', item.summary ?? item.title ?? item.url) : null,
    `<category term="${escapeMarkup(item.source)}"${item.siteName === null ? '' : ` label="${escapeMarkup(item.siteName)}"`}/>`,
    '</entry>',
    '',
  ];
  return lines.filter((line): line is string => line !== null).join('\n');
}

/** An Atom text construct holding plain text. */
function text(name: string, value: string): string {
  return `<${name} type="text">${escapeMarkup(value)}</${name}>`;
}
