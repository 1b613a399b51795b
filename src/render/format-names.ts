/**
 * The names of the export formats, in the order help shows them. Kept apart from
 * render/formats.ts so the command line can offer them without loading a renderer.
 */

export const EXPORT_FORMAT_NAMES = ['json', 'jsonl', 'md', 'html', 'jsonfeed', 'rss', 'atom'] as const;

export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];
