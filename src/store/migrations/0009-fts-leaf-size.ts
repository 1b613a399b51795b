/**
 * Schema 9: the search index's leaves fill a database page. FTS5 writes leaves of
 * ~4,050 bytes by default (`pgsz`), sized for SQLite's 4 KB pages. New databases have
 * 16 KB pages (store/database.ts); SQLite packs four such leaves into each page, but
 * every leaf is still a row of its own, read and written one at a time. Leaves the size
 * of the page mean a quarter of the rows for a segment, and so of the reads and writes
 * when a save merges segments (with 16 KB pages: ~5% less time per save). The leaf
 * size is the page size less the same 46 bytes FTS5 leaves on 4 KB pages, so a database
 * with 4 KB pages keeps the default. Leaves already written keep their size until a
 * merge rewrites them; FTS5 reads each leaf by its own length.
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
