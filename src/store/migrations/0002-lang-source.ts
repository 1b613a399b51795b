/**
 * Schema 2: where the stored language came from (`text`, `declared`, `site`, `agreed`).
 */

import type { Migration } from '../migrate.js';

export const langSource: Migration = {
  version: 2,
  name: '0002-lang-source',
  up(db) {
    db.exec('ALTER TABLE items ADD COLUMN lang_source TEXT');
  },
};
