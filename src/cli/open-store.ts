/**
 * Opening the item store for a command: --db, else NEWS_DB, else the XDG data dir.
 */
import { openDatabase, type Database } from '../store/database.js';
import { ItemStore } from '../store/items.js';
import { resolveDbPath } from '../store/paths.js';

export interface OpenStore {
  store: ItemStore;
  db: Database;
  path: string;
  close(): void;
}

export function openStore(dbFlag: string | undefined, env: NodeJS.ProcessEnv): OpenStore {
  const path = resolveDbPath(dbFlag ?? null, env);
  const db = openDatabase(path);
  return { store: new ItemStore(db), db, path, close: () => db.close() };
}
