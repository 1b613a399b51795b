/**
 * `news search <query>`: stored items matching a full-text query, best first, as a
 * table with the matches highlighted (people) or JSON (programs); each story once
 * with "also: <sources>" unless `--all`. The query language is store/search-query.ts.
 */
import { queryHighlight } from '../../render/highlight.js';
import { renderJsonList } from '../../render/json.js';
import { terminalLine } from '../../render/sanitize.js';
import { renderTable } from '../../render/table.js';
import { parseSearchQuery } from '../../store/search-query.js';
import type { Io } from '../io.js';
import { openStore } from '../open-store.js';
import { toFilter, type FilterFlags } from '../filters.js';

export interface SearchOptions extends FilterFlags {
  json?: boolean;
  all?: boolean;
}

export async function searchCommand(query: string, options: SearchOptions, io: Io): Promise<number> {
  const parsed = parseSearchQuery(query); // a query that asks for nothing fails before the database is opened
  const { store, close } = openStore(options.db, io.env);
  try {
    const filter = toFilter(options);
    const items = options.all === true ? store.search(query, filter) : store.searchStories(query, filter);
    if (options.json) io.stdout.write(renderJsonList(items));
    else if (items.length === 0) io.stderr.write(`no items match "${terminalLine(query)}"\n`);
    else io.stdout.write(renderTable(items, { color: io.color, width: io.columns, ...queryHighlight(parsed.groups.flat()) }));
    return 0;
  } finally {
    close();
  }
}
