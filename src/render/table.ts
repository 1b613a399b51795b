/**
 * The terminal table for `news list`: id, date, language, source and title, fitted
 * to the terminal width. Colour only when asked (the CLI decides: TTY and no NO_COLOR).
 */
import { Chalk } from 'chalk';
import type { Item } from '../types.js';
import { formatShortDate } from './dates.js';
import { terminalLine } from './sanitize.js';

export interface TableOptions {
  color: boolean;
  /** Terminal width in columns; `null` when not a terminal (no truncation). */
  width: number | null;
}

export function renderTable(items: readonly Item[], options: TableOptions): string {
  const style = new Chalk({ level: options.color ? 1 : 0 });
  if (items.length === 0) return '';
  const rows = items.map((item) => ({
    id: String(item.id),
    date: formatShortDate(item.publishedAt ?? item.firstSeenAt),
    lang: item.lang ?? '?',
    source: truncate(terminalLine(item.source), 20),
    title: terminalLine(item.title ?? item.url),
    byline: terminalLine(item.byline),
  }));
  const idWidth = Math.max(2, ...rows.map((r) => r.id.length));
  const sourceWidth = Math.max(6, ...rows.map((r) => r.source.length));
  const fixed = idWidth + 16 + 2 + sourceWidth + 4 * 2;
  const titleWidth = options.width === null ? null : Math.max(20, options.width - fixed);
  const header = [pad('ID', idWidth), pad('DATE', 16), 'LG', pad('SOURCE', sourceWidth), 'TITLE'].join('  ');
  const lines = [style.bold(header)];
  for (const row of rows) {
    const byline = row.byline === '' ? '' : ` — ${row.byline}`;
    const title = titleWidth === null ? row.title + byline : truncate(row.title + byline, titleWidth);
    const [head, tail] = splitAt(title, row.title.length);
    lines.push(
      [
        style.dim(pad(row.id, idWidth, true)),
        pad(row.date, 16),
        style.cyan(pad(row.lang, 2)),
        style.yellow(pad(row.source, sourceWidth)),
        head + style.dim(tail),
      ].join('  '),
    );
  }
  return `${lines.join('\n')}\n`;
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
