/**
 * The terminal table for `news list`: id, date, language, source and title, fitted
 * to the terminal width. Colour only when asked (the CLI decides: TTY and no NO_COLOR).
 */
import { Chalk } from 'chalk';
import type { GroupedItem, Item } from '../types.js';
import { formatShortDate } from './dates.js';
import { applyRanges, type Range } from './highlight.js';
import { terminalLine } from './sanitize.js';
import { publishedOrSeen } from './sections.js';

export interface TableOptions {
  color: boolean;
  /** Terminal width in columns; `null` when not a terminal (no truncation). */
  width: number | null;
  /** Search matches to emphasise in a title (render/highlight.ts); shown only with colour. */
  highlight?: (title: string) => readonly Range[];
}

/**
 * The table for items, one line each. A grouped list's item (GroupedItem) ends its line
 * with "[also: vnexpress.net, tuoitre.vn]": the sources of the story's other items.
 */
export function renderTable(items: readonly (Item | GroupedItem)[], options: TableOptions): string {
  const style = new Chalk({ level: options.color ? 1 : 0 });
  if (items.length === 0) return '';
  const rows = items.map((item) => ({
    id: String(item.id),
    date: formatShortDate(publishedOrSeen(item)),
    lang: item.lang ?? '?',
    source: truncate(terminalLine(item.source), 20),
    title: terminalLine(item.title ?? item.url),
    byline: terminalLine(item.byline),
    also: 'also' in item ? alsoSources(item) : [],
  }));
  const idWidth = Math.max(2, ...rows.map((r) => r.id.length));
  const sourceWidth = Math.max(6, ...rows.map((r) => r.source.length));
  const fixed = idWidth + 16 + 2 + sourceWidth + 4 * 2;
  const titleWidth = options.width === null ? null : Math.max(20, options.width - fixed);
  const header = [pad('ID', idWidth), pad('DATE', 16), 'LG', pad('SOURCE', sourceWidth), 'TITLE'].join('  ');
  const lines = [style.bold(header)];
  for (const row of rows) {
    const byline = row.byline === '' ? '' : ` — ${row.byline}`;
    const also = row.also.length === 0 ? '' : `  [also: ${alsoLabel(row.also, titleWidth === null ? null : Math.floor(titleWidth / 3))}]`;
    const room = titleWidth === null ? null : Math.max(10, titleWidth - [...also].length);
    const title = room === null ? row.title + byline : truncate(row.title + byline, room);
    const [head, tail] = splitAt(title, row.title.length);
    lines.push(
      [
        style.dim(pad(row.id, idWidth, true)),
        pad(row.date, 16),
        style.cyan(pad(row.lang, 2)),
        style.yellow(pad(row.source, sourceWidth)),
        emphasize(head, row.title, options, style) + style.dim(tail) + style.magenta(also),
      ].join('  '),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The distinct sources of a story's other items, in order. */
function alsoSources(item: GroupedItem): string[] {
  return [...new Set(item.also.map((link) => terminalLine(link.source)))];
}

/**
 * "vnexpress.net, tuoitre.vn", or as many sources as fit in `width` characters
 * followed by how many more ("vnexpress.net +2"); `null`: no limit.
 */
function alsoLabel(sources: readonly string[], width: number | null): string {
  let label = sources[0]!;
  for (let i = 1; i < sources.length; i++) {
    const longer = `${label}, ${sources[i]}`;
    const rest = i + 1 < sources.length ? ` +${sources.length - i - 1}` : '';
    if (width !== null && [...longer].length + rest.length > width) return `${label} +${sources.length - i}`;
    label = longer;
  }
  return label;
}

/** The (maybe truncated) title with its search matches in bold red, when asked and in colour. */
function emphasize(head: string, title: string, options: TableOptions, style: InstanceType<typeof Chalk>): string {
  if (options.highlight === undefined || !options.color) return head;
  return applyRanges(head, options.highlight(title), (part) => style.bold.red(part));
}

function pad(text: string, width: number, right = false): string {
  const gap = ' '.repeat(Math.max(0, width - [...text].length));
  return right ? gap + text : text + gap;
}

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(1, width - 1)).join('')}…`;
}

function splitAt(text: string, index: number): [string, string] {
  return [text.slice(0, index), text.slice(index)];
}
