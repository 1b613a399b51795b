/**
 * `news show <id|url>`: one item in full.
 */
import { NotFoundError } from '../../errors.js';
import { renderDetail } from '../../render/detail.js';
import { itemToJson } from '../../render/json.js';
import type { Io } from '../io.js';
import { openStore } from '../open-store.js';

export async function showCommand(target: string, options: { db?: string; json?: boolean }, io: Io): Promise<number> {
  const { store, close } = openStore(options.db, io.env);
  try {
    const item = store.get(target);
    if (item === null) throw new NotFoundError(`no item with id or URL "${target}" (see: news list)`);
    io.stdout.write(options.json ? `${JSON.stringify(itemToJson(item), null, 2)}\n` : renderDetail(item, { color: io.color }));
    return 0;
  } finally {
    close();
  }
}
