/**
 * Schema 9: the search index's leaves fill a database page. FTS5 writes leaves of
 * ~4,050 bytes by default (`pgsz`), sized for SQLite's 4 KB pages; new databases have
 * 16 KB pages (store/database.ts), where those leaves would leave most of each page
 * empty and a segment would take 4× the pages. The leaf size is the page size less
 * the same 46 bytes of record overhead FTS5 leaves for 4 KB pages, so a database
 * with 4 KB pages keeps the default. Leaves already written keep their size.
 */

import type { Migration } from '../migrate.js';

/** Bytes of a database page that a leaf leaves for the row around it (FTS5's 4,096 − 4,050). */
const RECORD_OVERHEAD = 46;

export const ftsLeafSize: Migration = {
  version: 9,
  name: '0009-fts-leaf-size',
  up(db) {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    // A literal: FTS5 takes only an integer, and better-sqlite3 binds a number as a real.
    db.exec(`INSERT INTO items_fts (items_fts, rank) VALUES ('pgsz', ${pageSize - RECORD_OVERHEAD})`);
  },
};
