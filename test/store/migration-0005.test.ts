import Sqlite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storyKeys, storyProfile } from '../../src/normalize/similarity.js';
import { openDatabase } from '../../src/store/database.js';
import { migrate, schemaVersion } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { stories } from '../../src/store/migrations/0005-stories.js';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-migration-0005-test-'));
  path = join(dir, 'news.db');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Rows stored before story grouping: url, title, summary, sort_at. */
const OLD_ITEMS: [string, string, string, string][] = [
  ['https://tuoitre.vn/yagi.htm', 'Siêu bão Yagi vào đất liền Quảng Ninh, Hải Phòng: gió giật cấp 17', 'Khoảng 15h ngày 7/9, bão số 3 (Yagi) đã đổ bộ vào đất liền khu vực Quảng Ninh - Hải Phòng, sức gió mạnh cấp 14, giật trên cấp 17.', '2024-09-07T09:05:00.000Z'],
  ['https://vnexpress.net/gia-vang.html', 'Giá vàng hôm nay 12/8: Vàng nhẫn tăng 500.000 đồng', 'Sáng 12/8, giá vàng nhẫn tăng 500.000 đồng mỗi lượng, lên 77,5 triệu đồng.', '2024-08-12T02:00:00.000Z'],
  ['https://vnexpress.net/yagi.html', 'Bão Yagi đổ bộ Quảng Ninh - Hải Phòng với sức gió cấp 14', 'Chiều 7/9, tâm bão Yagi đi vào vùng ven biển Quảng Ninh - Hải Phòng, gió mạnh nhất cấp 14, giật cấp 17, nhiều cây xanh bị quật đổ.', '2024-09-07T08:10:00.000Z'],
];

describe('schema 5 (0005-stories)', () => {
  it('is registered as the fifth migration', () => {
    expect(MIGRATIONS.indexOf(stories)).toBe(4);
    expect(stories.version).toBe(5);
  });

  it('upgrades a schema-4 database, grouping the items already stored, oldest first', () => {
    const old = new Sqlite(path);
    migrate(old, MIGRATIONS.slice(0, 4));
    const insert = old.prepare(
      `INSERT INTO items (url, url_key, title, summary, source, first_seen_at, fetched_at, updated_at, sort_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const [url, title, summary, sortAt] of OLD_ITEMS) {
      insert.run(url, url, title, summary, new URL(url).hostname, sortAt, sortAt, sortAt, sortAt);
    }
    old.close();

    const db = openDatabase(path);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(5);
    const rows = db.prepare('SELECT id, story_id, story_keys, story_at FROM items ORDER BY id').all() as {
      id: number; story_id: number; story_keys: string; story_at: number;
    }[];
    // The vnexpress storm report (id 3) is dated first, so it heads the story the
    // tuoitre report (id 1) joins; the gold column stands alone.
    expect(rows.map((row) => row.story_id)).toEqual([3, 2, 3]);
    rows.forEach((row, index) => {
      const [, title, summary, sortAt] = OLD_ITEMS[index]!;
      const day = Math.floor(Date.parse(sortAt) / 86_400_000);
      // Schema 6 keeps the bare hashes (the day is story_at's).
      expect(JSON.parse(row.story_keys)).toEqual(storyKeys(storyProfile({ title, summary })));
      expect(row.story_at).toBe(Date.parse(sortAt));
    });
    db.close();
  });

  it('creates the story columns and index; schema 6 drops the key table and its trigger (keys stay in the rows)', () => {
    const db = openDatabase(path);
    const columns = db.prepare("SELECT name FROM pragma_table_info('items') WHERE name LIKE 'story%' ORDER BY cid").pluck().all();
    expect(columns).toEqual(['story_id', 'story_keys', 'story_at']);
    const objects = db
      .prepare("SELECT type || ' ' || name FROM sqlite_master WHERE name LIKE '%stor%' ORDER BY name")
      .pluck()
      .all();
    expect(objects).toEqual(['index items_story_id']);
    db.close();
  });
});
