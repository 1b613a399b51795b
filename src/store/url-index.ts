/**
 * How items are found by URL (schema 8, migrations/0008-url-index-tiers.ts): pairs
 * (`urlHash(url_key)`, item id) in two tables, like a two-level LSM tree.
 *
 * - `item_urls_recent` takes every new item. It stays small, so the pages a save
 *   writes to it are few and the same ones batch after batch.
 * - `item_urls` holds the rest. A hash lands on a random page, so when new items
 *   went straight into it (schema 7's index on `items.url_hash`) a save of 1,000
 *   items rewrote ~860 of its pages: at 1M items that was half of what a save wrote
 *   to disk and the largest single cost of ingest. The recent pairs are moved over
 *   in one sorted pass when the recent table outgrows its bound, so each page is
 *   written once per move instead of once per item.
 *
 * Lookups read both tables (store/items.ts, MATCH_SQL) and compare `url_key`, so a
 * hash shared by two keys is harmless. A trigger drops an item's pairs with it.
 */

import type BetterSqlite3 from 'better-sqlite3';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

/** The recent table's size bound for a database of `itemCount` items. */
export function recentBound(itemCount: number): number {
  // Per saved item, writes to the recent table grow with its size and a move's writes
  // with item_urls' size over the bound; √(size) balances the two. Measured between
  // 800k and 1M items (bound ~30,000): a move (copy and clear) took ~20 ms, and a save
  // wrote 4.6 KB per item to disk instead of schema 7's 9.3 KB.
  return Math.max(MIN_RECENT, Math.round(32 * Math.sqrt(itemCount)));
}

/** Below this the moves would cost more than they save. */
const MIN_RECENT = 10_000;

/** Writes the URL pairs; statements prepared once. Call inside the caller's transaction. */
export class UrlIndex {
  private readonly addPair: Statement;
  private readonly recentCount: Statement;
  private readonly itemCount: Statement;
  private readonly copyRecent: Statement;
  private readonly clearRecent: Statement;

  constructor(db: Database) {
    this.addPair = db.prepare('INSERT INTO item_urls_recent (url_hash, id) VALUES (?, ?)');
    this.recentCount = db.prepare('SELECT COUNT(*) FROM item_urls_recent').pluck();
    // The largest id stands in for the item count: one index seek instead of a scan.
    this.itemCount = db.prepare('SELECT COALESCE(MAX(id), 0) FROM items').pluck();
    // Read in (url_hash, id) order, the recent table's key, so item_urls is written front
    // to back. OR IGNORE (no pair is in both tables) spares SQLite the statement journal
    // an INSERT … SELECT that could fail half-way needs: the copy of 32,000 pairs into
    // 800k took 12 ms against 28–40 ms.
    this.copyRecent = db.prepare('INSERT OR IGNORE INTO item_urls (url_hash, id) SELECT url_hash, id FROM item_urls_recent');
    this.clearRecent = db.prepare('DELETE FROM item_urls_recent');
  }

  /** Record a new item's URL hash. */
  add(hash: number, id: number): void {
    this.addPair.run(hash, id);
  }

  /** Move the recent pairs into item_urls once there are more than the bound. */
  settle(): void {
    const recent = this.recentCount.get() as number;
    if (recent <= recentBound(this.itemCount.get() as number)) return;
    this.copyRecent.run();
    this.clearRecent.run();
  }
}
