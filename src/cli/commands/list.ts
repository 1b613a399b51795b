/**
 * `news list`: stored items, newest first, as a table (people) or JSON (programs);
 * each story once with "also: <sources>" unless `--all`.
 */
import { queryHighlight } from '../../render/highlight.js';
import { renderJsonList } from '../../render/json.js';
import { renderTable } from '../../render/table.js';
import { parseSearchQuery } from '../../store/search-query.js';
import { toFilter, type FilterFlags } from '../filters.js';
import type { Io } from '../io.js';
import { openStore } from '../open-store.js';

export async function listCommand(options: FilterFlags & { json?: boolean; all?: boolean }, io: Io): Promise<number> {
  const { store, close } = openStore(options.db, io.env);
  try {
    const filter = toFilter(options);
    const items = options.all === true ? store.list(filter) : store.listStories(filter);
    if (options.json) io.stdout.write(renderJsonList(items));
    else if (items.length === 0) io.stderr.write(options.search === undefined ? 'no items (fetch some with: news fetch <url>)\n' : 'no items match the search\n');
    else io.stdout.write(renderTable(items, { color: io.color, width: io.columns, ...queryHighlight(options.search === undefined ? null : parseSearchQuery(options.search).groups.flat()) }));
    return 0;
  } finally {
    close();
  }
}
