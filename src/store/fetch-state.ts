/**
 * The polite fetcher's memory in SQLite: HTTP validators per URL (conditional GET)
 * and per-host not-before times (Retry-After). Implements the interfaces of
 * fetch/state.ts so the fetch stage stays free of SQL.
 */

import type BetterSqlite3 from 'better-sqlite3';
import type { CacheValidators, HostStateStore, HttpCacheStore } from '../fetch/state.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

interface CacheRow {
  etag: string | null;
  last_modified: string | null;
}

/** `http_cache` and `hosts` behind the fetcher's state interfaces. */
export class FetchStateStore implements HttpCacheStore, HostStateStore {
  private readonly getCache: Statement;
  private readonly putCache: Statement;
  private readonly deleteCache: Statement;
  private readonly getHost: Statement;
  private readonly putHost: Statement;
  private readonly deleteHost: Statement;

  /** `now` stamps `http_cache.updated_at` (what `prune` ages by); injectable for tests. */
  constructor(db: Database, private readonly now: () => Date = () => new Date()) {
    this.getCache = db.prepare('SELECT etag, last_modified FROM http_cache WHERE url = ?');
    this.putCache = db.prepare(`
      INSERT INTO http_cache (url, etag, last_modified, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
        updated_at = excluded.updated_at`);
    this.deleteCache = db.prepare('DELETE FROM http_cache WHERE url = ?');
    this.getHost = db.prepare('SELECT not_before_ms FROM hosts WHERE host = ?').pluck();
    this.putHost = db.prepare(`
      INSERT INTO hosts (host, not_before_ms) VALUES (?, ?)
      ON CONFLICT (host) DO UPDATE SET not_before_ms = excluded.not_before_ms`);
    this.deleteHost = db.prepare('DELETE FROM hosts WHERE host = ?');
  }

  /** Validators remembered for the exact URL string, or `null`. */
  getValidators(url: string): CacheValidators | null {
    const row = this.getCache.get(url) as CacheRow | undefined;
    if (row === undefined) return null;
    return { etag: row.etag, lastModified: row.last_modified };
  }

  /** Remember the validators for a URL; both `null` forgets the URL. */
  setValidators(url: string, validators: CacheValidators): void {
    if (validators.etag === null && validators.lastModified === null) {
      this.deleteCache.run(url);
      return;
    }
    this.putCache.run(url, validators.etag, validators.lastModified, this.now().toISOString());
  }

  /** Epoch ms before which the host must not be asked again, or `null`. */
  getNotBefore(host: string): number | null {
    const value = this.getHost.get(host) as number | null | undefined;
    return value ?? null;
  }

  /** Set (or, with `null`, clear) the host's not-before time. */
  setNotBefore(host: string, epochMs: number | null): void {
    if (epochMs === null) this.deleteHost.run(host);
    else this.putHost.run(host, Math.round(epochMs));
  }
}
