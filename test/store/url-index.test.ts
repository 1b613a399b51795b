import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { ItemStore, MATCH_SQL } from '../../src/store/items.js';
import { migrate, schemaVersion } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { urlIndexTiers } from '../../src/store/migrations/0008-url-index-tiers.js';
import { urlHash } from '../../src/store/url-hash.js';
import { recentBound } from '../../src/store/url-index.js';
import type { ItemInput } from '../../src/types.js';

let db: Database;

function input(url: string, title: string): ItemInput {
  return {
    url, urlKey: url, canonicalUrl: null, canonicalKey: null, contentKey: null, title, byline: null, attribution: null,
    summary: null, publishedAt: null, siteName: null, imageUrl: null, declaredLang: null, lang: 'vi', langSource: 'text',
    source: 'a.vn', fetchedAt: '2026-11-27T00:00:00.000Z',
  };
}

const pairs = (table: 'item_urls' | 'item_urls_recent', maxId = Number.MAX_SAFE_INTEGER): Array<{ url_hash: number; id: number }> =>
  db.prepare(`SELECT url_hash, id FROM ${table} WHERE id <= ? ORDER BY id`).all(maxId) as Array<{ url_hash: number; id: number }>;

/** Fill the recent table past its bound with pairs of ids no item has (a lookup joins them to nothing). */
function fillRecent(count: number): void {
  const add = db.prepare('INSERT INTO item_urls_recent (url_hash, id) VALUES (?, ?)');
  db.transaction(() => {
    for (let n = 1; n <= count; n++) add.run(n, 1_000_000 + n);
  })();
}

beforeEach(() => {
  db = new Sqlite(':memory:');
});

afterEach(() => {
  db.close();
});

describe('schema 8 (0008-url-index-tiers)', () => {
  it('is registered as the eighth migration', () => {
    expect(MIGRATIONS.indexOf(urlIndexTiers)).toBe(7);
    expect(urlIndexTiers.version).toBe(8);
  });

  it('moves a schema-7 database\'s URL hashes into item_urls and drops the index on items.url_hash', () => {
    migrate(db, MIGRATIONS.slice(0, 7));
    const insert = db.prepare(
      `INSERT INTO items (id, url, url_key, url_hash, title, source, first_seen_at, fetched_at, updated_at, sort_at)
       VALUES (?, ?, ?, ?, ?, 'a.vn', 't', 't', 't', '2026-11-27T00:00:00.000Z')`,
    );
    insert.run(4, 'https://a.vn/1', 'https://a.vn/1', urlHash('https://a.vn/1'), 'Một');
    insert.run(7, 'https://a.vn/2', 'https://a.vn/2', urlHash('https://a.vn/2'), 'Hai');
    migrate(db, MIGRATIONS.slice(0, 8));
    expect(schemaVersion(db)).toBe(8);
    expect(pairs('item_urls')).toEqual([
      { url_hash: urlHash('https://a.vn/1'), id: 4 },
      { url_hash: urlHash('https://a.vn/2'), id: 7 },
    ]);
    expect(pairs('item_urls_recent')).toEqual([]);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'items_url_hash'").pluck().get()).toBe(0);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    const store = new ItemStore(db);
    expect(store.get('https://a.vn/2')?.id).toBe(7);
    expect(store.save([input('https://a.vn/1', 'Một (sửa)')]).perInput).toEqual([{ id: 4, status: 'updated' }]);
  });
});

describe('the URL pairs', () => {
  it('bounds the recent table by the square root of the item count (the largest id), never below 10,000', () => {
    expect(recentBound(0)).toBe(10_000);
    expect(recentBound(90_000)).toBe(10_000);
    expect(recentBound(1_000_000)).toBe(32_000);
    expect(recentBound(10_000_000)).toBe(101_193);
  });

  it('files a new item in the recent table, moves the pairs once it outgrows its bound, and finds items in either table', () => {
    migrate(db);
    const store = new ItemStore(db);
    store.save([input('https://a.vn/1', 'Một'), input('https://a.vn/2', 'Hai')]);
    expect(pairs('item_urls_recent')).toEqual([
      { url_hash: urlHash('https://a.vn/1'), id: 1 },
      { url_hash: urlHash('https://a.vn/2'), id: 2 },
    ]);
    expect(pairs('item_urls')).toEqual([]);

    fillRecent(recentBound(4) - 3);
    store.save([input('https://a.vn/3', 'Ba')]); // at the bound: stays
    expect(db.prepare('SELECT COUNT(*) FROM item_urls_recent').pluck().get()).toBe(10_000);
    store.save([input('https://a.vn/4', 'Bốn')]); // one over: moved
    expect(db.prepare('SELECT COUNT(*) FROM item_urls_recent').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM item_urls').pluck().get()).toBe(10_001);
    expect(pairs('item_urls', 4).map((pair) => pair.id)).toEqual([1, 2, 3, 4]);

    // Found in item_urls now: updated, not saved twice; a new item goes to the recent table.
    expect(store.save([input('https://a.vn/1', 'Một (sửa)'), input('https://a.vn/5', 'Năm')]).perInput).toEqual([
      { id: 1, status: 'updated' },
      { id: 5, status: 'new' },
    ]);
    expect(store.save([input('https://a.vn/5', 'Năm (sửa)')]).perInput).toEqual([{ id: 5, status: 'updated' }]);
    expect(store.get('https://a.vn/4')?.title).toBe('Bốn');
    expect(pairs('item_urls_recent')).toEqual([{ url_hash: urlHash('https://a.vn/5'), id: 5 }]);
    expect(store.count()).toBe(5);
  });

  it('keeps one row per URL key: across batches, inside a batch, and for a hash shared by two keys in either table', () => {
    migrate(db);
    const store = new ItemStore(db);
    store.save([input('https://a.vn/1', 'Một'), input('https://a.vn/2', 'Hai'), input('https://a.vn/1', 'Một (sửa)')]);
    expect(store.save([input('https://a.vn/2', 'Hai (sửa)')])).toMatchObject({ inserted: 0, updated: 1 });
    // Two keys under one hash (forced here; with 1M items stored, a new key meets a stored key's hash about once in 10⁸ saves) stay two items.
    // Only the pair's hash is changed, not items.url_hash: enough for the lookup, which is what is tested.
    db.prepare('UPDATE item_urls_recent SET url_hash = ? WHERE id = 1').run(urlHash('https://a.vn/3'));
    expect(store.save([input('https://a.vn/3', 'Ba')])).toMatchObject({ inserted: 1, updated: 0 });
    db.exec('INSERT INTO item_urls SELECT * FROM item_urls_recent; DELETE FROM item_urls_recent');
    db.prepare('UPDATE item_urls SET url_hash = ? WHERE id = 2').run(urlHash('https://a.vn/4'));
    expect(store.save([input('https://a.vn/4', 'Bốn')])).toMatchObject({ inserted: 1, updated: 0 });
    expect(store.save([input('https://a.vn/3', 'Ba (sửa)')])).toMatchObject({ inserted: 0, updated: 1 });
    expect(store.get('https://a.vn/3')?.title).toBe('Ba (sửa)');
    expect(db.prepare('SELECT url_key, title FROM items ORDER BY id').all()).toEqual([
      { url_key: 'https://a.vn/1', title: 'Một (sửa)' },
      { url_key: 'https://a.vn/2', title: 'Hai (sửa)' },
      { url_key: 'https://a.vn/3', title: 'Ba (sửa)' },
      { url_key: 'https://a.vn/4', title: 'Bốn' },
    ]);
  });

  it('finds an item by canonical URL in either table', () => {
    migrate(db);
    const store = new ItemStore(db);
    store.save([input('https://a.vn/1', 'Một'), input('https://a.vn/2', 'Hai')]);
    db.exec('INSERT INTO item_urls SELECT * FROM item_urls_recent WHERE id = 1; DELETE FROM item_urls_recent WHERE id = 1');
    const alias = (url: string, canonical: string): ItemInput => ({
      ...input(url, 'Bản AMP'), canonicalUrl: canonical, canonicalKey: canonical,
    });
    expect(store.save([alias('https://a.vn/amp/1', 'https://a.vn/1')]).perInput).toEqual([{ id: 1, status: 'updated' }]);
    expect(store.save([alias('https://a.vn/amp/2', 'https://a.vn/2')]).perInput).toEqual([{ id: 2, status: 'updated' }]);
    expect(store.count()).toBe(2);
  });

  it('leaves no pair behind when a save rolls back', () => {
    migrate(db);
    const store = new ItemStore(db);
    const broken = { ...input('https://a.vn/2', 'Hai'), source: null } as unknown as ItemInput;
    expect(() => store.save([input('https://a.vn/1', 'Một'), broken])).toThrow(/NOT NULL/u);
    expect(pairs('item_urls_recent')).toEqual([]);
    expect(store.count()).toBe(0);
  });

  it('drops an item\'s pair with the item, from either table', () => {
    migrate(db);
    const store = new ItemStore(db);
    store.save([input('https://a.vn/1', 'Một'), input('https://a.vn/2', 'Hai')]);
    db.exec('INSERT INTO item_urls SELECT * FROM item_urls_recent WHERE id = 1; DELETE FROM item_urls_recent WHERE id = 1');
    db.prepare('DELETE FROM items').run();
    expect(pairs('item_urls')).toEqual([]);
    expect(pairs('item_urls_recent')).toEqual([]);
    expect(store.save([input('https://a.vn/1', 'Một')]).inserted).toBe(1);
  });

  it('looks an input up through index seeks only: the pairs by hash, then items by id', () => {
    migrate(db);
    const params = { urlKey: 'https://a.vn/1', urlHash: 1, canonicalKey: 'https://a.vn/c', canonicalHash: 2, contentKey: 'k' };
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${MATCH_SQL}`).all(params) as Array<{ detail: string }>).map((row) => row.detail);
    expect(plan.filter((detail) => detail.includes('USING PRIMARY KEY (url_hash=?)'))).toHaveLength(4);
    expect(plan.filter((detail) => detail.startsWith('SEARCH i USING INTEGER PRIMARY KEY (rowid=?)'))).toHaveLength(4);
    expect(plan.filter((detail) => /USING INDEX items_(canonical|content)_key/u.test(detail))).toHaveLength(3);
    // The only scans are of the LIMIT 1 subqueries' one-row results, never of a table.
    expect(plan.filter((detail) => detail.startsWith('SCAN') && !detail.startsWith('SCAN (subquery-'))).toEqual([]);
  });
});
