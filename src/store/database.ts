/**
 * Opening the SQLite file: directory, pragmas, migrations, and one clear error
 * (naming the path) when the file cannot be used.
 */

import Sqlite from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describeError, StoreError } from '../errors.js';
import { migrate, needsMigration } from './migrate.js';

export type Database = BetterSqlite3.Database;

export interface OpenOptions {
  /** Open without writing: no directory creation, no journal-mode change. The file must exist. */
  readonly?: boolean;
}

const IN_MEMORY = ':memory:';

/**
 * Page size of new databases. 16 KB rather than SQLite's 4 KB: a save writes its rows
 * and index entries in fewer, fuller pages, and the search index's leaves (sized to
 * the page, migrations/0009-fts-leaf-size.ts) hold 4× as much. Measured by saving
 * scripts/bench-search.js's items alternately into a database of each kind, batch by
 * batch (so both see the same machine load): from 0 to 1M items, 11% less time per
 * save with both changes. Searches read 4× the bytes per page, which the memory map
 * below more than pays back. A database keeps the page size it was created with.
 */
const PAGE_SIZE = 16 * 1024;

/**
 * WAL written between automatic checkpoints: ~40 MB rather than SQLite's 1,000 pages
 * (4 MB at 4 KB pages). A batch of 1,000 saves dirties more than 4 MB, so the default
 * checkpointed after every batch (measured at 4 KB pages: ingest 11.6k → 17.8k items/s).
 * At 1M items a batch writes ~3.2 MB of WAL with 16 KB pages (3.1 MB with 4 KB pages).
 */
const CHECKPOINT_BYTES = 40 * 1024 * 1024;

/**
 * Reads go through a memory map of the file (up to SQLite's cap, 2 GB here) instead
 * of a read call and a copy per page. A search that reads items all over the file
 * gains most: at 1M items `search --lang en` took a median of 33–37 ms against 72–80 ms,
 * and ranked search 3–5% less. Writes still go through the WAL. The price: an I/O error
 * while reading (a failing disk) ends the process instead of throwing.
 */
const MMAP_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * Pragmas every connection gets. Writers also set the page size (new files only),
 * journal_mode (a write), and the checkpoint and WAL size limits.
 */
function applyPragmas(db: Database, writable: boolean): void {
  if (writable) {
    // Only a new, empty file takes it; an existing database ignores it.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma(`wal_autocheckpoint = ${Math.round(CHECKPOINT_BYTES / pageSize)}`);
    // The WAL file is cut back to 64 MB after a checkpoint.
    db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  }
  db.pragma(`mmap_size = ${MMAP_BYTES}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
}

/** Open a writable connection, migrated to the newest schema. */
function openWritable(path: string): Database {
  if (path !== IN_MEMORY && path !== '') mkdirSync(dirname(path), { recursive: true });
  const db = new Sqlite(path);
  try {
    applyPragmas(db, true);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Open a read-only connection; a database behind the newest schema is upgraded first. */
function openReadonly(path: string): Database {
  if (!existsSync(path)) throw new StoreError(`database ${path} does not exist`);
  let db = new Sqlite(path, { readonly: true, fileMustExist: true });
  try {
    applyPragmas(db, false);
    if (needsMigration(db)) {
      db.close();
      openWritable(path).close();
      db = new Sqlite(path, { readonly: true, fileMustExist: true });
      applyPragmas(db, false);
    }
    return db;
  } catch (error) {
    if (db.open) db.close();
    throw error;
  }
}

/**
 * Open the news database at `path` (`:memory:` works too): creates the parent
 * directory, gives a new file 16 KB pages, sets WAL, memory-mapped reads,
 * `busy_timeout=5000`, foreign keys and `synchronous=NORMAL`, and applies pending
 * migrations. A database from a newer version of news, a file
 * that is not a database, or a path we may not use ends in a `StoreError` naming
 * the path.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database {
  try {
    return options.readonly === true ? openReadonly(path) : openWritable(path);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(`cannot open database ${path}: ${describeError(error)}`);
  }
}
