/**
 * Schema 7: items are found by URL through a small integer index. Measured with
 * scripts/bench-search.js, at 1M items most of a save's time went to two indexes:
 *
 * - The UNIQUE index on `url_key` held the whole URL (~60 bytes a key), so it grew
 *   to ~4× the size of an index on a 47-bit hash (`url_hash`, store/url-hash.ts);
 *   each new item writes a random page of it. Lookups now seek `url_hash` and
 *   compare `url_key`. One row per URL key is kept by `ItemStore.save`, the only
 *   writer of items, which looks every input up before inserting, inside its
 *   IMMEDIATE transaction. (A trigger enforcing it in SQL cost ~14 µs a save: any
 *   insert trigger makes SQLite write a statement journal to a temporary file.)
 * - `items_lang` and `items_source` were never used: the shared filter
 *   (store/item-filter.ts) is written `(@lang IS NULL OR lang = @lang)` so that one
 *   statement serves every filter, and SQLite plans it through `items_sort_at`.
 *
 * SQLite cannot drop a column constraint, so the table is rebuilt (ids kept, so the
 * search index, whose rows are keyed by id, stays valid). The old table's pages go
 * to the free list and are reused by new items.
 */

import type { Migration } from '../migrate.js';
import { urlHash } from '../url-hash.js';

/** Every column of `items` but the new `url_hash`, in schema 6's order. */
const COLUMNS = `id, url, url_key, canonical_url, canonical_key, content_key, title, byline, attribution, summary,
  lang, declared_lang, published_at, site_name, image_url, source, first_seen_at, fetched_at, updated_at, sort_at,
  lang_source, story_id, story_keys, story_at`;

export const urlHashIndex: Migration = {
  version: 7,
  name: '0007-url-hash',
  up(db) {
    db.function('news_url_hash', { deterministic: true }, (key: unknown) => urlHash(String(key)));
    db.exec(`
      CREATE TABLE items_new (
        id            INTEGER PRIMARY KEY,
        url           TEXT NOT NULL,
        url_key       TEXT NOT NULL,
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
        sort_at       TEXT NOT NULL,
        lang_source   TEXT,
        story_id      INTEGER,
        story_keys    TEXT,
        story_at      INTEGER,
        -- urlHash(url_key) (store/url-hash.ts): the key items are found by.
        url_hash      INTEGER NOT NULL
      );
      INSERT INTO items_new (${COLUMNS}, url_hash) SELECT ${COLUMNS}, news_url_hash(url_key) FROM items ORDER BY id;
      DROP TRIGGER IF EXISTS items_fts_delete;
      DROP TABLE items;
      ALTER TABLE items_new RENAME TO items;
      CREATE INDEX items_url_hash ON items (url_hash);
      CREATE INDEX items_canonical_key ON items (canonical_key);
      CREATE INDEX items_content_key ON items (content_key);
      CREATE INDEX items_sort_at ON items (sort_at DESC, id DESC);
      CREATE INDEX items_story_id ON items (story_id);
      CREATE TRIGGER items_fts_delete AFTER DELETE ON items
      BEGIN
        DELETE FROM items_fts WHERE rowid = OLD.id;
      END;
    `);
  },
};
