import Sqlite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { migrate, latestVersion, schemaVersion } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-migration-0003-test-'));
  path = join(dir, 'news.db');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const tables = (db: Sqlite.Database): unknown[] =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();

describe('schema 3 (0003-sources-runs)', () => {
  it('upgrades a schema-2 database, keeping its items', () => {
    const old = new Sqlite(path);
    migrate(old, MIGRATIONS.slice(0, 2));
    old
      .prepare(
        `INSERT INTO items (url, url_key, source, first_seen_at, fetched_at, updated_at, sort_at)
         VALUES ('https://a.vn/x', 'https://a.vn/x', 'a.vn', 't', 't', 't', 't')`,
      )
      .run();
    old.close();

    const db = openDatabase(path);
    // Later migrations run too; schema 3's tables must all be there.
    expect(schemaVersion(db)).toBe(latestVersion());
    expect(tables(db)).toEqual(expect.arrayContaining(['hosts', 'http_cache', 'items', 'locks', 'runs', 'sources']));
    expect(db.prepare('SELECT url FROM items').pluck().all()).toEqual(['https://a.vn/x']);
    db.close();
  });

  it.each([
    ['an unknown kind', "INSERT INTO sources (url, url_key, kind, added_at) VALUES ('u', 'u', 'podcast', 't')"],
    ['an unknown language', "INSERT INTO sources (url, url_key, kind, lang, added_at) VALUES ('u', 'u', 'feed', 'fr', 't')"],
    ['a duplicate URL key', "INSERT INTO sources (url, url_key, kind, added_at) VALUES ('u', 'k', 'feed', 't'), ('v', 'k', 'feed', 't')"],
    ['an unknown run status', "INSERT INTO runs (started_at, pid, hostname, status) VALUES ('t', 1, 'h', 'done')"],
  ])('the tables refuse %s', (_label, sql) => {
    const db = openDatabase(path);
    expect(() => db.prepare(sql).run()).toThrow(/constraint failed/u);
    db.close();
  });
});
