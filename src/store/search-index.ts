/**
 * The full-text index behind `news search`: the FTS5 table `items_fts` (schema 4,
 * migrations/0004-search.ts), one row per item keyed by `items.id`, over title,
 * summary and byline.
 *
 * Folding is split between JavaScript and SQLite so that writing stays cheap:
 * FTS5's `unicode61 remove_diacritics 2` tokenizer lower-cases and removes every
 * Vietnamese diacritic, but `đ/Đ` has no Unicode decomposition, so we replace it
 * with `d` before the text reaches the index. The tokens are then exactly
 * `foldText`'s ("Đà Nẵng" → da, nang; tested letter by letter). The table is
 * contentless (the text lives in `items`): it holds the index only.
 *
 * `ItemStore.save` writes the rows in its transaction (measured: a trigger costs
 * ~2.5× as much per item, since FTS5 flushes per statement inside triggers); a
 * delete trigger removes them with the item (`news prune`).
 */

import type BetterSqlite3 from 'better-sqlite3';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

/** The indexed fields of an item. */
export interface SearchFields {
  title: string | null;
  summary: string | null;
  byline: string | null;
}

const NON_ASCII = /[^\u0000-\u007f]/u;
const D_STROKE = /[đĐ]/gu;

/**
 * Text as the index receives it: NFC with đ/Đ → d (the tokenizer folds the rest).
 * ASCII text is passed through untouched.
 */
export function indexText(value: string | null): string | null {
  if (value === null || !NON_ASCII.test(value)) return value;
  return value.normalize('NFC').replace(D_STROKE, 'd');
}

/** Writes index rows; statements prepared once. Call inside the caller's transaction. */
export class SearchIndex {
  /** REPLACE, so a stale row (an id reused after a delete) can never fail a save; it costs no more. */
  private readonly writeRow: Statement;

  constructor(db: Database) {
    this.writeRow = db.prepare('INSERT OR REPLACE INTO items_fts (rowid, title, summary, byline) VALUES (?, ?, ?, ?)');
  }

  /**
   * Keep the index in step with `ItemStore.save`: `before` is the row the input
   * updated (`null` for a new item). An update keeps old values where the input has
   * none, as the UPDATE does; nothing is written when the indexed text is unchanged
   * (a re-fetch usually changes nothing).
   */
  saved(id: number, before: SearchFields | null, input: SearchFields): void {
    if (before === null) {
      this.add(id, input);
      return;
    }
    const title = input.title ?? before.title;
    const summary = input.summary ?? before.summary;
    const byline = input.byline ?? before.byline;
    if (title === before.title && summary === before.summary && byline === before.byline) return;
    this.writeRow.run(id, indexText(title), indexText(summary), indexText(byline));
  }

  /** Index a new item. */
  add(id: number, fields: SearchFields): void {
    this.writeRow.run(id, indexText(fields.title), indexText(fields.summary), indexText(fields.byline));
  }
}

/** Rows read per step while indexing existing items. */
const BACKFILL_BATCH = 1000;

/**
 * Index every item already stored (the migration that creates the index), then
 * merge the index into one segment so the first searches are fast.
 */
export function backfillSearchIndex(db: Database): number {
  const index = new SearchIndex(db);
  const next = db.prepare('SELECT id, title, summary, byline FROM items WHERE id > ? ORDER BY id LIMIT ?');
  let last = 0;
  let count = 0;
  for (;;) {
    const rows = next.all(last, BACKFILL_BATCH) as (SearchFields & { id: number })[];
    for (const row of rows) index.add(row.id, row);
    count += rows.length;
    if (rows.length < BACKFILL_BATCH) break;
    last = rows[rows.length - 1]!.id;
  }
  db.exec("INSERT INTO items_fts (items_fts) VALUES ('optimize')");
  return count;
}
