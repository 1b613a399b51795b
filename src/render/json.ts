/**
 * JSON renderings of items: the documented item schema, in a fixed key order.
 */
import type { GroupedItem, Item } from '../types.js';
import type { ExportContext, ExportFormat, ExportRenderer } from './export-format.js';

/** The export document's schema version; bump on incompatible changes. */
export const EXPORT_VERSION = 1;

/**
 * An item as documented in the README (key order is part of the contract). A grouped
 * list's item (GroupedItem) also carries `also`: the story's other items.
 */
export function itemToJson(item: Item | GroupedItem): Record<string, unknown> {
  const json: Record<string, unknown> = {
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
    storyId: item.storyId,
  };
  if ('also' in item) json['also'] = item.also.map((link) => ({ source: link.source, url: link.url }));
  return json;
}

/** `news export --format json`: `{ version, generatedAt, items }`. */
export function renderJsonExport(items: readonly Item[], generatedAt: string): string {
  return `${JSON.stringify({ version: EXPORT_VERSION, generatedAt, items: items.map(itemToJson) }, null, 2)}\n`;
}

/**
 * `news export --format json`, item by item: byte for byte the document
 * `renderJsonExport` makes, without ever holding all items.
 */
export const jsonFormat: ExportFormat = {
  order: 'newest',
  create: (context) => createJsonRenderer(context),
};

function createJsonRenderer(context: ExportContext): ExportRenderer {
  return jsonItemsRenderer({ version: EXPORT_VERSION, generatedAt: context.generatedAt }, itemToJson);
}

/**
 * A renderer for a JSON object whose `items` array streams: `head`'s fields, then
 * `"items"` with one object per item, laid out exactly as `JSON.stringify(…, null, 2)`
 * lays out the whole document (json and jsonfeed exports).
 */
export function jsonItemsRenderer(head: Record<string, unknown>, toJson: (item: Item | GroupedItem) => unknown): ExportRenderer {
  let first = true;
  return {
    // The head object without its closing brace, then the items array opens.
    start: () => `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "items": [`,
    item: (item) => {
      // As in an array, a value JSON cannot hold is written as null.
      const text = `${first ? '' : ','}\n    ${indentedJson(toJson(item), '    ') ?? 'null'}`;
      first = false;
      return text;
    },
    end: (count) => (count === 0 ? ']\n}\n' : '\n  ]\n}\n'),
  };
}

/**
 * `JSON.stringify(value, null, 2)` with every line after the first indented by
 * `indent`. An object's scalar fields are written directly: an export writes ~20 per
 * item, and pretty-printing them through JSON.stringify and re-indenting the result
 * cost about a third of a 100k-item export. Nested values take the general path
 * (JSON strings never hold a raw newline, so re-indenting by lines is safe).
 */
export function indentedJson(value: unknown, indent: string): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || 'toJSON' in value) {
    return JSON.stringify(value, null, 2)?.replace(/\n/gu, `\n${indent}`);
  }
  const inner = `${indent}  `;
  let text = '';
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    const json = field !== null && typeof field === 'object' ? indentedJson(field, inner) : JSON.stringify(field);
    if (json === undefined) continue; // undefined, functions and symbols: JSON.stringify skips them too
    text += `${text === '' ? '' : ','}\n${inner}${JSON.stringify(key)}: ${json}`;
  }
  return text === '' ? '{}' : `{${text}\n${indent}}`;
}

/** `news list --json`: an array of items. */
export function renderJsonList(items: readonly Item[]): string {
  return `${JSON.stringify(items.map(itemToJson), null, 2)}\n`;
}
