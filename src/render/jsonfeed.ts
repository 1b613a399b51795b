/**
 * `news export --format jsonfeed`: JSON Feed 1.1 (https://jsonfeed.org/version/1.1),
 * newest first, streamed item by item. Texts are plain (`summary`, `content_text`);
 * our own fields ride in the `_news` extension object, as the spec allows.
 */
import type { GroupedItem, Item } from '../types.js';
import type { ExportContext, ExportFormat, ExportRenderer } from './export-format.js';
import { bylineNames, FEED_DESCRIPTION, feedTitle, itemId, PROJECT_URL, rfc3339 } from './feed-meta.js';
import { publishedOrSeen } from './sections.js';
import { itemJsonText, jsonItemsRenderer } from './json.js';
import { httpUrl, markupSafe } from './markup.js';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export const jsonFeedFormat: ExportFormat = {
  order: 'newest',
  create: (context) => createJsonFeedRenderer(context),
};

function createJsonFeedRenderer(context: ExportContext): ExportRenderer {
  const head = {
    version: JSON_FEED_VERSION,
    title: feedTitle(context),
    home_page_url: PROJECT_URL,
    description: FEED_DESCRIPTION,
    language: context.lang ?? undefined,
  };
  return jsonItemsRenderer(head, (item) => itemJsonText(jsonFeedItem(item)));
}

/** One item as a JSON Feed item object (absent values left out, as the spec expects). */
export function jsonFeedItem(item: Item | GroupedItem): Record<string, unknown> {
  const authors = bylineNames(item).map((name) => ({ name: text(name) }));
  const title = text(item.title);
  const summary = text(item.summary);
  return {
    id: itemId(item),
    url: httpUrl(item.url) ?? undefined,
    title,
    summary,
    // 1.1 requires content_html or content_text; a digest item's content is its summary.
    content_text: summary ?? title ?? item.url,
    image: httpUrl(item.imageUrl) ?? undefined,
    date_published: rfc3339(publishedOrSeen(item)) ?? undefined,
    date_modified: rfc3339(item.updatedAt) ?? undefined,
    authors: authors.length > 0 ? authors : undefined,
    tags: [text(item.siteName) ?? item.source],
    language: item.lang ?? undefined,
    _news: {
      id: item.id,
      source: item.source,
      siteName: text(item.siteName) ?? null,
      attribution: text(item.attribution) ?? null,
      publishedAt: item.publishedAt,
      // The story's other reports, in a grouped export.
      also: 'also' in item ? item.also.map((link) => ({ source: link.source, url: link.url })) : undefined,
    },
  };
}

/** Page text without control characters; `undefined` when absent (left out of the JSON). */
function text(value: string | null): string | undefined {
  return value === null ? undefined : markupSafe(value);
}
