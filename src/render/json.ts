/**
 * JSON renderings of items: the documented item schema, in a fixed key order.
 */
import type { Item } from '../types.js';

/** The export document's schema version; bump on incompatible changes. */
export const EXPORT_VERSION = 1;

/** An item as documented in the README (key order is part of the contract). */
export function itemToJson(item: Item): Record<string, unknown> {
  return {
    id: item.id,
    url: item.url,
    canonicalUrl: item.canonicalUrl,
    title: item.title,
    byline: item.byline,
    attribution: item.attribution,
    summary: item.summary,
    lang: item.lang,
    declaredLang: item.declaredLang,
    langSource: item.langSource,
    publishedAt: item.publishedAt,
    firstSeenAt: item.firstSeenAt,
    fetchedAt: item.fetchedAt,
    updatedAt: item.updatedAt,
    siteName: item.siteName,
    imageUrl: item.imageUrl,
    source: item.source,
  };
}

/** `news export --format json`: `{ version, generatedAt, items }`. */
export function renderJsonExport(items: readonly Item[], generatedAt: string): string {
  return `${JSON.stringify({ version: EXPORT_VERSION, generatedAt, items: items.map(itemToJson) }, null, 2)}\n`;
}

/** `news list --json`: an array of items. */
export function renderJsonList(items: readonly Item[]): string {
  return `${JSON.stringify(items.map(itemToJson), null, 2)}\n`;
}
