/**
 * `news export --format jsonl`: JSON Lines, one item (the documented item schema,
 * see json.ts) per line, newest first. No header line, so `wc -l` counts items and
 * files concatenate.
 */
import type { ExportFormat } from './export-format.js';
import { itemToJson } from './json.js';

export const jsonlFormat: ExportFormat = {
  order: 'newest',
  create: () => ({
    start: () => '',
    item: (item) => `${JSON.stringify(itemToJson(item))}\n`,
    end: () => '',
  }),
};
