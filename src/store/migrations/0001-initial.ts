/**
 * Schema 1: the `items` table with its dedup keys and a precomputed sort column.
 */

import type { Migration } from '../migrate.js';

export const initial: Migration = {
  version: 1,
  name: '0001-initial',
  up(db) {
    db.exec(`
      CREATE TABLE items (
        id            INTEGER PRIMARY KEY,
        url           TEXT NOT NULL,
        url_key       TEXT NOT NULL UNIQUE,
        canonical_url TEXT,
        canonical_key TEXT,
        content_key   TEXT,
        title         TEXT,
        byline        TEXT,
        attribution   TEXT,
        summary       TEXT,
        lang          TEXT,
        declared_lang TEXT,
        published_at  TEXT,
        site_name     TEXT,
        image_url     TEXT,
        source        TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        fetched_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        -- COALESCE(published_at, first_seen_at), stored so newest-first lists use an index.
        sort_at       TEXT NOT NULL
      );
      CREATE INDEX items_canonical_key ON items (canonical_key);
      CREATE INDEX items_content_key ON items (content_key);
      CREATE INDEX items_sort_at ON items (sort_at DESC, id DESC);
      CREATE INDEX items_lang ON items (lang, sort_at DESC);
      CREATE INDEX items_source ON items (source, sort_at DESC);
    `);
  },
};
