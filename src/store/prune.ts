/**
 * Retention: `news prune --older-than 90d` drops what is older than a cutoff, in one
 * transaction.
 */

import type BetterSqlite3 from 'better-sqlite3';
import { UsageError } from '../errors.js';

type Database = BetterSqlite3.Database;

/** Rows deleted by `prune`, per table. */
export interface PruneCounts {
  items: number;
  runs: number;
  httpCache: number;
}

/**
 * Delete, in one transaction, everything older than `olderThanIso` (exclusive):
 * items whose date (`sort_at`: published, else first seen) and first-seen time are
 * both before it (so an old article seen only yesterday stays), finished runs started
 * before it (a `running` run is kept), and HTTP validators not refreshed since
 * (costing at most one full download later). Sources, host state and leases are
 * untouched. An unparseable date is a `UsageError`.
 */
export function prune(db: Database, olderThanIso: string): PruneCounts {
  const ms = Date.parse(olderThanIso);
  if (Number.isNaN(ms)) throw new UsageError(`invalid prune cutoff date: ${olderThanIso}`);
  const cutoff = new Date(ms).toISOString();
  const run = db.transaction(
    (): PruneCounts => ({
      items: db.prepare('DELETE FROM items WHERE sort_at < ? AND first_seen_at < ?').run(cutoff, cutoff).changes,
      runs: db.prepare("DELETE FROM runs WHERE started_at < ? AND status <> 'running'").run(cutoff).changes,
      httpCache: db.prepare('DELETE FROM http_cache WHERE updated_at < ?').run(cutoff).changes,
    }),
  );
  return run.immediate();
}
