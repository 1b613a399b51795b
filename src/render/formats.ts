/**
 * The export formats by name, as `news export --format` offers them.
 */
import { atomFormat } from './atom.js';
import type { ExportFormat } from './export-format.js';
import type { ExportFormatName } from './format-names.js';
import { htmlFormat } from './html.js';
import { jsonFormat } from './json.js';
import { jsonFeedFormat } from './jsonfeed.js';
import { jsonlFormat } from './jsonl.js';
import { markdownFormat } from './markdown.js';
import { rssFormat } from './rss.js';

export const EXPORT_FORMATS = {
  json: jsonFormat,
  jsonl: jsonlFormat,
  md: markdownFormat,
  html: htmlFormat,
  jsonfeed: jsonFeedFormat,
  rss: rssFormat,
  atom: atomFormat,
} as const satisfies Record<ExportFormatName, ExportFormat>;
