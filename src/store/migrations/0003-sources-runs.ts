/**
 * Schema 3: what cron-grade fetching remembers between runs — subscribed sources
 * with their schedule and health, the run log, HTTP validators per URL, per-host
 * not-before times (Retry-After), and named leases (the cron lock).
 *
 * Times are ISO 8601 UTC strings in the one `toISOString()` form (string order is
 * time order), except `hosts.not_before_ms`, which is epoch milliseconds.
 */

import type { Migration } from '../migrate.js';

export const sourcesRuns: Migration = {
  version: 3,
  name: '0003-sources-runs',
  up(db) {
    db.exec(`
      CREATE TABLE sources (
        id                   INTEGER PRIMARY KEY,
        -- The URL as the user gave it (trimmed); url_key (normalize/url.ts) catches duplicates.
        url                  TEXT NOT NULL,
        url_key              TEXT NOT NULL UNIQUE,
        name                 TEXT,
        lang                 TEXT CHECK (lang IS NULL OR lang IN ('vi', 'en')),
        kind                 TEXT NOT NULL CHECK (kind IN ('feed', 'listing', 'page')),
        added_at             TEXT NOT NULL,
        last_fetch_at        TEXT,
        last_status          TEXT CHECK (last_status IS NULL OR last_status IN ('ok', 'not-modified', 'error')),
        last_error           TEXT,
        items_total          INTEGER NOT NULL DEFAULT 0,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        -- NULL means due now.
        next_check_at        TEXT,
        interval_seconds     INTEGER NOT NULL DEFAULT 900 CHECK (interval_seconds > 0)
      );
      CREATE INDEX sources_next_check_at ON sources (next_check_at);

      CREATE TABLE runs (
        id             INTEGER PRIMARY KEY,
        started_at     TEXT NOT NULL,
        finished_at    TEXT,
        pid            INTEGER NOT NULL,
        -- os.hostname() of the process: a pid only means something on its own machine.
        hostname       TEXT NOT NULL,
        status         TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'interrupted')),
        sources_ok     INTEGER NOT NULL DEFAULT 0,
        sources_failed INTEGER NOT NULL DEFAULT 0,
        items_new      INTEGER NOT NULL DEFAULT 0,
        items_updated  INTEGER NOT NULL DEFAULT 0,
        -- JSON array of short strings, bounded by store/runs.ts.
        errors         TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX runs_started_at ON runs (started_at DESC, id DESC);
      CREATE INDEX runs_running ON runs (status) WHERE status = 'running';

      CREATE TABLE http_cache (
        url           TEXT PRIMARY KEY,
        etag          TEXT,
        last_modified TEXT,
        updated_at    TEXT NOT NULL
      );
      CREATE INDEX http_cache_updated_at ON http_cache (updated_at);

      CREATE TABLE hosts (
        host          TEXT PRIMARY KEY,
        not_before_ms INTEGER
      );

      CREATE TABLE locks (
        name        TEXT PRIMARY KEY,
        -- A label for people (e.g. "news fetch"); token identifies one acquisition.
        owner       TEXT NOT NULL,
        token       TEXT NOT NULL,
        pid         INTEGER NOT NULL,
        hostname    TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        expires_at  TEXT NOT NULL
      );
    `);
  },
};
