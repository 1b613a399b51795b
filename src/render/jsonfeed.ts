/**
 * `news export --format jsonfeed`: JSON Feed 1.1 (https://jsonfeed.org/version/1.1),
 * newest first, streamed item by item. Texts are plain (`summary`, `content_text`);
 * our own fields ride in the `_news` extension object, as the spec allows.
 */
import type { GroupedItem, Item } from '../types.js';
import type { ExportContext, ExportFormat, ExportRenderer } from './export-format.js';
import { bylineNames, FEED_DESCRIPTION, feedTitle, itemId, PROJECT_URL, publishedOrSeen, rfc3339 } from './feed-meta.js';
import { httpUrl, markupSafe } from './markup.js';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export const jsonFeedFormat: ExportFormat = {
  order: 'newest',
  create: (context) => createJsonFeedRenderer(context),
};

function createJsonFeedRenderer(context: ExportContext): ExportRenderer {
  let first = true;
  return {
    start: () => {
      const head = json({
        version: JSON_FEED_VERSION,
        title: feedTitle(context),
        home_page_url: PROJECT_URL,
        description: FEED_DESCRIPTION,
        language: context.lang ?? undefined,
      });
      // The head object without its closing brace, then the items array opens.
      return `${head.slice(0, -2)},\n  "items": [`;
    },
    item: (item) => {
      const text = `${first ? '' : ','}\n    ${json(jsonFeedItem(item)).replace(/\n/gu, '\n    ')}`;
      first = false;
      return text;
    },
    end: (count) => (count === 0 ? ']\n}\n' : '\n  ]\n}\n'),
  };
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

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
