import Sqlite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { lighterWrites } from '../../src/store/migrations/0006-lighter-writes.js';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-migration-0006-test-'));
  path = join(dir, 'news.db');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('schema 6 (0006-lighter-writes)', () => {
  it('is registered as the sixth migration', () => {
    expect(MIGRATIONS.indexOf(lighterWrites)).toBe(5);
    expect(lighterWrites.version).toBe(6);
  });

  it('upgrades a schema-5 database: keys into the rows, own canonical keys dropped, content keys day first', () => {
    const old = new Sqlite(path);
    migrate(old, MIGRATIONS.slice(0, 5));
    // As schema 5 wrote them: keys are day × 2³² + hash, also in the story_keys table.
    const day = Math.floor(1725696600000 / 86_400_000);
    const keys = [42, 4_000_000_000].map((hash) => day * 2 ** 32 + hash);
    const insert = old.prepare(
      `INSERT INTO items (url, url_key, canonical_key, content_key, source, first_seen_at, fetched_at, updated_at, sort_at, story_id, story_keys, story_at)
       VALUES (?, ?, ?, ?, 's', 'x', 'x', 'x', '2024-09-07T08:10:00.000Z', 1, ?, 1725696600000)`,
    );
    insert.run('https://a.vn/1', 'https://a.vn/1', 'https://a.vn/1', 'a.vn|tin nong|2024-09-07', JSON.stringify(keys));
    insert.run('https://a.vn/2', 'https://a.vn/2', 'https://a.vn/canonical', 'a.vn|tin khac|undated', '[]');
    for (const key of keys) old.prepare('INSERT INTO story_keys (key, item_id, at) VALUES (?, 1, 1725696600000)').run(key);
    old.close();
    const db = new Sqlite(path);
    migrate(db, MIGRATIONS.slice(0, 6));
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('story_keys', 'items_story_keys_delete')").pluck().get()).toBe(0);
    expect(db.prepare('SELECT url, story_id, story_keys, canonical_key, content_key FROM items ORDER BY id').all()).toEqual([
      { url: 'https://a.vn/1', story_id: 1, story_keys: '[42,4000000000]', canonical_key: null, content_key: '2024-09-07|a.vn|tin nong' },
      { url: 'https://a.vn/2', story_id: 1, story_keys: '[]', canonical_key: 'https://a.vn/canonical', content_key: 'undated|a.vn|tin khac' },
    ]);
    db.close();
  });
});
