import Sqlite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { ItemStore } from '../../src/store/items.js';
import { migrate, schemaVersion } from '../../src/store/migrate.js';
import { search } from '../../src/store/migrations/0004-search.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-migration-0004-test-'));
  path = join(dir, 'news.db');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const noFilter = { lang: null, source: null, since: null, until: null, limit: null };

/** url, title, summary, byline, sort_at */
const OLD_ITEMS: [string, string | null, string | null, string | null, string][] = [
  ['https://vnexpress.net/a.html', 'Đà Nẵng khai trương cầu mới', 'Cầu nối hai quận.', null, '2026-01-01T00:00:00.000Z'],
  ['https://tuoitre.vn/b.html', 'Giá điện tăng', null, 'Nguyễn Thị Lan', '2026-01-02T00:00:00.000Z'],
  ['https://e.vnexpress.net/c.html', 'Da Nang opens a new bridge', 'The bridge links two districts.', null, '2026-01-03T00:00:00.000Z'],
  ['https://example.org/d.html', null, null, null, '2026-01-04T00:00:00.000Z'],
];

describe('schema 4 (0004-search)', () => {
  it('is registered as the fourth migration', () => {
    expect(MIGRATIONS.indexOf(search)).toBe(3);
    expect(search.version).toBe(4);
  });

  it('makes the items of a schema-3 database searchable', () => {
    const old = new Sqlite(path);
    migrate(old, MIGRATIONS.slice(0, 3));
    const insert = old.prepare(
      `INSERT INTO items (url, url_key, title, summary, byline, source, first_seen_at, fetched_at, updated_at, sort_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const [url, title, summary, byline, sortAt] of OLD_ITEMS) {
      insert.run(url, url, title, summary, byline, new URL(url).hostname, sortAt, sortAt, sortAt, sortAt);
    }
    old.close();

    const db = openDatabase(path);
    try {
      expect(schemaVersion(db)).toBeGreaterThanOrEqual(4);
      const store = new ItemStore(db);
      const urls = (query: string): string[] => store.search(query, noFilter).map((item) => item.url).sort();
      expect(urls('da nang')).toEqual([OLD_ITEMS[2]![0], OLD_ITEMS[0]![0]]);
      expect(urls('dien')).toEqual([OLD_ITEMS[1]![0]]);
      expect(urls('nguyen')).toEqual([OLD_ITEMS[1]![0]]);
      expect(urls('bridge')).toEqual([OLD_ITEMS[2]![0]]);
      expect(store.list({ ...noFilter, search: 'cau' }).map((item) => item.url)).toEqual([OLD_ITEMS[0]![0]]);
      // Every item with text has one index row; the index was merged into one segment.
      expect(db.prepare('SELECT COUNT(*) FROM items_fts_docsize').pluck().get()).toBe(OLD_ITEMS.length);
    } finally {
      db.close();
    }
  });

  it('creates an empty index on a new database and a delete trigger', () => {
    const db = openDatabase(path);
    try {
      const names = db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'items_fts%' ORDER BY name").pluck().all();
      expect(names).toContain('items_fts');
      expect(names).toContain('items_fts_delete');
      expect(db.prepare('SELECT COUNT(*) FROM items_fts_docsize').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
