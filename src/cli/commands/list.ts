/**
 * `news list`: stored items, newest first, as a table (people) or JSON (programs).
 */
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
}

export function toFilter(flags: FilterFlags): ItemFilter {
  return {
    lang: flags.lang ?? null,
    source: flags.source ?? null,
    since: flags.since ?? null,
    until: flags.until ?? null,
    limit: flags.limit ?? null,
  };
}

export async function listCommand(options: FilterFlags & { json?: boolean }, io: Io): Promise<number> {
  const { store, close } = openStore(options.db, io.env);
  try {
    const items = store.list(toFilter(options));
    if (options.json) io.stdout.write(renderJsonList(items));
    else if (items.length === 0) io.stderr.write('no items (fetch some with: news fetch <url>)\n');
    else io.stdout.write(renderTable(items, { color: io.color, width: io.columns }));
    return 0;
  } finally {
    close();
  }
}
