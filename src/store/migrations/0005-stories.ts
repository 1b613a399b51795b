/**
 * Schema 5: story grouping (see store/stories.ts and normalize/similarity.ts).
 *
 * - `items.story_id`: the id of the story's first item (an item alone is its own story).
 * - `items.story_keys` / `items.story_at`: the keys the item is filed under (a JSON
 *   array) and the time they carry (the item's `sort_at` in epoch ms), so the item's
 *   rows in `story_keys` can be found again when it is edited or deleted.
 * - `story_keys`: key → item. A key is the item's day (UTC days since 1970) × 2³² plus
 *   one of its `storyKeys` hashes, so a new item finds the items of the days around
 *   it that share a hash with one index seek per day and hash, and the rows written
 *   by a day's saves sit together in the table (a batch dirties few pages however big
 *   the table grows). `at` trims the days to the exact window.
 *
 * Items already stored are grouped here, oldest first, the way `ItemStore.save`
 * groups new ones. That grouping is today's `StoryIndex`: it writes the schema-6 form
 * (bare hashes in `items.story_keys`, nothing in the `story_keys` table, which schema 6
 * drops), so the key layout above describes databases grouped by the schema-5 code.
 */

import type { Migration } from '../migrate.js';
import { StoryIndex } from '../stories.js';

export const stories: Migration = {
  version: 5,
  name: '0005-stories',
  up(db) {
    db.exec(`
      ALTER TABLE items ADD COLUMN story_id INTEGER;
      ALTER TABLE items ADD COLUMN story_keys TEXT;
      ALTER TABLE items ADD COLUMN story_at INTEGER;
      CREATE INDEX items_story_id ON items (story_id);

      CREATE TABLE story_keys (
        key     INTEGER NOT NULL,
        item_id INTEGER NOT NULL,
        at      INTEGER NOT NULL,
        PRIMARY KEY (key, item_id)
      ) WITHOUT ROWID;

      -- Deleting an item (news prune) takes its keys with it.
      CREATE TRIGGER items_story_keys_delete AFTER DELETE ON items
      WHEN OLD.story_keys IS NOT NULL
      BEGIN
        DELETE FROM story_keys
        WHERE key IN (SELECT value FROM json_each(OLD.story_keys)) AND item_id = OLD.id;
      END;
    `);
    const index = new StoryIndex(db);
    const ids = db.prepare('SELECT id FROM items ORDER BY sort_at, id').pluck().all() as number[];
    for (const id of ids) index.assign(id, null);
  },
};
