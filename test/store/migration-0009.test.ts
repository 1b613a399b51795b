import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { ItemStore } from '../../src/store/items.js';
import { migrate, schemaVersion } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { ftsLeafSize } from '../../src/store/migrations/0009-fts-leaf-size.js';
import type { ItemInput } from '../../src/types.js';

const opened: Database[] = [];

/** An in-memory database with `pageSize`-byte pages, migrated to schema 8. */
function schema8(pageSize: number): Database {
  const db = new Sqlite(':memory:');
  opened.push(db);
  db.pragma(`page_size = ${pageSize}`);
  migrate(db, MIGRATIONS.slice(0, 8));
  return db;
}

const leafSize = (db: Database): unknown => db.prepare("SELECT v FROM items_fts_config WHERE k = 'pgsz'").pluck().get();

function input(n: number, title: string): ItemInput {
  const url = `https://a.vn/${n}`;
  return {
    url, urlKey: url, canonicalUrl: null, canonicalKey: null, contentKey: null, title, byline: null, attribution: null,
    summary: `Tóm tắt bài ${n} về Đà Nẵng`, publishedAt: null, siteName: null, imageUrl: null, declaredLang: null, lang: 'vi',
    langSource: 'text', source: 'a.vn', fetchedAt: '2026-11-28T00:00:00.000Z',
  };
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('schema 9 (0009-fts-leaf-size)', () => {
  it('is registered as the ninth migration', () => {
    expect(MIGRATIONS.indexOf(ftsLeafSize)).toBe(8);
    expect(ftsLeafSize.version).toBe(9);
  });

  it('sizes the search index leaves to the page: 16,338 bytes on 16 KB pages, FTS5\'s default 4,050 on 4 KB pages', () => {
    const large = schema8(16_384);
    const small = schema8(4096);
    expect(leafSize(large)).toBeUndefined(); // FTS5's default until then
    migrate(large);
    migrate(small);
    expect(schemaVersion(large)).toBe(9);
    expect(leafSize(large)).toBe(16_338);
    expect(leafSize(small)).toBe(4050);
  });

  it('keeps the items indexed before it searchable, edited, deleted and merged with the ones indexed after', () => {
    const db = schema8(16_384);
    const store = new ItemStore(db);
    const all = { lang: null, source: null, since: null, until: null, limit: null };
    const largestLeaf = (): number => db.prepare('SELECT MAX(length(block)) FROM items_fts_data WHERE id > 10').pluck().get() as number;
    store.save(Array.from({ length: 300 }, (_, n) => input(n, `Bài cũ số ${n} ở Hà Nội`)));
    expect(largestLeaf()).toBeLessThanOrEqual(4100);
    migrate(db);
    store.save(Array.from({ length: 300 }, (_, n) => input(1000 + n, `Bài mới số ${n} ở Hà Nội`)));
    // Old rows edited (their index rows replaced) and deleted (the trigger), across the two leaf sizes.
    store.save(Array.from({ length: 50 }, (_, n) => input(n, `Bài sửa số ${n} ở Huế`)));
    db.prepare('DELETE FROM items WHERE url IN (SELECT url FROM items ORDER BY id LIMIT 20 OFFSET 100)').run();
    expect(store.search('"bai cu"', all)).toHaveLength(230);
    expect(store.search('"bai sua" hue', all)).toHaveLength(50);
    expect(store.search('"bai moi"', all)).toHaveLength(300);
    expect(store.search('da nang', all)).toHaveLength(580);
    db.exec("INSERT INTO items_fts (items_fts) VALUES ('optimize')");
    expect(largestLeaf()).toBeGreaterThan(4100); // the merged segment has the new, larger leaves
    expect(store.search('"bai cu"', all)).toHaveLength(230);
    expect(store.search('da nang', all)).toHaveLength(580);
    db.exec("INSERT INTO items_fts (items_fts) VALUES ('integrity-check')");
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
  });
});
