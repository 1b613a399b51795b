/**
 * Schema 8: items are found by URL through two tables of (URL hash, id) pairs, a
 * small one for new items and one for the rest, instead of an index on
 * `items.url_hash` (store/url-index.ts explains the two tiers). Measured with
 * scripts/bench-search.js: at 1M items a save of 1,000 items rewrote ~860 random
 * pages of that index, and the commit took half of a save's time.
 *
 * The stored pairs go to `item_urls` in hash order (read through the old index, so
 * no sort), then the old index is dropped. `items.url_hash` stays: the delete
 * trigger finds an item's pair by it.
 */

import type { Migration } from '../migrate.js';

export const urlIndexTiers: Migration = {
  version: 8,
  name: '0008-url-index-tiers',
  up(db) {
    db.exec(`
      CREATE TABLE item_urls (
        url_hash INTEGER NOT NULL,
        id       INTEGER NOT NULL,
        PRIMARY KEY (url_hash, id)
      ) WITHOUT ROWID;
      CREATE TABLE item_urls_recent (
        url_hash INTEGER NOT NULL,
        id       INTEGER NOT NULL,
        PRIMARY KEY (url_hash, id)
      ) WITHOUT ROWID;
      INSERT INTO item_urls (url_hash, id) SELECT url_hash, id FROM items INDEXED BY items_url_hash ORDER BY url_hash, id;
      DROP INDEX items_url_hash;
      CREATE TRIGGER items_url_delete AFTER DELETE ON items
      BEGIN
        DELETE FROM item_urls WHERE url_hash = OLD.url_hash AND id = OLD.id;
        DELETE FROM item_urls_recent WHERE url_hash = OLD.url_hash AND id = OLD.id;
      END;
    `);
  },
};
