import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { filterConditions } from '../../src/store/item-filter.js';
import { ItemStore } from '../../src/store/items.js';
import { migrate, schemaVersion } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { urlHashIndex } from '../../src/store/migrations/0007-url-hash.js';
import { urlHash } from '../../src/store/url-hash.js';
import type { ItemInput } from '../../src/types.js';

let db: Database;

const indexesOfItems = (): string[] =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'items' AND sql IS NOT NULL ORDER BY name")
    .pluck()
    .all() as string[];

/** A schema-6 row as that version's store wrote it. */
function insertSchema6Row(id: number, url: string, title: string): void {
  db.prepare(
    `INSERT INTO items (id, url, url_key, title, lang, source, first_seen_at, fetched_at, updated_at, sort_at, story_keys, story_at)
     VALUES (?, ?, ?, ?, 'vi', 'a.vn', 't', 't', 't', '2026-11-27T00:00:00.000Z', '[7]', 1)`,
  ).run(id, url, url, title);
  db.prepare('INSERT INTO items_fts (rowid, title, summary, byline) VALUES (?, ?, NULL, NULL)').run(id, title);
}

function input(url: string, title: string): ItemInput {
  return {
    url, urlKey: url, canonicalUrl: null, canonicalKey: null, contentKey: null, title, byline: null, attribution: null,
    summary: null, publishedAt: null, siteName: null, imageUrl: null, declaredLang: null, lang: 'vi', langSource: 'text',
    source: 'a.vn', fetchedAt: '2026-11-27T00:00:00.000Z',
  };
}

beforeEach(() => {
  db = new Sqlite(':memory:');
});

afterEach(() => {
  db.close();
});

describe('schema 7 (0007-url-hash)', () => {
  it('is registered as the seventh migration', () => {
    expect(MIGRATIONS.indexOf(urlHashIndex)).toBe(6);
    expect(urlHashIndex.version).toBe(7);
  });

  it('rebuilds a schema-6 items table: rows and ids kept, URL hashes filled, the unused indexes gone', () => {
    migrate(db, MIGRATIONS.slice(0, 6));
    expect(indexesOfItems()).toEqual(expect.arrayContaining(['items_lang', 'items_source']));
    insertSchema6Row(3, 'https://a.vn/1', 'Tin nóng');
    insertSchema6Row(9, 'https://a.vn/2', 'Tin khác');
    migrate(db, MIGRATIONS.slice(0, 7));
    expect(schemaVersion(db)).toBe(7);
    expect(indexesOfItems()).toEqual(['items_canonical_key', 'items_content_key', 'items_sort_at', 'items_story_id', 'items_url_hash']);
    expect(db.prepare('SELECT id, url_key, url_hash, title, story_keys FROM items ORDER BY id').all()).toEqual([
      { id: 3, url_key: 'https://a.vn/1', url_hash: urlHash('https://a.vn/1'), title: 'Tin nóng', story_keys: '[7]' },
      { id: 9, url_key: 'https://a.vn/2', url_hash: urlHash('https://a.vn/2'), title: 'Tin khác', story_keys: '[7]' },
    ]);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
  });

  it('keeps the migrated items findable, searchable and deletable with their index rows', () => {
    migrate(db, MIGRATIONS.slice(0, 6));
    insertSchema6Row(3, 'https://a.vn/1', 'Tin nóng');
    migrate(db);
    const store = new ItemStore(db);
    expect(store.get('https://a.vn/1')?.id).toBe(3);
    expect(store.save([input('https://a.vn/1', 'Tin nóng mới')])).toMatchObject({ inserted: 0, updated: 1 });
    expect(store.search('tin nong moi', { lang: null, source: null, since: null, until: null, limit: 5 }).map((item) => item.id)).toEqual([3]);
    db.prepare('DELETE FROM items WHERE id = 3').run();
    expect(db.prepare("SELECT COUNT(*) FROM items_fts WHERE items_fts MATCH 'nong'").pluck().get()).toBe(0);
  });

  it('finds items by URL through the hash index (until schema 8), and lists filtered by lang or source through items_sort_at', () => {
    migrate(db, MIGRATIONS.slice(0, 7));
    db.function('news_lower', { deterministic: true }, (value: unknown) => value);
    const plan = (sql: string, params: Record<string, unknown>): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((row) => row.detail).join(' | ');
    expect(plan('SELECT * FROM items WHERE url_hash = @h AND url_key = @k', { h: 1, k: 'x' })).toContain('items_url_hash');
    const list = plan(`SELECT * FROM items WHERE ${filterConditions('')} ORDER BY sort_at DESC, id DESC LIMIT 20`, {
      lang: 'en', source: 'a.vn', since: null, until: null,
    });
    expect(list).toContain('items_sort_at');
    expect(list).not.toContain('TEMP B-TREE');
  });
});
