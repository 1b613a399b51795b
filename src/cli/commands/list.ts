/**
 * `news list`: stored items, newest first, as a table (people) or JSON (programs);
 * each story once with "also: <sources>" unless `--all`.
 */
import { queryHighlight } from '../../render/highlight.js';
import { renderJsonList } from '../../render/json.js';
import { renderTable } from '../../render/table.js';
import type { ItemFilter, Lang } from '../../types.js';
import type { Io } from '../io.js';
import { openStore } from '../open-store.js';

export interface FilterFlags {
  db?: string;
  lang?: Lang;
  source?: string;
  since?: string;
  until?: string;
  limit?: number;
  /** `--search <query>`: only items matching this full-text query. */
  search?: string;
}

export function toFilter(flags: FilterFlags): ItemFilter {
  return {
    lang: flags.lang ?? null,
    source: flags.source ?? null,
    since: flags.since ?? null,
    until: flags.until ?? null,
    limit: flags.limit ?? null,
    search: flags.search ?? null,
  };
}

export async function listCommand(options: FilterFlags & { json?: boolean; all?: boolean }, io: Io): Promise<number> {
  const { store, close } = openStore(options.db, io.env);
  try {
    const filter = toFilter(options);
    const items = options.all === true ? store.list(filter) : store.listStories(filter);
    if (options.json) io.stdout.write(renderJsonList(items));
    else if (items.length === 0) io.stderr.write(options.search === undefined ? 'no items (fetch some with: news fetch <url>)\n' : 'no items match the search\n');
    else io.stdout.write(renderTable(items, { color: io.color, width: io.columns, ...queryHighlight(options.search) }));
    return 0;
  } finally {
    close();
  }
}
