/**
 * The shape every export format shares: text before the first item, text per item,
 * text after the last. Formats are rendered item by item so an export of any size
 * streams to its destination in bounded memory (see cli/stream-output.ts).
 */
import type { Item, Lang } from '../types.js';

/** What a format may say about the export as a whole. */
export interface ExportContext {
  /** ISO 8601 UTC time of the export. */
  generatedAt: string;
  /** The `--lang` filter, when given: the whole export's language. */
  lang: Lang | null;
  /** The `--source` filter, when given. */
  source: string | null;
}

/** One export in progress; `item` is called once per item, in the format's `order`. */
export interface ExportRenderer {
  start(): string;
  item(item: Item): string;
  /** Closes the document; `count` is how many items were rendered. */
  end(count: number): string;
}

/** A format: the item order it needs and a factory for one export. */
export interface ExportFormat {
  /**
   * `newest`: newest first. `grouped`: by language (vi, en, other), then site name
   * (or source), then newest first — for digests with sections (the store's `iterate`).
   */
  order: 'newest' | 'grouped';
  create(context: ExportContext): ExportRenderer;
}

/** Run a renderer over items already in memory: the whole document as one string. */
export function renderAll(format: ExportFormat, items: Iterable<Item>, context: ExportContext): string {
  const renderer = format.create(context);
  const parts = [renderer.start()];
  let count = 0;
  for (const item of items) {
    parts.push(renderer.item(item));
    count += 1;
  }
  parts.push(renderer.end(count));
  return parts.join('');
}
