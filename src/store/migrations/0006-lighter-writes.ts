/**
 * Schema 6: fewer index writes per saved item (measured with scripts/bench-search.js
 * on generated news: on a large database most of a save's cost was writing index
 * pages, one page per random key and item).
 *
 * - Story lookup keys live only in their item's row; the `story_keys` table of
 *   schema 5 (eight rows per item) and its delete trigger go. `items.story_keys`
 *   now holds the bare `storyKeys` hashes (schema 5 wrote day × 2³² + hash; the day
 *   is `story_at`'s). Candidates come from an in-memory index of the days in use,
 *   read through the `sort_at` index (store/story-candidates.ts).
 * - `canonical_key` is NULL when it equals the item's own `url_key` (most items), so
 *   its index takes a cheap NULL entry instead of a second random URL key. Dedup
 *   finds such items by `url_key` (store/items.ts).
 * - The content key is written `day|site|title` instead of `site|title|day`
 *   (normalize/item.ts), so a day's new keys share index pages; stored keys are
 *   rewritten (the day is the last 10 characters, or `undated`).
 */

import type { Migration } from '../migrate.js';

export const lighterWrites: Migration = {
  version: 6,
  name: '0006-lighter-writes',
  up(db) {
    db.exec(`
      DROP TRIGGER IF EXISTS items_story_keys_delete;
      DROP TABLE IF EXISTS story_keys;
      UPDATE items SET story_keys = (SELECT json_group_array(value % 4294967296) FROM json_each(items.story_keys))
      WHERE story_keys IS NOT NULL AND story_keys <> '[]';
      -- The two indexes are built again after the rewrite: one sorted build is much
      -- faster than updating them row by row.
      DROP INDEX IF EXISTS items_canonical_key;
      DROP INDEX IF EXISTS items_content_key;
      UPDATE items SET canonical_key = NULL WHERE canonical_key = url_key;
      UPDATE items SET content_key = CASE
          WHEN content_key LIKE '%|undated' THEN 'undated|' || substr(content_key, 1, length(content_key) - 8)
          ELSE substr(content_key, -10) || '|' || substr(content_key, 1, length(content_key) - 11)
        END
      WHERE content_key IS NOT NULL;
      CREATE INDEX items_canonical_key ON items (canonical_key);
      CREATE INDEX items_content_key ON items (content_key);
    `);
  },
};
